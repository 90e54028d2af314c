package validate

import (
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// FormerProvince is a province name registers used before a split, merge or rename, from
// data/old-units.tsv: From and To are the years it was in force (0 for an older spelling), and
// Successors the codes of today's provinces covering it.
type FormerProvince struct {
	Name       string
	From, To   int
	Successors []string
}

// FormerProvinces lists the former provinces and older spellings known to the validator, for
// other packages that offer them (keying assistance).
func FormerProvinces() ([]FormerProvince, error) {
	olds, err := parseOldUnits()
	if err != nil {
		return nil, err
	}
	out := make([]FormerProvince, 0, len(olds))
	for _, o := range olds {
		out = append(out, FormerProvince{Name: o.name, From: o.from, To: o.to, Successors: o.successors})
	}
	return out, nil
}

// parseOldUnits reads data/old-units.tsv, the one parser of it (the validator and
// FormerProvinces both use it).
func parseOldUnits() ([]oldProvince, error) {
	var out []oldProvince
	for n, line := range strings.Split(oldUnitsTSV, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("old-units.tsv line %d: %d columns, want 5", n+1, len(f))
		}
		o := oldProvince{name: norm.NFC.String(f[0]), successors: strings.Split(f[3], ","), note: f[4]}
		o.from, _ = strconv.Atoi(f[1])
		o.to, _ = strconv.Atoi(f[2])
		out = append(out, o)
	}
	return out, nil
}

// EthnicGroup is one of the 54 ethnic groups with the other names registers may write for it.
type EthnicGroup struct {
	Official string
	Others   []string // older and other names, then self-names
}

// EthnicGroups lists the 54 groups, the largest first.
func EthnicGroups() ([]EthnicGroup, error) {
	t, err := newEthnicTable()
	if err != nil {
		return nil, err
	}
	out := make([]EthnicGroup, 0, len(t.groups))
	for _, g := range t.groups {
		e := EthnicGroup{Official: g.official}
		e.Others = append(e.Others, g.names[colOther]...)
		e.Others = append(e.Others, g.names[colSelf]...)
		out = append(out, e)
	}
	return out, nil
}

// Phrases lists the phrases written again and again in free-text fields (causes of death, places
// that are not administrative units), in the order of data/phrases.txt.
func Phrases() []string {
	var out []string
	for _, p := range loadPhrases() {
		out = append(out, p.text)
	}
	return out
}
