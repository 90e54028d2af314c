package world

import (
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/sohoa/sohoa/ethnic"
)

// Ethnic is one of the 54 groups with the names older pages use for it.
type Ethnic struct {
	Name      string   // official name, the ground-truth value
	Older     []string // other names written on old pages (Mèo, Mán, Thổ …)
	share     float64  // percent of the population
	provinces []string // where the group mostly lives
}

// loadEthnic takes the groups of package ethnic, in its file order (the order draws walk them).
func loadEthnic() ([]Ethnic, error) {
	all, err := ethnic.Groups()
	if err != nil {
		return nil, fmt.Errorf("ethnic groups: %w", err)
	}
	out := make([]Ethnic, 0, len(all))
	for _, g := range all {
		out = append(out, Ethnic{Name: g.Name, Older: g.Written, share: g.Share, provinces: g.Provinces})
	}
	return out, nil
}

// PickEthnic draws a group for someone living in province code: groups weigh their national share,
// twenty-five times more where they mostly live.
func (d *Data) PickEthnic(r *rand.Rand, provinceCode string) *Ethnic {
	weight := func(g *Ethnic) float64 {
		if slices.Contains(g.provinces, provinceCode) {
			return g.share * 25
		}
		return g.share
	}
	total := 0.0
	for i := range d.Groups {
		total += weight(&d.Groups[i])
	}
	x := r.Float64() * total
	for i := range d.Groups {
		if x -= weight(&d.Groups[i]); x < 0 {
			return &d.Groups[i]
		}
	}
	return &d.Groups[0]
}

// Written is how a clerk of the given year writes the group: older names are likelier on older pages.
func (g *Ethnic) Written(r *rand.Rand, year int) string {
	if len(g.Older) == 0 {
		return g.Name
	}
	p := 0.1
	if year < 1990 {
		p = 0.3
	}
	if r.Float64() < p {
		return g.Older[r.IntN(len(g.Older))]
	}
	return g.Name
}
