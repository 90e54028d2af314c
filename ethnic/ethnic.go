package ethnic

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

//go:embed groups.tsv
var groupsTSV string

// Group is one of the 54 ethnic groups.
type Group struct {
	Name      string   // official name
	Rank      int      // by population, 2019 census; 1 is the largest
	Share     float64  // percent of the population, 1999 census (approximate)
	Provinces []string // codes of the provinces where the group mostly lives
	Written   []string // how old pages write the group besides its name (Mèo, Mán, Thổ …)
	Other     []string // other (older, exonym) names
	Self      []string // self-names
}

var groups = sync.OnceValues(parse)

// Groups returns the 54 groups in file order (the order synth draws them). The slice is shared:
// callers must not change it.
func Groups() ([]Group, error) { return groups() }

func parse() ([]Group, error) {
	var out []Group
	for n, line := range strings.Split(norm.NFC.String(groupsTSV), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		g, err := parseRow(strings.Split(line, "\t"))
		if err != nil {
			return nil, fmt.Errorf("groups.tsv line %d: %w", n+1, err)
		}
		out = append(out, g)
	}
	if len(out) != 54 {
		return nil, fmt.Errorf("groups.tsv: %d groups, want 54", len(out))
	}
	return out, nil
}

func parseRow(f []string) (Group, error) {
	if len(f) != 7 {
		return Group{}, fmt.Errorf("%d columns, want 7", len(f))
	}
	rank, err := strconv.Atoi(f[1])
	if err != nil {
		return Group{}, fmt.Errorf("rank: %w", err)
	}
	share, err := strconv.ParseFloat(f[2], 64)
	if err != nil {
		return Group{}, fmt.Errorf("share: %w", err)
	}
	return Group{Name: f[0], Rank: rank, Share: share, Provinces: list(f[3], ","),
		Written: list(f[4], ";"), Other: list(f[5], ","), Self: list(f[6], ",")}, nil
}

// list splits a column on sep, trimming spaces and dropping empty items.
func list(s, sep string) []string {
	var out []string
	for _, item := range strings.Split(s, sep) {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}
