package validate

import (
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate/place"
	"github.com/sohoa/sohoa/validate/spelling"
)

// Type is the kind of value a field holds, which decides how it is normalised and checked.
type Type string

// The field types of the civil registers.
const (
	TypeName        Type = "name"          // a person's full name
	TypeSex         Type = "sex"           // Nam / Nữ
	TypeDate        Type = "date"          // a date in digits, or with ngày/tháng/năm
	TypeDateInWords Type = "date_in_words" // a date spelt out in Vietnamese words
	TypeEthnicity   Type = "ethnicity"     // one of the 54 ethnic groups
	TypeNationality Type = "nationality"   // a country
	TypePlace       Type = "place"         // an address or place of birth or death
	TypeEntryNo     Type = "entry_no"      // the registration number ("Số")
	TypeText        Type = "text"          // free text such as the cause of death
)

// Types lists every field type.
var Types = []Type{TypeName, TypeSex, TypeDate, TypeDateInWords, TypeEthnicity, TypeNationality,
	TypePlace, TypeEntryNo, TypeText}

// fieldType maps the stable field names of domain.Kind.Fields to their types; a field name means
// the same thing in every kind that has it.
func fieldType(field string) (Type, bool) {
	switch field {
	case "full_name", "father_name", "mother_name", "husband_name", "wife_name", "declarant_name":
		return TypeName, true
	case "sex":
		return TypeSex, true
	case "birth_date", "husband_birth_date", "wife_birth_date", "death_date", "registration_date":
		return TypeDate, true
	case "birth_date_in_words":
		return TypeDateInWords, true
	case "ethnicity", "husband_ethnicity", "wife_ethnicity":
		return TypeEthnicity, true
	case "nationality", "husband_nationality", "wife_nationality":
		return TypeNationality, true
	case "birth_place", "residence", "husband_residence", "wife_residence", "death_place":
		return TypePlace, true
	case "entry_no":
		return TypeEntryNo, true
	case "death_cause", "death_time":
		return TypeText, true
	}
	return TypeText, false
}

// TypeOf returns the type of a field of a register kind. A field the kind does not have is free
// text, so that a new template field is still cleaned rather than rejected.
func TypeOf(kind domain.Kind, field string) Type {
	for _, f := range kind.Fields() {
		if f == field {
			t, _ := fieldType(field)
			return t
		}
	}
	return TypeText
}

// Validator checks field values. Build it once with New; it is read-only afterwards and safe for
// concurrent use.
type Validator struct {
	syl     *spelling.Index
	ethnic  *ethnicTable
	places  *place.Index
	phrases []phrase
}

// New builds the syllable set, the ethnic-group table and the gazetteer index.
func New() (*Validator, error) {
	eth, err := newEthnicTable()
	if err != nil {
		return nil, fmt.Errorf("ethnic groups: %w", err)
	}
	syl := spelling.NewIndex()
	pl, err := place.New(syl.Valid)
	if err != nil {
		return nil, fmt.Errorf("places: %w", err)
	}
	return &Validator{syl: syl, ethnic: eth, places: pl, phrases: loadPhrases()}, nil
}

// CheckField checks the value of a named field of a register kind.
func (v *Validator) CheckField(kind domain.Kind, field, text string) Result {
	return v.Check(TypeOf(kind, field), text)
}

// Check normalises and checks one value of type ft.
func (v *Validator) Check(ft Type, text string) Result {
	r := Result{Written: clean(text), Penalty: 1}
	if r.Written == "" {
		r.add(issueEmpty())
		return r
	}
	switch ft {
	case TypeName:
		v.checkName(&r)
	case TypeSex:
		checkSex(&r)
	case TypeDate:
		checkDate(&r)
	case TypeDateInWords:
		checkDate(&r)
	case TypeEthnicity:
		v.ethnic.check(&r)
	case TypeNationality:
		checkNationality(&r)
	case TypePlace:
		v.checkPlace(&r)
		v.checkPhrase(&r) // "Tại nhà": a place of death that is no administrative unit
	case TypeEntryNo:
		checkEntryNo(&r)
	default:
		v.checkPhrase(&r)
		v.checkText(&r)
	}
	r.Suggestions = spelling.WorthOffering(r.Suggestions, r.Value, r.Written)
	return r
}

// checkPlace keeps the place as written, tidied, and links it to today's units (package place).
func (v *Validator) checkPlace(r *Result) {
	p := v.places.Check(r.Written)
	r.Value, r.Place, r.Suggestions = p.Value, p.Link, p.Suggestions
	r.Issues = append(r.Issues, p.Issues...)
	r.penalize(p.Penalty)
}
