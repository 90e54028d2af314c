package match

import "math"

// Frequencies are how many citizens carry each family, middle and given name key: the
// term-frequency part of the weights (agreeing on Nguyễn says less than agreeing on Khổng).
type Frequencies struct {
	Counts map[string]map[string]int64 // part ("surname", "middle", "given") → key → citizens
	Total  int64
}

// share is the share of citizens whose part is key, at least one in the population and at most
// one half (an unknown key counts as one citizen).
func (f Frequencies) share(part, key string) float64 {
	total := float64(max(f.Total, 1000))
	n := float64(f.Counts[part][key])
	return math.Min(0.5, math.Max(n, 1)/total)
}

// bits is log2(m/u), the Fellegi–Sunter weight of an outcome with probability m among true
// links and u among random pairs.
func bits(m, u float64) float64 { return math.Log2(m / u) }
