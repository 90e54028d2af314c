package domain

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Ledger is one register book (sổ) held by a commune.
type Ledger struct {
	ID              int64     `json:"id"`
	CommuneCode     string    `json:"commune_code"`
	Kind            Kind      `json:"kind"`
	Book            string    `json:"book"`
	YearFrom        int       `json:"year_from"`
	YearTo          int       `json:"year_to"`
	ExpectedEntries int       `json:"expected_entries"`
	ExpectedPages   int       `json:"expected_pages"` // 0 when not known
	CreatedAt       time.Time `json:"created_at"`
}

// Validate checks a ledger before it is stored.
func (l *Ledger) Validate() error {
	if _, err := ParseKind(string(l.Kind)); err != nil {
		return err
	}
	if l.CommuneCode == "" {
		return fmt.Errorf("%w: commune_code is required", ErrInvalid)
	}
	if l.YearFrom < 1900 || l.YearFrom > 2100 || l.YearTo < l.YearFrom || l.YearTo > 2100 {
		return fmt.Errorf("%w: years %d–%d are not a valid range", ErrInvalid, l.YearFrom, l.YearTo)
	}
	if l.ExpectedEntries < 0 || l.ExpectedPages < 0 {
		return fmt.Errorf("%w: expected_entries and expected_pages must not be negative", ErrInvalid)
	}
	return ValidateBook(l.Book)
}

// ValidateBook checks a book number (see validBook).
func ValidateBook(book string) error {
	if !validBook(book) {
		return fmt.Errorf("%w: the book number takes at most %d letters, digits, spaces and - / . ( )", ErrInvalid, MaxBookLen)
	}
	return nil
}

// MaxBookLen is the longest book number a ledger may have ("01/1994", "Quyển 2-A" are short).
const MaxBookLen = 40

// validBook: a book number is short, and made of letters, digits, spaces and - / . ( ) only
// (no markup, formula signs, control or invisible characters). Callers give it in NFC: a
// combining mark alone is refused.
func validBook(s string) bool {
	if !utf8.ValidString(s) || utf8.RuneCountInString(s) > MaxBookLen {
		return false
	}
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune(" -/._()", r) {
			return false
		}
	}
	return true
}

// LedgerProgress is how far a ledger has come: pages uploaded against those expected, and the
// scans and records by status.
type LedgerProgress struct {
	LedgerID        int64                `json:"ledger_id"`
	PagesUploaded   int                  `json:"pages_uploaded"`
	PagesExpected   int                  `json:"pages_expected"` // 0 when not known
	EntriesExpected int                  `json:"entries_expected"`
	Scans           map[ScanStatus]int   `json:"scans"`
	Records         map[RecordStatus]int `json:"records"`
}
