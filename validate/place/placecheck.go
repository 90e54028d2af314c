package place

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
)

// Penalty factors for places. Places are often hamlets, hospitals or units renamed since, so an
// unknown place costs little.
const (
	penaltyPlaceUnknown = 0.85
	penaltyPlaceFuzzy   = 0.9
	penaltyPlaceVague   = 0.9
)

// Check keeps the place as written (cleaned of OCR specks) and links it to today's units.
func (x *Index) Check(written string) Result {
	r := &Result{Written: written, Penalty: 1}
	x.check(r)
	return *r
}

func (x *Index) check(r *Result) {
	r.Value = tidyPlace(r.Written)
	var fixed []string
	r.Value, fixed = fixTypeWords(r.Value, x.syllable, x.known)
	for _, f := range fixed {
		r.add(issue(CodeSpelling,
			fmt.Sprintf("Đã sửa %q: kiểm tra lại", f), fmt.Sprintf("Corrected %q: check it", f)), 0.9)
	}
	parts := x.splitPlace(r.Value)
	chains := x.resolve(parts)
	if len(chains) == 0 {
		r.add(issue(CodeUnknown,
			fmt.Sprintf("Không tìm thấy %q trong danh mục đơn vị hành chính", r.Written),
			fmt.Sprintf("%q is not in the list of administrative units", r.Written)), penaltyPlaceUnknown)
		return
	}
	ch := chains[0]
	if len(chains) > 1 {
		x.ambiguous(r, chains)
		ch = commonAncestor(x, chains)
	}
	// A commune left unmatched may be misspelt: look for it under what did match.
	if ch.comm.unit < 0 && len(chains) == 1 {
		under, bound := "", firstSet(ch.parts[lvDistrict], ch.parts[lvProvince], len(parts))
		switch {
		case ch.dist.unit >= 0:
			under = x.units[ch.dist.unit].Code
		case ch.prov.unit >= 0:
			under = x.units[ch.prov.unit].Code
		}
		for i := bound - 1; i >= 0 && under != ""; i-- {
			if parts[i].hamlet {
				continue
			}
			if cc, ok := x.fuzzyCommune(parts[i], under); ok {
				ch.comm, ch.parts[lvCommune] = cc, i
			}
			break
		}
	}
	r.Link = x.link(ch)
	assigned := map[int]bool{}
	for _, c := range append(chains, ch) {
		for _, i := range c.parts {
			assigned[i] = true
		}
	}
	x.notes(r, parts, ch, assigned)
}

// link fills the units of a chain, deriving the district and province from the commune.
func (x *Index) link(ch chain) *Link {
	l := &Link{}
	if ch.comm.unit >= 0 {
		l.Commune = x.units[ch.comm.unit]
		l.District = x.unit(l.Commune.Parent)
		l.Province = x.unit(l.District.Parent)
	}
	if ch.dist.unit >= 0 {
		l.District = x.units[ch.dist.unit]
		l.Province = x.unit(l.District.Parent)
	}
	if ch.prov.unit >= 0 {
		l.Province = x.units[ch.prov.unit]
	}
	if ch.old >= 0 {
		o := x.olds[ch.old]
		if o.from > 0 {
			l.Former = o.label()
		}
		if l.Province.Code == "" && len(o.successors) == 1 {
			l.Province = x.unit(o.successors[0])
		}
		if l.Province.Code == "" {
			for _, c := range o.successors {
				l.Successors = append(l.Successors, x.unit(c))
			}
		}
	}
	return l
}

