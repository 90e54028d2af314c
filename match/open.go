package match

import (
	"context"
)

// Store is what a matcher reads: the citizens and their name counts.
type Store interface {
	Citizens
	NameCounts(ctx context.Context) (map[string]map[string]int64, int64, error)
}

// Open builds a matcher over the imported population: the gazetteer's places and the name counts
// of the last import.
func Open(ctx context.Context, st Store, th Thresholds) (*Matcher, error) {
	places, err := NewPlaces()
	if err != nil {
		return nil, err
	}
	counts, total, err := st.NameCounts(ctx)
	if err != nil {
		return nil, err
	}
	return New(st, places, Frequencies{Counts: counts, Total: total}, th), nil
}
