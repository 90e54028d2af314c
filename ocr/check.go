package ocr

import (
	"strings"

	"github.com/sohoa/sohoa/domain"
	"golang.org/x/text/unicode/norm"
)

// Checked is what a Checker makes of one value.
type Checked struct {
	Value       string         // normalised: ISO dates, title-case names, official ethnic names
	Issues      []domain.Issue // empty when the value looks right
	Penalty     float64        // factor in [0, 1] applied to the OCR confidence
	Suggestions []string       // corrected values, best first
}

// Checker normalises and checks values; package validate provides the real one (see
// NewValidateChecker). The interface lives here so that ocr's logic can be tested with a fake.
type Checker interface {
	CheckField(kind domain.Kind, field, fieldType, text string) Checked
	CheckRecord(kind domain.Kind, values map[string]string) []domain.Issue
}

// plainChecker only tidies text (NFC, collapsed spaces); for tests of the extraction alone.
type plainChecker struct{}

func (plainChecker) CheckField(_ domain.Kind, _, _, text string) Checked {
	return Checked{Value: strings.Join(strings.Fields(norm.NFC.String(text)), " "), Penalty: 1}
}

func (plainChecker) CheckRecord(domain.Kind, map[string]string) []domain.Issue { return nil }