// notes adds the issues and suggestions for a resolved place.
func (x *Index) notes(r *Result, parts []placePart, ch chain, assigned map[int]bool) {
	if l := r.Link; l.Former != "" {
		if l.Province.Code != "" {
			r.add(issue(CodeOld,
				fmt.Sprintf("%s nay là %s", l.Former, l.Province.Name),
				fmt.Sprintf("%s is now %s", l.Former, l.Province.Name)))
		} else {
			var names []string
			for _, u := range l.Successors {
				names = append(names, u.Name)
			}
			r.add(issue(CodeOld,
				fmt.Sprintf("%s nay thuộc %s", l.Former, spelling.JoinVI(names)),
				fmt.Sprintf("%s is now part of %s", l.Former, spelling.JoinEN(names))))
		}
	}
	// A part with a type word (xã, huyện) that matched nothing, to the right of the hamlets.
	lowest := len(parts)
	for i := range assigned {
		if i >= 0 {
			lowest = min(lowest, i)
		}
	}
	for i, p := range parts {
		if p.hamlet || assigned[i] || (i < lowest && !p.typed) {
			continue
		}
		r.add(issue(CodePartial,
			fmt.Sprintf("Không tìm thấy %q trong danh mục đơn vị hành chính", p.written),
			fmt.Sprintf("%q is not in the list of administrative units", p.written)), penaltyPlaceVague)
	}
	// Parts matched only approximately: suggest the place with their names spelt right.
	fixed := r.Written
	for lv, cd := range []placeCand{ch.comm, ch.dist, ch.prov} {
		i := ch.parts[lv]
		if i < 0 || (cd.unit < 0 && cd.old < 0) {
			continue
		}
		want := ""
		if cd.unit >= 0 {
			want = bareName(x.units[cd.unit].Name)
		} else {
			want = x.olds[cd.old].name
		}
		// A match that ignored the tone marks or hooks is a misreading too ("Lũng Chỉnh" for the
		// commune Lũng Chinh), unless the name was typed without any diacritics at all.
		if !cd.fuzzy && (spelling.SameSpelling(parts[i].name, want) || !spelling.HasMarks(parts[i].name)) {
			continue
		}
		r.add(issue(CodeSpelling,
			fmt.Sprintf("%q được hiểu là %q", parts[i].name, want),
			fmt.Sprintf("%q read as %q", parts[i].name, want)), penaltyPlaceFuzzy)
		fixed = strings.Replace(fixed, parts[i].name, want, 1)
	}
	if fixed != r.Written {
		r.Suggestions = append(r.Suggestions, fixed)
	}
}

// ambiguous reports a place that matches several units equally well (a commune name used in many
// provinces) and suggests the first three.
func (x *Index) ambiguous(r *Result, chains []chain) {
	var paths []string
	for _, ch := range chains {
		u := ch.comm.unit
		if u < 0 {
			u = ch.dist.unit
		}
		if u < 0 {
			u = ch.prov.unit
		}
		if u >= 0 && !slices.Contains(paths, x.path(u)) {
			paths = append(paths, x.path(u))
		}
	}
	r.add(issue(CodeAmbiguous,
		fmt.Sprintf("%q khớp với %d đơn vị hành chính", r.Written, len(paths)),
		fmt.Sprintf("%q matches %d administrative units", r.Written, len(paths))), penaltyPlaceVague)
	r.Suggestions = paths[:min(3, len(paths))]
}

// commonAncestor keeps of several equally good chains only what they agree on: the district
// and province they lead to, and the former province they name.
func commonAncestor(x *Index, chains []chain) chain {
	out := chain{comm: noCand, dist: noCand, prov: noCand, parts: [3]int{-1, -1, -1}, old: chains[0].old}
	first := x.link(chains[0])
	dist, prov := first.District.Code, first.Province.Code
	for _, ch := range chains[1:] {
		l := x.link(ch)
		if l.District.Code != dist {
			dist = ""
		}
		if l.Province.Code != prov {
			prov = ""
		}
		if ch.old != out.old {
			out.old = -1
		}
	}
	if i, ok := x.byCode[dist]; ok && dist != "" {
		out.dist = placeCand{unit: i, old: -1, level: lvDistrict, score: 1}
	}
	if i, ok := x.byCode[prov]; ok && prov != "" {
		out.prov = placeCand{unit: i, old: -1, level: lvProvince, score: 1}
	}
	return out
}
