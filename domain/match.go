package domain

import "time"

// MatchStatus is where the link of a register entry to a citizen stands.
type MatchStatus string

// Matching proposes, leaves to a person, or finds nothing; a person then accepts a candidate,
// says no citizen matches, or sends the entry to the commune police's check list.
const (
	MatchProposed MatchStatus = "proposed" // one candidate above the threshold with a clear margin
	MatchReview   MatchStatus = "review"   // candidates, but a person decides
	MatchNone     MatchStatus = "none"     // no plausible candidate
	MatchAccepted MatchStatus = "accepted" // a person linked the entry to a citizen
	MatchRejected MatchStatus = "rejected" // a person said no candidate is this person
	MatchPolice   MatchStatus = "police"   // sent to the commune police's check list
)

// Decided reports whether a person has decided the link.
func (s MatchStatus) Decided() bool {
	return s == MatchAccepted || s == MatchRejected || s == MatchPolice
}

// FieldScore explains one field's part of a candidate's weight.
type FieldScore struct {
	Field   string  `json:"field"`   // full_name, birth_date, sex, birth_place, father_name, …
	Outcome string  `json:"outcome"` // exact, folded, shift, near, swapped, year, differ, missing …
	Weight  float64 `json:"weight"`  // log2(m/u) in bits: positive for agreement
	Entry   string  `json:"entry"`   // the value in the register
	Citizen string  `json:"citizen"` // the value in the population database
}

// MatchCandidate is one citizen proposed for an entry, with the weight explained field by field.
type MatchCandidate struct {
	CitizenID string       `json:"so_dinh_danh"`
	Score     float64      `json:"score"`  // 0–1, from the total weight
	Weight    float64      `json:"weight"` // total Fellegi–Sunter weight in bits
	Fields    []FieldScore `json:"fields,omitempty"`
	Citizen   *Citizen     `json:"-"`
}

// RecordMatch is the stored link of a register entry (one person of it) to the population.
type RecordMatch struct {
	RecordID   int64            `json:"record_id"`
	Person     string           `json:"person"` // "" for births and deaths, "husband" / "wife" for marriages
	Status     MatchStatus      `json:"status"`
	CitizenID  string           `json:"so_dinh_danh,omitempty"`
	Candidates []MatchCandidate `json:"candidates"`
	Version    int              `json:"version"`
	DecidedBy  *int64           `json:"decided_by,omitempty"`
	DecidedAt  *time.Time       `json:"decided_at,omitempty"`
}

// DuplicatePair is two register entries that may name the same person, for a supervisor.
type DuplicatePair struct {
	ID        int64     `json:"id"`
	RecordA   int64     `json:"record_a"`
	RecordB   int64     `json:"record_b"`
	Reason    string    `json:"reason"`
	CitizenID string    `json:"so_dinh_danh,omitempty"`
	Status    string    `json:"status"` // open, same, different
	FoundAt   time.Time `json:"found_at"`
}
