package ocr

import (
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate"
)

// validateChecker adapts *validate.Validator to Checker.
type validateChecker struct {
	v *validate.Validator
}

var _ Checker = validateChecker{}

// NewValidateChecker is the Checker backed by a new validator of package validate.
func NewValidateChecker() (Checker, error) {
	v, err := validate.New()
	if err != nil {
		return nil, fmt.Errorf("validator: %w", err)
	}
	return ValidateChecker(v), nil
}

// ValidateChecker is the Checker backed by v, a validator built once by the caller and shared
// (the review screen checks clerks' values with the same one).
func ValidateChecker(v *validate.Validator) Checker { return validateChecker{v: v} }

// CheckField checks text as the template's type, or as the field's own type when the template
// names none.
func (c validateChecker) CheckField(kind domain.Kind, field, fieldType, text string) Checked {
	ft := validate.Type(fieldType)
	if fieldType == "" {
		ft = validate.TypeOf(kind, field)
	}
	r := c.v.Check(ft, text)
	return Checked{Value: r.Value, Issues: r.Issues, Penalty: r.Penalty, Suggestions: r.Suggestions}
}

// CheckRecord runs validate's record-level cross-checks.
func (c validateChecker) CheckRecord(kind domain.Kind, values map[string]string) []domain.Issue {
	return c.v.CheckRecord(kind, values)
}
