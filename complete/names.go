package complete

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/sohoa/sohoa/synth/world"
	"github.com/sohoa/sohoa/validate/spelling"
)

// nameData ranks the words of personal names by how often each is a surname, a middle name or
// a given name (men's and women's apart).
type nameData struct {
	surnames *index // weight: share of surnames
	middles  *index // weight: share of middle names
	givens   *index // weight: share of given names; ref into givenBy
	givenBy  [][2]float64
}

// Name positions decide which list a word is drawn from; these are the shares of each role at
// each position of a full name in the registers (three-word names are the rule, two- and
// four-word names the exceptions).
var roleAt = [...]struct{ middle, given float64 }{
	1: {middle: 0.75, given: 0.25},
	2: {middle: 0.15, given: 0.85},
	3: {middle: 0.05, given: 0.95},
}

func loadNames() (*nameData, error) {
	lists, err := world.Names()
	if err != nil {
		return nil, err
	}
	d := &nameData{surnames: countIndex(syllablesOnly(lists.Surnames)), middles: countIndex(lists.Middles)}
	type tally struct{ n [2]float64 }
	givens := map[string]*tally{}
	var totals [2]float64
	for sex, names := range [2][]string{lists.Male, lists.Female} {
		for _, n := range names {
			w := strings.Fields(n)
			if len(w) == 0 {
				continue
			}
			last := w[len(w)-1]
			if givens[last] == nil {
				givens[last] = &tally{}
			}
			givens[last].n[sex]++
			totals[sex]++
		}
	}
	var entries []entry
	for w, t := range givens {
		m, f := t.n[0]/totals[0], t.n[1]/totals[1]
		entries = append(entries, entry{key: fold(w), value: w, weight: (m + f) / 2, ref: len(d.givenBy)})
		d.givenBy = append(d.givenBy, [2]float64{m, f})
	}
	d.givens = newIndex(entries)
	return d, nil
}

// countIndex indexes names by their share of the total count.
// syllablesOnly drops names with a word that is no Vietnamese syllable: the surname counts
// carry a few misspellings from their source ("Ngoâ", "Ngeou") that must never be offered.
func syllablesOnly(counts []world.NameCount) []world.NameCount {
	out := make([]world.NameCount, 0, len(counts))
	for _, c := range counts {
		if !slices.ContainsFunc(strings.Fields(c.Name), func(w string) bool { return !spelling.IsSyllable(w) }) {
			out = append(out, c)
		}
	}
	return out
}

func countIndex(counts []world.NameCount) *index {
	total := 0.0
	for _, c := range counts {
		total += float64(c.Count)
	}
	entries := make([]entry, 0, len(counts))
	for _, c := range counts {
		entries = append(entries, entry{key: fold(c.Name), value: c.Name, weight: float64(c.Count) / total, ref: -1})
	}
	return newIndex(entries)
}

// form is one way of writing a typed word, with its log-probability.
type form struct {
	text  string
	score float64
}

// sexOf guesses the sex from the middle names typed so far: 0 man, 1 woman, -1 unknown.
func sexOf(words []string) int {
	for _, w := range words[min(1, len(words)):] {
		switch w {
		case "thi":
			return 1
		case "van":
			return 0
		}
	}
	return -1
}

// wordForms lists how the word at position pos (0 = surname) may be written, for a folded word
// w that is complete (exact) or only begun (prefix), most likely first.
func (d *nameData) wordForms(w string, pos, sex int, exact bool, surname bool) []form {
	var out []form
	add := func(e *entry, role float64) bool {
		wt := e.weight
		if e.ref >= 0 && sex >= 0 {
			wt = d.givenBy[e.ref][sex]
		}
		if wt > 0 && role > 0 {
			sc := math.Log(role * wt)
			if !exact && e.key == w {
				sc += math.Log(4) // the word typed in full is likelier than a longer one
			}
			out = append(out, form{e.value, sc})
		}
		return true
	}
	look := func(x *index, role float64) {
		if exact {
			for _, e := range x.exact(w) {
				add(&e, role)
			}
			return
		}
		x.prefix(w, func(e *entry) bool { return add(e, role) })
	}
	if surname {
		look(d.surnames, 1)
	} else {
		r := roleAt[min(pos, len(roleAt)-1)]
		look(d.middles, r.middle)
		look(d.givens, r.given)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return dedupe(out)
}

// dedupe keeps the first (best) form of each text.
func dedupe(forms []form) []form {
	seen := map[string]bool{}
	out := forms[:0]
	for _, f := range forms {
		if !seen[f.text] {
			seen[f.text] = true
			out = append(out, f)
		}
	}
	return out
}

// complete completes a full name, a surname or a given name word by word: earlier words are
// written in their likeliest forms, the last one is completed from the lists by frequency.
func (d *nameData) complete(q Query) []Candidate {
	words := strings.Fields(fold(q.Prefix))
	if len(words) == 0 {
		return []Candidate{} // only marks or spaces: no word to complete
	}
	done := strings.HasSuffix(q.Prefix, " ")
	cur := ""
	if !done {
		cur, words = words[len(words)-1], words[:len(words)-1]
	}
	first := 0 // position of words[0]: given names have no surname before them
	if q.Type == TypeGivenName {
		first = 1
	}
	if q.Type == TypeFamilyName && len(words) > 0 {
		return []Candidate{}
	}
	sex := sexOf(words)
	if q.Type == TypeGivenName {
		sex = sexOf(append([]string{""}, words...))
	}
	beams := []form{{}}
	for i, w := range words {
		pos := first + i
		forms := d.wordForms(w, pos, sex, true, pos == 0)
		if len(forms) == 0 {
			forms = []form{{titleWord(w), math.Log(1e-6)}}
		}
		beams = extend(beams, forms[:min(2, len(forms))], 4)
	}
	pos := first + len(words)
	var last []form
	if cur != "" {
		last = d.wordForms(cur, pos, sex, false, pos == 0)
	} else if pos > 0 {
		last = d.wordForms("", pos, sex, false, false)
	}
	b := newBest(q.Limit)
	for _, head := range beams {
		for i, f := range last {
			if i >= 4*q.Limit {
				break
			}
			v := strings.TrimSpace(head.text + " " + titleWord(f.text))
			b.add(Candidate{Value: v, Source: "names"}, head.score+f.score)
		}
	}
	return b.result()
}

// extend appends every form to every beam and keeps the n best.
func extend(beams, forms []form, n int) []form {
	var out []form
	for _, b := range beams {
		for _, f := range forms {
			out = append(out, form{strings.TrimSpace(b.text + " " + titleWord(f.text)), b.score + f.score})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].score > out[j].score })
	return out[:min(n, len(out))]
}
