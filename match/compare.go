package match

import (
	"math"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/namekey"
)

// compareNamePart weighs one part of a name (family, middle or given). share is the part's
// term frequency; agreement on a rare key weighs more.
func compareNamePart(e, c, eKey, cKey string, share float64, differ float64) (string, float64) {
	switch {
	case e == "" || c == "":
		return "missing", 0
	case e == c:
		return "exact", bits(0.92, share)
	case namekey.Fold(e) == namekey.Fold(c):
		return "folded", bits(0.05, share) // tone or vowel marks written differently
	case eKey == cKey:
		return "shift", bits(0.02, share) // a known spelling shift: Vũ/Võ, d/gi, i/y
	case len(eKey) >= 3 && editDistance(namekey.Fold(e), namekey.Fold(c)) <= 1:
		return "near", bits(0.01, 0.02)
	}
	return "differ", differ
}

// splitWords cuts lowercase words into family, middle, given name.
func splitWords(w []string) (sur, mid, given string) {
	switch len(w) {
	case 0:
		return "", "", ""
	case 1:
		return "", "", w[0]
	}
	return w[0], strings.Join(w[1:len(w)-1], " "), w[len(w)-1]
}

// compareName weighs the three parts of the subject's name against a citizen's.
func (m *Matcher) compareName(s Subject, c domain.Citizen) []domain.FieldScore {
	cw := strings.Fields(namekey.Lower(c.FullName))
	cp := namekey.Split(c.FullName)
	es, em, eg := splitWords(s.words)
	cs, cm, cg := splitWords(cw)
	// The words as written, for the explanation.
	ws, wm, wg := splitWords(strings.Fields(s.Name))
	vs, vm, vg := splitWords(strings.Fields(c.FullName))
	var out []domain.FieldScore
	add := func(field, e, c, ek, ck, part string, differ float64, shownE, shownC string) {
		o, w := compareNamePart(e, c, ek, ck, m.freq.share(part, ek), differ)
		out = append(out, domain.FieldScore{Field: field, Outcome: o, Weight: w, Entry: shownE, Citizen: shownC})
	}
	add("surname", es, cs, s.parts.Surname, cp.Surname, "surname", bits(0.01, 0.95), ws, vs)
	add("middle_name", em, cm, s.parts.Middle, cp.Middle, "middle", bits(0.06, 0.9), wm, vm)
	add("given_name", eg, cg, s.parts.Given, cp.Given, "given", bits(0.01, 0.99), wg, vg)
	return out
}

// compareDate weighs the date of birth: exact, day and month swapped, day missing on one side,
// year only, a year off by one, or different.
func compareDate(e, c domain.PartialDate) (string, float64) {
	const years = 70.0
	switch {
	case e.Year == 0 || c.Year == 0:
		return "missing", 0
	case e.Year != c.Year:
		if abs(e.Year-c.Year) == 1 {
			return "year_off", bits(0.02, 2/years)
		}
		return "differ", bits(0.02, 1)
	case e.Month == 0 || c.Month == 0:
		return "year", bits(0.95, 1/years)
	case e.Day == 0 || c.Day == 0:
		if e.Month == c.Month {
			return "month", bits(0.9, 1/(12*years))
		}
		return "year", bits(0.05, 1/years)
	case e.Day == c.Day && e.Month == c.Month:
		return "exact", bits(0.85, 1/(365*years))
	case e.Day == c.Month && e.Month == c.Day:
		return "swapped", bits(0.03, 1/(365*years))
	case e.Month == c.Month:
		return "month", bits(0.04, 1/(12*years))
	}
	return "year", bits(0.04, 1/years)
}

func compareSex(e, c string) (string, float64) {
	switch {
	case e == "" || c == "":
		return "missing", 0
	case e == c:
		return "exact", bits(0.98, 0.5)
	}
	return "differ", bits(0.02, 0.5)
}

// compareParent weighs a parent's name: the whole name agreeing is strong evidence (the rarer the
// names, the stronger), the given name alone some, a different name strong evidence against —
// namesakes born the same year in the same commune are told apart by their parents.
func (m *Matcher) compareParent(e, c string) (string, float64) {
	if namekey.Fold(e) == "" || namekey.Fold(c) == "" {
		return "missing", 0
	}
	ep, cp := namekey.Split(e), namekey.Split(c)
	u := m.freq.share("surname", cp.Surname) * m.freq.share("given", cp.Given)
	sameMiddle := ep.Middle == cp.Middle || ep.Middle == "" || cp.Middle == ""
	switch {
	case namekey.Lower(e) == namekey.Lower(c):
		return "exact", math.Min(14, bits(0.8, u))
	case ep.Surname == cp.Surname && ep.Given == cp.Given && sameMiddle:
		return "folded", math.Min(12, bits(0.15, u))
	case ep.Given == cp.Given:
		return "given", bits(0.03, m.freq.share("given", cp.Given))
	case ep.Surname == cp.Surname && editDistance(ep.Given, cp.Given) <= 1:
		return "near", bits(0.01, u*20)
	}
	return "differ", bits(0.02, 1)
}

// compareYear weighs a parent's birth year when the register gives one.
func compareYear(e, c int) (string, float64) {
	switch {
	case e == 0 || c == 0:
		return "missing", 0
	case e == c:
		return "exact", bits(0.8, 1.0/40)
	case abs(e-c) <= 2:
		return "near", bits(0.1, 4.0/40)
	}
	return "differ", bits(0.1, 1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// editDistance is the Levenshtein distance between two short strings, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
