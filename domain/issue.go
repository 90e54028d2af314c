package domain

// Severity says how much an issue matters.
type Severity string

// Severities, from blocking to informative.
const (
	// SeverityError: the value is wrong or unreadable as it stands; a clerk must look at it.
	SeverityError Severity = "error"
	// SeverityNote: the value is possible but unusual (a late registration, a foreign
	// nationality, a hamlet missing from the gazetteer).
	SeverityNote Severity = "note"
)

// Issue is one finding about a field or an entry, in Vietnamese and English: what validation
// finds, what OCR extraction reports and what review shows and keeps beside a value.
type Issue struct {
	Field    string   `json:"field,omitempty"`    // the field a record-level issue is about; empty on a field's own
	Code     string   `json:"code"`               // stable identifier, e.g. "syllable", "date_invalid"
	Severity Severity `json:"severity,omitempty"` // error or note; empty on issues made before severities
	VI       string   `json:"vi"`                 // message in Vietnamese
	EN       string   `json:"en"`                 // message in English
}
