package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// ethnicGroup is one of the 54 groups with the names older pages use for it.
type ethnicGroup struct {
	name      string   // official name, the ground-truth value
	older     []string // other names written on old pages (Mèo, Mán, Thổ …)
	share     float64  // percent of the population
	provinces []string // where the group mostly lives
}

func readEthnic(path string) ([]ethnicGroup, error) {
	rows, err := readRows(path)
	if err != nil {
		return nil, err
	}
	out := make([]ethnicGroup, 0, len(rows))
	for i, row := range rows {
		if len(row) != 4 {
			return nil, fmt.Errorf("%s row %d: want 4 columns, got %d", path, i+1, len(row))
		}
		share, err := strconv.ParseFloat(row[2], 64)
		if err != nil {
			return nil, fmt.Errorf("%s row %d: %w", path, i+1, err)
		}
		g := ethnicGroup{name: row[0], share: share}
		if row[1] != "" {
			g.older = strings.Split(row[1], ";")
		}
		if row[3] != "" {
			g.provinces = strings.Split(row[3], ",")
		}
		out = append(out, g)
	}
	if len(out) != 54 {
		return nil, fmt.Errorf("%s: want 54 ethnic groups, got %d", path, len(out))
	}
	return out, nil
}

// pickEthnic draws a group for someone living in province code: groups weigh their national share,
// twenty-five times more where they mostly live.
func (d *refData) pickEthnic(r *rand.Rand, provinceCode string) *ethnicGroup {
	weight := func(g *ethnicGroup) float64 {
		if slices.Contains(g.provinces, provinceCode) {
			return g.share * 25
		}
		return g.share
	}
	total := 0.0
	for i := range d.ethnic {
		total += weight(&d.ethnic[i])
	}
	x := r.Float64() * total
	for i := range d.ethnic {
		if x -= weight(&d.ethnic[i]); x < 0 {
			return &d.ethnic[i]
		}
	}
	return &d.ethnic[0]
}

// written is how a clerk of the given year writes the group: older names are likelier on older pages.
func (g *ethnicGroup) written(r *rand.Rand, year int) string {
	if len(g.older) == 0 {
		return g.name
	}
	p := 0.1
	if year < 1990 {
		p = 0.3
	}
	if r.Float64() < p {
		return g.older[r.IntN(len(g.older))]
	}
	return g.name
}
