package page

import (
	"image"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// Layout is how entries are laid out on a page.
type Layout string

// The layouts templates describe.
const (
	LayoutForm  Layout = "form"  // label/value blocks, one block per entry
	LayoutTable Layout = "table" // one entry per ruled row, one column per field
)

// Page is what Extract found on one page.
type Page struct {
	Kind     domain.Kind `json:"kind"`
	Layout   Layout      `json:"layout"`
	Template string      `json:"template"`
	BoxSpace string      `json:"box_space"` // always BoxSpace
	Size     [2]int      `json:"size"`      // width, height of the cleaned greyscale page
	// OriginalSize is the width and height of the image as given, the space of every BoxOriginal.
	OriginalSize [2]int   `json:"original_size"`
	Records      []Record `json:"records"`
}

// Record is one register entry.
type Record struct {
	Index       int              `json:"index"` // 0-based, in page order
	Box         domain.Box       `json:"box"`
	BoxOriginal domain.Box       `json:"box_original"` // Box in the uploaded image's own pixels
	Fields      map[string]Field `json:"fields"`       // by stable field name (domain.Kind.Fields)
	Issues      []domain.Issue   `json:"issues"`       // record-level cross-checks
	// Absent names the optional fields of the template this entry does not have (the date in
	// words, written on some entries only): not on the page, as opposed to missing.
	Absent      []string `json:"absent,omitempty"`
	NeedsReview bool     `json:"needs_review"`
}

// Field is one value of a record.
type Field struct {
	Name  string `json:"-"`
	Type  string `json:"type"`
	Value string `json:"value"` // normalised value; empty when missing
	Text  string `json:"text"`  // what OCR read
	// Confidence is the probability that the value is right (ocr's calibration.go), from
	// RawConfidence: Tesseract's, lowered by failed checks, raised when two readings agree.
	Confidence    float64    `json:"confidence"`
	RawConfidence float64    `json:"raw_confidence,omitempty"`
	Box           domain.Box `json:"box"`
	BoxOriginal   domain.Box `json:"box_original"` // Box in the uploaded image's own pixels
	// Handwritten says the value is written by hand, not typed, judged from the ink of its
	// entry's values (glyph spacing and baseline, see script.go).
	Handwritten bool           `json:"handwritten"`
	Issues      []domain.Issue `json:"issues"`
	Suggestions []string       `json:"suggestions,omitempty"`
	NeedsReview bool           `json:"needs_review"`
	Reread      bool           `json:"reread,omitempty"` // the crop was read again on its own
}

// Word is one word Tesseract read, with its box and confidence (0–1). Block, Par and Line are
// Tesseract's own numbering; the extraction regroups words geometrically instead.
type Word struct {
	Text             string
	Box              image.Rectangle
	Conf             float64
	Block, Par, Line int
}

// CodeMissing is the issue of a required field that was not found on the page.
const CodeMissing = "missing"

// IssueMissing is the issue of a required field not found on the page.
func IssueMissing() domain.Issue {
	return domain.Issue{Code: CodeMissing, Severity: domain.SeverityError, VI: "Thiếu / chưa rõ", EN: "Missing / unclear"}
}

// Fold makes text comparable despite OCR damage to accents and punctuation: it drops
// diacritics (đ becomes d), lower-cases, and keeps only letters and digits.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ' || r == 'Đ':
			b.WriteByte('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// OverlapY is the vertical overlap of two boxes as a share of the shorter one.
func OverlapY(a, b image.Rectangle) float64 {
	lo, hi := max(a.Min.Y, b.Min.Y), min(a.Max.Y, b.Max.Y)
	h := min(a.Dy(), b.Dy())
	if hi <= lo || h <= 0 {
		return 0
	}
	return float64(hi-lo) / float64(h)
}
