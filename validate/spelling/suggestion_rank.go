package spelling

import (
	"strings"

	"golang.org/x/text/unicode/norm"
)

// worthOffering is the suggestions a clerk should see: none equal to the value already there
// (as read or as normalised, in any case), none twice, in their order.
func WorthOffering(sugg []string, value, written string) []string {
	key := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(norm.NFC.String(s)), " ")) }
	seen := map[string]bool{key(value): true, key(written): true}
	var out []string
	for _, s := range sugg {
		k := key(s)
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// nameWords keeps, of the syllables suggested for a word of a name, those that names use, and
// of those none that names use unusualRatio times less than the most usual one: "Nguyẽn" gets
// Nguyễn (2,851 names), not also the valid but near-nameless Nguyến and Nguyển (1 each).
func (x *Index) NameWords(cands []string) []string {
	best := -1
	for _, c := range cands {
		if n, ok := x.inNames[strings.ToLower(c)]; ok {
			best = max(best, n)
		}
	}
	if best < 0 {
		return cands
	}
	var named []string
	for _, c := range cands {
		n, ok := x.inNames[strings.ToLower(c)]
		if ok && (best < unusualMin || n*unusualRatio >= best) {
			named = append(named, c)
		}
	}
	return named
}
