package complete

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/sohoa/sohoa/gazetteer"
)

// lead is a word or phrase written before a unit's name in a place: a hamlet ("xóm Tân Lập",
// named like the communes around it) or a facility ("Trạm y tế xã Tân Lập").
type lead struct {
	text   string
	hamlet bool // followed by a bare name of a commune nearby, not by a unit with its type
}

var leads = []lead{
	{"thôn", true}, {"xóm", true}, {"ấp", true}, {"bản", true}, {"buôn", true}, {"làng", true},
	{"đội", true}, {"tổ", true}, {"khối", true}, {"khu phố", true}, {"khu", true},
	{"Trạm y tế", false}, {"Trạm xá", false}, {"Bệnh viện", false}, {"Bệnh viện đa khoa", false},
	{"Nhà hộ sinh", false}, {"Tại nhà", false},
}

// placeScore ranks a unit for a query: units of the register's own commune, district and
// province first, units bearing their name in the register's year before those that did not.
func (d *placeData) placeScore(ref int, q Query, home int, exact bool) float64 {
	s := 0.0
	if exact {
		s += 3
	}
	if ref <= -2 { // a former province
		f := d.former[-2-ref]
		switch {
		case q.Year > 0 && f.From > 0 && f.From <= q.Year && q.Year <= f.To:
			s += 8
		case f.From == 0:
			s += 1 // an older spelling
		}
		if home >= 0 {
			for _, c := range f.Successors {
				if c == d.units[d.province[home]].Code {
					s += 10
				}
			}
		}
		return s
	}
	u := &d.units[ref]
	if u.Level != gazetteer.Province || d.provinceInForce(ref, q.Year) {
		s += 5
	}
	if home >= 0 {
		switch {
		case ref == home:
			s += 30
		case d.district[ref] == d.district[home] && d.district[ref] >= 0:
			s += 20
		case d.province[ref] == d.province[home]:
			s += 10
		}
	}
	switch u.Level {
	case gazetteer.Commune:
		s += 0.3
	case gazetteer.District:
		s += 0.2
	}
	return s
}

// unitMatch is a unit found for a folded name, with its score.
type unitMatch struct {
	ref   int
	score float64
}

// find finds the units whose name (with or without its type) starts with key, the n best
// first. A one-letter key matches thousands of units, so only the best few are kept as it goes.
func (d *placeData) find(key string, q Query, home int, n int) []unitMatch {
	keep := 2 * n // room for a unit found under both of its keys
	top := make([]unitMatch, 0, keep)
	worst := 0 // index of the lowest score in top, once full
	d.index.prefix(key, func(e *entry) bool {
		s := d.placeScore(e.ref, q, home, e.key == key) - float64(len(e.key))*0.01
		if len(top) < keep {
			top = append(top, unitMatch{e.ref, s})
			if len(top) == keep {
				worst = lowest(top)
			}
			return true
		}
		if s > top[worst].score {
			top[worst] = unitMatch{e.ref, s}
			worst = lowest(top)
		}
		return true
	})
	sort.SliceStable(top, func(i, j int) bool { return top[i].score > top[j].score })
	out := top[:0]
	seen := map[int]bool{}
	for _, m := range top {
		if !seen[m.ref] {
			seen[m.ref] = true
			out = append(out, m)
		}
	}
	return out[:min(n, len(out))]
}

func lowest(ms []unitMatch) int {
	w := 0
	for i := range ms {
		if ms[i].score < ms[w].score {
			w = i
		}
	}
	return w
}

func (d *placeData) renderRef(ref, year int, full bool) string {
	if ref <= -2 {
		return "tỉnh " + d.former[-2-ref].Name
	}
	return d.render(ref, year, full)
}

