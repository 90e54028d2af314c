package spelling

import (
	_ "embed"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// syllableIndex holds the valid syllables and, for suggestions, an index by skeleton (the
// syllable without any diacritic: "nguyễn" → "nguyen") and by skeletons with one letter deleted,
// so that a damaged token is compared only with syllables one skeleton edit away instead of with
// the whole set.
type Index struct {
	set     map[string]struct{}
	inNames map[string]int // syllables of personal names → surname and middle-name count
	list    []string
	letters [][]letter
	bySkel  map[string][]int32
	byDel   map[string][]string // skeleton minus one letter → skeletons
}

//go:embed data/name-syllables.txt
var nameSyllables string

//go:embed data/old-given-names.txt
var oldGivenNames string

// namePrior is subtracted from the distance of a syllable common in names when suggesting for a
// name, so that of two near readings the usual name wins ("Nguyéen" → Nguyễn before Nguyến).
const namePrior = 0.2

func NewIndex() *Index {
	set := buildSyllables()
	x := &Index{set: set, list: make([]string, 0, len(set)), bySkel: map[string][]int32{},
		byDel: map[string][]string{}, inNames: map[string]int{}}
	for _, l := range strings.Split(nameSyllables, "\n") {
		if s, c, ok := strings.Cut(l, "\t"); ok && !strings.HasPrefix(l, "#") {
			x.inNames[s], _ = strconv.Atoi(c)
		}
	}
	for _, l := range strings.Split(oldGivenNames, "\n") {
		if l = strings.ToLower(strings.TrimSpace(l)); l != "" && !strings.HasPrefix(l, "#") {
			if _, ok := x.inNames[l]; !ok {
				x.inNames[l] = 0 // given names only
			}
		}
	}
	for s := range set {
		x.list = append(x.list, s)
	}
	slices.Sort(x.list) // deterministic order for ties
	x.letters = make([][]letter, len(x.list))
	for i, s := range x.list {
		ls := make([]letter, 0, len(s))
		for _, r := range s {
			ls = append(ls, decompose(r))
		}
		x.letters[i] = ls
		sk := Fold(s)
		if _, seen := x.bySkel[sk]; !seen {
			for _, d := range deletes(sk) {
				x.byDel[d] = append(x.byDel[d], sk)
			}
		}
		x.bySkel[sk] = append(x.bySkel[sk], int32(i))
	}
	return x
}

// valid reports whether a single lowercase or capitalised token is a Vietnamese syllable.
func (x *Index) Valid(tok string) bool {
	_, ok := x.set[strings.ToLower(tok)]
	return ok
}

// usualNameVariant returns, in tok's capitalisation, the syllable with tok's letters and other
// marks that is the most common in names, when tok itself never occurs in a name or, as a
// family or middle name (not given), is rarer than that variant by unusualRatio; else "".
func (x *Index) UsualNameVariant(tok string, given bool) string {
	low := strings.ToLower(tok)
	if !x.Valid(low) {
		return ""
	}
	own, known := x.inNames[low]
	if known && given {
		return ""
	}
	best, bestN := "", -1
	for _, i := range x.bySkel[Fold(low)] {
		s := x.list[i]
		if s == low || strings.ContainsRune(s, 'đ') != strings.ContainsRune(low, 'đ') {
			continue // đ and d are two letters, not one with other marks
		}
		if n, ok := x.inNames[s]; ok && n > bestN {
			best, bestN = s, n
		}
	}
	if best == "" || known && (bestN < unusualMin || bestN < unusualRatio*max(own, 1)) {
		return ""
	}
	return MatchCase(best, tok)
}

// A family or middle name word is unusual next to a variant in marks that names use
// unusualRatio times as often, and at least unusualMin times in the list ("Trinh" for Trịnh,
// 2 against 88; "Thi" for Thị, 2 against 625).
const (
	unusualRatio = 20
	unusualMin   = 20
)

// deletes returns s with each one of its letters removed.
func deletes(s string) []string {
	rs := []rune(s)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// ocrVariants rewrites the Latin confusions OCR makes between letters and digits so that the
// skeleton lookup finds "nguyen" from "nguyén" or "ngujen" and "minh" from "rninh".
func ocrVariants(sk string) []string {
	out := []string{sk}
	r := strings.NewReplacer("rn", "m", "cl", "d", "1", "l", "0", "o", "|", "l", "!", "l", "j", "i", "ii", "u")
	if v := r.Replace(sk); v != sk {
		out = append(out, v)
	}
	if v := strings.NewReplacer("1", "i", "l", "i", "j", "i").Replace(sk); v != sk {
		out = append(out, v)
	}
	return out
}

// suggest returns up to n valid syllables nearest to tok by the OCR-weighted edit distance, in
// the capitalisation of tok; forName favours syllables common in personal names.
func (x *Index) Suggest(tok string, n int, forName bool) []string {
	low := strings.ToLower(tok)
	in := make([]letter, 0, len(low))
	for _, r := range low {
		in = append(in, decompose(r))
	}
	skels := map[string]struct{}{}
	addSkel := func(sk string) {
		if _, ok := x.bySkel[sk]; ok {
			skels[sk] = struct{}{}
		}
	}
	for _, q := range ocrVariants(Fold(low)) {
		addSkel(q)
		for _, sk := range x.byDel[q] {
			addSkel(sk)
		}
		for _, d := range deletes(q) {
			addSkel(d)
			for _, sk := range x.byDel[d] {
				addSkel(sk)
			}
		}
	}
	// Visit skeletons by a lower bound of the distance (letters without marks) and stop once no
	// syllable under the next one can enter the best n.
	bare := make([]letter, len(in))
	for i, l := range in {
		bare[i] = letter{base: l.base}
	}
	type bounded struct {
		sk string
		lb float64
	}
	order := make([]bounded, 0, len(skels))
	for sk := range skels {
		sl := make([]letter, 0, len(sk))
		for _, r := range sk {
			sl = append(sl, letter{base: r})
		}
		order = append(order, bounded{sk, letterDistance(bare, sl)})
	}
	slices.SortFunc(order, func(a, b bounded) int {
		if a.lb != b.lb {
			return cmpFloat(a.lb, b.lb)
		}
		return strings.Compare(a.sk, b.sk)
	})
	prior := 0.0
	if forName {
		prior = namePrior
	}
	type scored struct {
		i int32
		d float64
	}
	less := func(a, b scored) int {
		if a.d != b.d {
			return cmpFloat(a.d, b.d)
		}
		if ca, cb := x.inNames[x.list[a.i]], x.inNames[x.list[b.i]]; forName && ca != cb {
			return cb - ca // the more frequent name first
		}
		return strings.Compare(x.list[a.i], x.list[b.i])
	}
	var best []scored
	for _, o := range order {
		if o.lb-prior > maxSuggestDistance || (len(best) >= n && o.lb-prior > best[n-1].d) {
			break
		}
		for _, i := range x.bySkel[o.sk] {
			d := distance(in, x.letters[i])
			if d > maxSuggestDistance {
				continue
			}
			if _, ok := x.inNames[x.list[i]]; ok && forName {
				d -= namePrior
			}
			best = append(best, scored{i, d})
		}
		slices.SortFunc(best, less)
		best = best[:min(n, len(best))]
	}
	var out []string
	for _, s := range best {
		out = append(out, MatchCase(x.list[s.i], tok))
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// maxSuggestDistance keeps suggestions to plausible misreadings.
const maxSuggestDistance = 1.6

// matchCase gives s the capitalisation pattern of like (all upper, first upper, or lower).
func MatchCase(s, like string) string {
	rs := []rune(like)
	if len(rs) == 0 {
		return s
	}
	if strings.ToUpper(like) == like && len(rs) > 1 {
		return strings.ToUpper(s)
	}
	if unicode.IsUpper(rs[0]) {
		out := []rune(s)
		out[0] = unicode.ToUpper(out[0])
		return string(out)
	}
	return s
}
