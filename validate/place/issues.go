package place

import "github.com/sohoa/sohoa/domain"

// Issue codes of places. They are stable: the review screen and exports key on them.
const (
	CodeUnknown   = "place_unknown"
	CodePartial   = "place_partial"
	CodeOld       = "place_old"
	CodeAmbiguous = "place_ambiguous"
	CodeSpelling  = "place_spelling"
)

// issue makes a note about a place, the only severity place issues have.
func issue(code, vi, en string) domain.Issue {
	return domain.Issue{Code: code, Severity: domain.SeverityNote, VI: vi, EN: en}
}
