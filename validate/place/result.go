package place

import "github.com/sohoa/sohoa/domain"

// Result is what Check makes of a place as written.
type Result struct {
	// Written is the place as given (already cleaned by the caller).
	Written string
	// Value is the place as written, tidied of OCR specks and with misread type words repaired.
	Value string
	// Issues found, in a stable order; all are notes.
	Issues []domain.Issue
	// Penalty is a factor in [0, 1] to multiply the OCR confidence by: 1 when nothing is wrong.
	Penalty float64
	// Suggestions are the place with its names spelt right, or the units an ambiguous name
	// could be.
	Suggestions []string
	// Link ties the place to today's units; nil when nothing matched.
	Link *Link
}

// add records an issue and applies its penalty factor.
func (r *Result) add(is domain.Issue, penalty ...float64) {
	r.Issues = append(r.Issues, is)
	for _, p := range penalty {
		r.Penalty = max(0, min(1, r.Penalty*p))
	}
}
