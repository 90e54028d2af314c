package review

import (
	"errors"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// entryForm is a posted review form: the values as the clerk typed them (to show again on a
// refusal), the values validated and normalised (to store), and what was refused.
type entryForm struct {
	Typed    map[string]string
	C        domain.Confirmation
	Problems map[string][]domain.Issue
}

// readEntryForm reads and validates every field of the entry from the posted form, with the
// rules extraction used. With lenient, an unacceptable value (an impossible date) is kept as
// typed instead of refused: a flagged entry is stored as the clerk left it.
func (ui *UI) readEntryForm(r *request, rec domain.Record, lenient bool) (entryForm, error) {
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	ef := entryForm{Typed: map[string]string{}, Problems: map[string][]domain.Issue{},
		C: domain.Confirmation{Version: version, Values: map[string]string{}, Issues: map[string][]domain.Issue{}}}
	for _, f := range rec.Fields {
		raw, ok := r.PostForm["f."+f.Name]
		if !ok {
			if lenient {
				ef.C.Values[f.Name] = f.Value // a form without the field keeps the stored value
				continue
			}
			ef.Problems[f.Name] = []domain.Issue{{Code: "missing_input", VI: "Thiếu ô này trong biểu mẫu.", EN: "This field is missing from the form."}}
			continue
		}
		v := strings.Join(strings.Fields(norm.NFC.String(strings.Join(raw, " "))), " ")
		ef.Typed[f.Name], ef.C.Values[f.Name] = v, v
		if v == "" || (lenient && v == displayValue(rec.Kind, f.Name, f.Value)) {
			if v != "" {
				ef.C.Values[f.Name] = f.Value
			}
			continue
		}
		value, issues, err := ui.validator.Field(rec.Kind, f.Name, v)
		switch {
		case errors.Is(err, domain.ErrInvalid) && lenient:
			ef.C.Issues[f.Name] = issues
		case errors.Is(err, domain.ErrInvalid):
			ef.Problems[f.Name] = issues
		case err != nil:
			return ef, err
		default:
			ef.C.Values[f.Name], ef.C.Issues[f.Name] = value, issues
		}
	}
	return ef, nil
}