// completeSegment completes one comma-separated part of a place, as typed.
func (d *placeData) completeSegment(seg string, q Query, home int, b *best, base float64, head string) {
	words := strings.Fields(seg)
	if len(words) == 0 {
		return
	}
	open := ""
	if strings.HasSuffix(seg, " ") {
		open = " "
	}
	key := fold(strings.Join(words, " ")) + open
	for _, l := range leads { // a lead begun: "tram" → "Trạm y tế"
		if lk := fold(l.text); strings.HasPrefix(lk, key) && len(key) < len(lk) {
			b.add(Candidate{Value: head + l.text, Source: "phrase"}, base+12)
		}
	}
	for _, m := range d.find(key, q, home, 3*q.Limit) {
		b.add(Candidate{Value: head + d.renderRef(m.ref, q.Year, true), Source: "gazetteer"}, base+m.score)
		b.add(Candidate{Value: head + d.renderRef(m.ref, q.Year, false), Source: "gazetteer"}, base+m.score-4)
	}
	for i := 1; i < len(words); i++ {
		lk := fold(strings.Join(words[:i], " "))
		for _, l := range leads {
			if fold(l.text) != lk {
				continue
			}
			rest := fold(strings.Join(words[i:], " ")) + open
			if l.hamlet {
				d.hamlets(rest, q, home, b, base, head+l.text+" ")
				continue
			}
			for _, m := range d.find(rest, q, home, 2*q.Limit) {
				b.add(Candidate{Value: head + l.text + " " + d.renderRef(m.ref, q.Year, false), Source: "gazetteer"}, base+m.score)
			}
		}
	}
}

// hamlets offers the bare names of the communes of the register's district, as hamlets are
// often named like the communes around them.
func (d *placeData) hamlets(key string, q Query, home int, b *best, base float64, head string) {
	if n := strings.TrimSpace(key); n != "" && strings.Trim(n, "0123456789") == "" {
		b.add(Candidate{Value: head + n, Source: "phrase"}, base+25) // a numbered hamlet: "xóm 6"
		return
	}
	if home < 0 || d.district[home] < 0 {
		return
	}
	dist := d.district[home]
	d.index.prefix(key, func(e *entry) bool {
		if e.ref >= 0 && d.units[e.ref].Level == gazetteer.Commune && d.district[e.ref] == dist && e.key == fold(d.bare[e.ref]) {
			b.add(Candidate{Value: head + d.bare[e.ref], Source: "gazetteer"}, base+20-float64(len(e.key))*0.01)
		}
		return true
	})
}

// completePlace completes the last comma-separated part of a place; the parts before it are
// written again in their likeliest form (so "xom dong, xa tan l" keeps its first part's marks
// when it names a hamlet nearby). Places confirmed in the same commune come first.
func (e *Engine) completePlace(ctx context.Context, q Query) ([]Candidate, error) {
	d := e.places
	home := -1
	if i, ok := d.byCode[q.Commune]; ok && d.units[i].Level == gazetteer.Commune {
		home = i
	}
	b := newBest(q.Limit)
	if e.confirmed != nil && q.Commune != "" {
		got, err := e.confirmed.ConfirmedPlaces(ctx, q.Commune, strings.TrimLeft(fold(q.Prefix), " "), q.Limit)
		if err != nil {
			return nil, fmt.Errorf("complete place: %w", err)
		}
		for i, v := range got {
			b.add(Candidate{Value: v, Source: "confirmed"}, 100-float64(i))
		}
	}
	cut := strings.LastIndex(q.Prefix, ",")
	head, tail := "", q.Prefix
	if cut >= 0 {
		head = d.rewrite(q.Prefix[:cut], q, home) + ", "
		tail = q.Prefix[cut+1:]
	}
	d.completeSegment(tail, q, home, b, 0, head)
	return b.result(), nil
}

// rewriteParts is how many finished parts before the one being typed are written again: a
// place has at most hamlet, commune, district, province, and re-completing every earlier part
// of a long (or hostile) comma string cost 0,6 s of CPU for 100 parts.
const rewriteParts = 3

// rewrite writes each of the last rewriteParts parts of a finished head in the likeliest form
// that folds to it; earlier parts stay as typed.
func (d *placeData) rewrite(head string, q Query, home int) string {
	parts := strings.Split(head, ",")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		parts[i] = p
		if i < len(parts)-rewriteParts {
			continue
		}
		b := newBest(20)
		d.completeSegment(p, q, home, b, 0, "")
		for _, c := range b.result() {
			if fold(c.Value) == fold(p) {
				parts[i] = c.Value
				break
			}
		}
	}
	return strings.Join(parts, ", ")
}
