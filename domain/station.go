package domain

import "slices"

// Station is a scanning station as its API token admits it: its name and the communes whose
// ledgers it may create, read and upload to. A token without communes is refused until an admin
// assigns them.
type Station struct {
	Name     string   `json:"name"`
	Communes []string `json:"communes"`
}

// Covers reports whether the station works for a commune.
func (s Station) Covers(commune string) bool { return slices.Contains(s.Communes, commune) }
