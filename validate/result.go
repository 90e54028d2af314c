package validate

import (
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/place"
)

// Result is what Check makes of one value.
type Result struct {
	// Value is the normalised value: a title-cased name, an ISO 8601 date, an official ethnic
	// group name, or the cleaned place as written.
	Value string
	// Written is the input in NFC with whitespace collapsed and stray punctuation trimmed.
	Written string
	// Issues found, in a stable order.
	Issues []domain.Issue
	// Penalty is a factor in [0, 1] to multiply the OCR confidence by: 1 when nothing is wrong.
	Penalty float64
	// Suggestions are up to three corrected values, best first.
	Suggestions []string
	// Place links a place to today's administrative units; nil for other types or when nothing
	// matched.
	Place *place.Link
}

// add records an issue and applies its penalty factor.
func (r *Result) add(is domain.Issue, penalty ...float64) {
	r.Issues = append(r.Issues, is)
	for _, p := range penalty {
		r.penalize(p)
	}
}

// penalize multiplies the penalty by f, keeping it within [0, 1].
func (r *Result) penalize(f float64) {
	r.Penalty = max(0, min(1, r.Penalty*f))
}

// HasErrors reports whether any issue is an error.
func (r Result) HasErrors() bool {
	for _, is := range r.Issues {
		if is.Severity == domain.SeverityError {
			return true
		}
	}
	return false
}
