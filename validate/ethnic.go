package validate

import (
	"cmp"
	"slices"
	"strings"

	"github.com/sohoa/sohoa/ethnic"
	"github.com/sohoa/sohoa/validate/spelling"
)

// Columns of the ethnic table, in the order a match on them is preferred.
const (
	colOfficial = iota
	colOther
	colSelf
)

type ethnicGroup struct {
	official string
	names    [3][]string // by column
}

// ethnicRef is one name of one group.
type ethnicRef struct {
	group, col int
}

// ethnicTable finds the official group of a written ethnicity.
type ethnicTable struct {
	groups []ethnicGroup
	exact  map[string][]ethnicRef // lowercase, spaces, hyphens and apostrophes removed
	folded map[string][]ethnicRef // the same, also without diacritics
	keys   []string               // folded keys, for the fuzzy pass
}

func ethnicKey(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "'", "", "’", "").Replace(strings.ToLower(s))
}

func newEthnicTable() (*ethnicTable, error) {
	all, err := ethnic.Groups()
	if err != nil {
		return nil, err
	}
	// Largest first: a name several groups share goes to the first of them.
	byRank := slices.SortedFunc(slices.Values(all), func(a, b ethnic.Group) int { return cmp.Compare(a.Rank, b.Rank) })
	t := &ethnicTable{exact: map[string][]ethnicRef{}, folded: map[string][]ethnicRef{}}
	for _, e := range byRank {
		g := ethnicGroup{official: e.Name}
		g.names[colOfficial] = []string{e.Name}
		g.names[colOther] = e.Other
		g.names[colSelf] = e.Self
		gi := len(t.groups)
		t.groups = append(t.groups, g)
		for c, names := range g.names {
			for _, name := range names {
				t.index(name, ethnicRef{gi, c})
			}
		}
	}
	return t, nil
}

// index files one name of one group under its exact and folded keys.
func (t *ethnicTable) index(name string, ref ethnicRef) {
	k := ethnicKey(name)
	t.exact[k] = append(t.exact[k], ref)
	fk := spelling.Fold(k)
	if _, seen := t.folded[fk]; !seen {
		t.keys = append(t.keys, fk)
	}
	t.folded[fk] = append(t.folded[fk], ref)
}

// onColumn keeps the refs on column col, one per group, in table order (by population).
func onColumn(refs []ethnicRef, col int) []ethnicRef {
	var out []ethnicRef
	for _, r := range refs {
		if r.col == col && !slices.ContainsFunc(out, func(o ethnicRef) bool { return o.group == r.group }) {
			out = append(out, r)
		}
	}
	return out
}

// lookup matches one written name. Official names come first, then other names, then
// self-names; on each column an exact match first, then one without diacritics ("Tay" is the Tày
// with its mark lost before it is the Thái's self-name Tay). Last, a folded name within a small
// edit distance; fuzzy reports that.
func (t *ethnicTable) lookup(s string) (refs []ethnicRef, fuzzy bool) {
	k := ethnicKey(s)
	if k == "" {
		return nil, false
	}
	fk := spelling.Fold(k)
	for col := colOfficial; col <= colSelf; col++ {
		if refs := onColumn(t.exact[k], col); len(refs) > 0 {
			return refs, false
		}
		if refs := onColumn(t.folded[fk], col); len(refs) > 0 {
			return refs, false
		}
	}
	if len(fk) < 4 {
		return nil, false
	}
	limit := 1
	if len(fk) >= 8 {
		limit = 2
	}
	bestD := limit + 1
	for _, key := range t.keys {
		if d := spelling.Distance(fk, key); d < bestD {
			bestD, refs = d, t.folded[key]
		} else if d == bestD {
			refs = append(slices.Clip(refs), t.folded[key]...)
		}
	}
	if bestD > limit {
		return nil, false
	}
	for col := colOfficial; col <= colSelf; col++ {
		if out := onColumn(refs, col); len(out) > 0 {
			return out, true
		}
	}
	return nil, false
}

// candidates are the readings of a written ethnicity to try in turn: "Dân tộc Kinh (Việt)" gives
// "Kinh (Việt)", "Kinh" and "Việt".
func ethnicCandidates(w string) []string {
	f := spelling.Fold(w)
	for _, p := range []string{"dan toc ", "dt ", "dt.", "dt:"} {
		if strings.HasPrefix(f, p) {
			w = strings.TrimSpace(string([]rune(w)[len([]rune(p)):]))
			break
		}
	}
	out := []string{w}
	if before, inside, ok := strings.Cut(w, "("); ok {
		out = append(out, strings.TrimSpace(before), strings.Trim(strings.TrimSpace(inside), ")"))
	}
	return out
}

// check maps a written ethnicity to its group's official name.
func (t *ethnicTable) check(r *Result) {
	for _, c := range ethnicCandidates(r.Written) {
		refs, fuzzy := t.lookup(c)
		if len(refs) == 0 {
			continue
		}
		g := t.groups[refs[0].group]
		r.Value = g.official
		switch {
		case len(refs) > 1:
			var names []string
			for _, ref := range refs {
				names = append(names, t.groups[ref.group].official)
			}
			r.add(issueEthnicAmbiguous(c, names), 0.9)
			r.Suggestions = names[:min(3, len(names))]
		case refs[0].col != colOfficial:
			r.add(issueEthnicOtherName(c, g.official))
		default:
			// An official name that a larger group was also called by: "Thổ" in older registers
			// often meant the Tày.
			if larger := t.largerNamesake(c, refs[0].group); larger != "" {
				r.add(issueEthnicNamesake(c, larger))
			}
		}
		if fuzzy {
			r.penalize(0.85)
			if len(r.Suggestions) == 0 {
				r.Suggestions = []string{g.official}
			}
		}
		return
	}
	r.add(issueEthnicUnknown(r.Written), 0.6)
}

// largerNamesake returns the official name of a group listed before g (larger) that has s among
// its other names.
func (t *ethnicTable) largerNamesake(s string, g int) string {
	for _, ref := range t.exact[ethnicKey(s)] {
		if ref.col == colOther && ref.group < g {
			return t.groups[ref.group].official
		}
	}
	return ""
}
