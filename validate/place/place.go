package place

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/validate/spelling"
)

//go:embed data/old-units.tsv
var oldUnitsTSV string

// PlaceLink ties a place as written to the administrative units in force in 03/2025 (the
// gazetteer), at whichever levels could be resolved; a zero Unit means that level is unknown.
type Link struct {
	Commune  gazetteer.Unit
	District gazetteer.Unit
	Province gazetteer.Unit
	// Former is the former province the place names, with its years ("Bắc Thái (1965–1996)"),
	// or empty.
	Former string
	// Successors are today's provinces that cover the former one, when the written district did
	// not decide between them.
	Successors []gazetteer.Unit
}

// oldProvince is a former province or an older spelling, from data/old-units.tsv.
type oldProvince struct {
	name       string
	from, to   int // 0 for a spelling variant
	successors []string
	note       string
}

// label is the name with its years, for messages.
func (o oldProvince) label() string {
	if o.from == 0 {
		return o.name
	}
	return fmt.Sprintf("%s (%d–%d)", o.name, o.from, o.to)
}

// Index finds administrative units by accent-insensitive name.
type Index struct {
	syllable func(string) bool // whether a word is a Vietnamese syllable
	units    []gazetteer.Unit
	byCode   map[string]int
	province []string            // province code of each unit
	byKey    [3]map[string][]int // by level: key of the bare name → units
	children map[string][]int    // parent code → units
	olds     []oldProvince
	oldByKey map[string]int
}

// Level indexes.
const (
	lvCommune = iota
	lvDistrict
	lvProvince
)

func levelIndex(l gazetteer.Level) int {
	switch l {
	case gazetteer.Province:
		return lvProvince
	case gazetteer.District:
		return lvDistrict
	}
	return lvCommune
}

// placeKey folds a bare name for lookup: no diacritics, hyphens, apostrophes or dots, single
// spaces, and numbers without leading zeros ("Phường 01" = "Phường 1").
func placeKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space, digits := true, false // at the start of a word; the word so far is a number's zeros
	for _, r := range s {
		switch r {
		case '-', '–', '.', ' ':
			if !space {
				b.WriteByte(' ')
			}
			space, digits = true, false
			continue
		case '\'', '’':
			continue
		}
		if r >= 0x80 {
			r = spelling.Base(r)
		}
		r = unicode.ToLower(r)
		if r == '0' && (space || digits) {
			digits, space = true, false
			continue
		}
		if digits && (r < '0' || r > '9') {
			b.WriteByte('0') // "0a": the zero was not leading after all
		}
		digits, space = false, false
		b.WriteRune(r)
	}
	if digits {
		b.WriteByte('0')
	}
	return strings.TrimSuffix(b.String(), " ")
}

// bareName strips the type from a gazetteer name: "Phường Gia Sàng" → "Gia Sàng".
func bareName(name string) string {
	_, bare := gazetteer.SplitName(name)
	return bare
}

// New indexes the gazetteer's units and the former provinces; syllable tells whether a word is a
// Vietnamese syllable (for repairing misread type words).
func New(syllable func(string) bool) (*Index, error) {
	units, err := gazetteer.Units()
	if err != nil {
		return nil, err
	}
	x := &Index{syllable: syllable, units: units, byCode: make(map[string]int, len(units)),
		province: make([]string, len(units)), children: map[string][]int{}, oldByKey: map[string]int{}}
	for l := range x.byKey {
		x.byKey[l] = map[string][]int{}
	}
	for i, u := range units {
		x.byCode[u.Code] = i
		l := levelIndex(u.Level)
		k := placeKey(bareName(u.Name))
		x.byKey[l][k] = append(x.byKey[l][k], i)
		if u.Parent != "" {
			x.children[u.Parent] = append(x.children[u.Parent], i)
		}
	}
	// Units come provinces first, each before its districts and communes, so parents are known.
	for i, u := range units {
		switch levelIndex(u.Level) {
		case lvProvince:
			x.province[i] = u.Code
		default:
			x.province[i] = x.province[x.byCode[u.Parent]]
		}
	}
	olds, err := parseOldUnits()
	if err != nil {
		return nil, err
	}
	for _, o := range olds {
		for _, c := range o.successors {
			if i, ok := x.byCode[c]; !ok || x.units[i].Level != gazetteer.Province {
				return nil, fmt.Errorf("old-units.tsv: %s: %q is not a province code", o.name, c)
			}
		}
		x.oldByKey[placeKey(o.name)] = len(x.olds)
		x.olds = append(x.olds, o)
	}
	return x, nil
}

// fuzzyLimit is how many edits a key of this length may carry and still match.
func fuzzyLimit(key string) int {
	switch n := len(key); {
	case n < 5:
		return 0
	case n < 11:
		return 1
	}
	return 2
}
