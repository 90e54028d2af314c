package review

import (
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate"
)

// FieldValidator checks a clerk's values with the rules extraction used (package validate).
type FieldValidator struct{ v *validate.Validator }

// NewFieldValidator builds the validator once (syllable set, gazetteer, ethnic groups).
func NewFieldValidator() (*FieldValidator, error) {
	v, err := validate.New()
	if err != nil {
		return nil, err
	}
	return FieldValidatorOf(v), nil
}

// FieldValidatorOf checks clerks' values with v, a validator built once by the caller and
// shared (extraction checks what it reads with the same one).
func FieldValidatorOf(v *validate.Validator) *FieldValidator { return &FieldValidator{v: v} }

// blocking are the issues a clerk's value may not have: the value could not be stored as its
// type at all. Others (an unusual syllable, a place missing from the gazetteer) are recorded
// beside the value: the clerk has read the page and decides.
var blocking = map[string]bool{
	validate.CodeDateUnreadable: true,
	validate.CodeDateInvalid:    true,
	validate.CodeSex:            true,
}

// Field normalises one value and lists its issues; a blocking issue makes it ErrInvalid.
func (f *FieldValidator) Field(kind domain.Kind, field, value string) (string, []domain.Issue, error) {
	r := f.v.CheckField(kind, field, value)
	issues := append([]domain.Issue{}, r.Issues...)
	var block error
	for _, is := range r.Issues {
		if blocking[is.Code] && block == nil {
			block = fmt.Errorf("%w: %s: %s", domain.ErrInvalid, field, is.EN)
		}
	}
	if block != nil {
		return value, issues, block
	}
	return r.Value, issues, nil
}

var _ Validator = (*FieldValidator)(nil)
