package place

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
