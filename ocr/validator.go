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

// recordChecker is the record-level cross-check of package validate, used when it has one.
type recordChecker interface {
	CheckRecord(kind domain.Kind, values map[string]string) []domain.Issue
}

// NewValidateChecker is the Checker backed by package validate.
func NewValidateChecker() (Checker, error) {
	v, err := validate.New()
	if err != nil {
		return nil, fmt.Errorf("validator: %w", err)
	}
	return validateChecker{v: v}, nil
}

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

// CheckRecord runs validate's record-level cross-checks when it provides them.
func (c validateChecker) CheckRecord(kind domain.Kind, values map[string]string) []domain.Issue {
	if rc, ok := any(c.v).(recordChecker); ok {
		return rc.CheckRecord(kind, values)
	}
	return nil
}
