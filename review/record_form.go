package review

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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
		v, refused := cleanTyped(strings.Join(raw, " "))
		ef.Typed[f.Name], ef.C.Values[f.Name] = v, v
		if refused != nil {
			ef.Problems[f.Name] = refused
			continue
		}
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

// maxValueLen bounds one typed value: the longest place or address is far shorter.
const maxValueLen = 300

// cleanTyped is a typed value in NFC with its spaces collapsed and invisible format characters
// (zero-width space, BOM) dropped; a value with control characters or over maxValueLen
// characters, which no register holds, is refused with the reason.
func cleanTyped(raw string) (string, []domain.Issue) {
	v := strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, norm.NFC.String(raw))
	v = strings.Join(strings.Fields(v), " ")
	switch {
	case strings.IndexFunc(v, unicode.IsControl) >= 0 || !utf8.ValidString(v):
		v = strings.Map(func(r rune) rune {
			if unicode.IsControl(r) || r == utf8.RuneError {
				return -1
			}
			return r
		}, v)
		return v, []domain.Issue{{Code: "control_characters", VI: "Ô có ký tự điều khiển không in được; hãy xem lại giá trị.",
			EN: "The value holds unprintable control characters; check it."}}
	case utf8.RuneCountInString(v) > maxValueLen:
		return v, []domain.Issue{{Code: "too_long", VI: fmt.Sprintf("Quá dài: tối đa %d ký tự.", maxValueLen),
			EN: fmt.Sprintf("Too long: at most %d characters.", maxValueLen)}}
	}
	return v, nil
}
