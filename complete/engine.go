package complete

import (
	"context"
	"fmt"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// The field types the engine completes.
const (
	TypeName        = "name"          // a full name, completed word by word
	TypeFamilyName  = "family_name"   // a surname alone
	TypeGivenName   = "given_name"    // a given name alone
	TypePlace       = "place"         // an address, place of birth or of death
	TypeEthnicity   = "ethnicity"     // one of the 54 groups, by any of its names
	TypeNationality = "nationality"   // a country
	TypeDate        = "date"          // a date from short input
	TypeDateInWords = "date_in_words" // a date spelt out, from short digits
	TypeCause       = "cause_of_death"
)

// Types lists every type the engine completes.
var Types = []string{TypeName, TypeFamilyName, TypeGivenName, TypePlace, TypeEthnicity, TypeNationality,
	TypeDate, TypeDateInWords, TypeCause}

// Query asks for completions of what a clerk has typed into one field.
type Query struct {
	Type     string      // one of Types
	Prefix   string      // as typed (any case, with or without diacritics)
	Commune  string      // GSO code of the register's commune ("" = any)
	Year     int         // the register's last year, the upper bound of its dates (0 = unknown)
	YearFrom int         // the register's first year (0 = unknown); two-digit years use Year, see parseShortDates
	Kind     domain.Kind // register kind ("" = any); carried for callers, not yet used in ranking
	Limit    int         // 0 = 10
}

// Candidate is one completion, best first in a list.
type Candidate struct {
	Value  string `json:"value"`
	Source string `json:"-"` // where it comes from: surname, gazetteer, confirmed, ethnic, …
}

// ConfirmedPlaces finds places clerks already confirmed in a commune whose folded value starts
// with a folded prefix, most used first. storage.Store provides it.
type ConfirmedPlaces interface {
	ConfirmedPlaces(ctx context.Context, commune, foldedPrefix string, limit int) ([]string, error)
}

// Engine answers completion queries from reference data loaded once.
type Engine struct {
	names     *nameData
	places    *placeData
	lists     *listData
	confirmed ConfirmedPlaces // nil: no database
}

// New loads the reference data (names, gazetteer, former provinces, ethnic groups, phrases).
// confirmed may be nil, for use without a database.
func New(confirmed ConfirmedPlaces) (*Engine, error) {
	names, err := loadNames()
	if err != nil {
		return nil, fmt.Errorf("complete: names: %w", err)
	}
	places, err := loadPlaces()
	if err != nil {
		return nil, fmt.Errorf("complete: places: %w", err)
	}
	lists, err := loadLists()
	if err != nil {
		return nil, fmt.Errorf("complete: lists: %w", err)
	}
	return &Engine{names: names, places: places, lists: lists, confirmed: confirmed}, nil
}

// With returns an engine sharing e's reference data that takes confirmed places from c.
func (e *Engine) With(c ConfirmedPlaces) *Engine {
	x := *e
	x.confirmed = c
	return &x
}

// ErrUnknownType is returned for a query type the engine does not know.
var ErrUnknownType = fmt.Errorf("%w: unknown completion type", domain.ErrInvalid)

// Complete returns up to q.Limit candidates for q.Prefix, best first; none for a prefix that
// has no letters or digits once folded (blank, or only combining marks). Bytes that are not
// UTF-8 are dropped from the prefix: a candidate built from what was typed stays valid text.
func (e *Engine) Complete(ctx context.Context, q Query) ([]Candidate, error) {
	q.Prefix = strings.ToValidUTF8(q.Prefix, "")
	if q.Limit <= 0 {
		q.Limit = 10
	}
	if strings.TrimSpace(fold(q.Prefix)) == "" { // blank, or only marks: nothing to complete
		if !isType(q.Type) {
			return nil, fmt.Errorf("%w %q", ErrUnknownType, q.Type)
		}
		return []Candidate{}, nil
	}
	switch q.Type {
	case TypeName, TypeFamilyName, TypeGivenName:
		return e.names.complete(q), nil
	case TypePlace:
		return e.completePlace(ctx, q)
	case TypeEthnicity:
		return e.lists.ethnic.complete(q), nil
	case TypeNationality:
		return e.lists.nations.complete(q), nil
	case TypeCause:
		return e.lists.causes.complete(q), nil
	case TypeDate:
		return completeDate(q), nil
	case TypeDateInWords:
		return completeDateInWords(q), nil
	}
	return nil, fmt.Errorf("%w %q", ErrUnknownType, q.Type)
}

func isType(t string) bool {
	for _, x := range Types {
		if x == t {
			return true
		}
	}
	return false
}

// TypeOf maps a template field name ("father_name", "birth_place") to its completion type, ""
// when the field has none (entry numbers, sex).
func TypeOf(field string) string {
	switch field {
	case "full_name", "father_name", "mother_name", "husband_name", "wife_name", "declarant_name":
		return TypeName
	case "family_name", "surname":
		return TypeFamilyName
	case "given_name":
		return TypeGivenName
	case "birth_date", "husband_birth_date", "wife_birth_date", "death_date", "registration_date",
		"birth_date_in_words": // keyed as a date; the screen shows and takes it as dd/mm/yyyy
		return TypeDate
	case "ethnicity", "husband_ethnicity", "wife_ethnicity":
		return TypeEthnicity
	case "nationality", "husband_nationality", "wife_nationality":
		return TypeNationality
	case "birth_place", "residence", "husband_residence", "wife_residence", "death_place":
		return TypePlace
	case "death_cause":
		return TypeCause
	}
	return ""
}
