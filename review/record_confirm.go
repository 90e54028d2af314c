package review

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// recordConfirm stores the clerk's values (validated again here, with the rules extraction
// used) and opens the next entry at once. A stale form is refused with an explanation; a value
// that cannot be accepted re-shows the form with the clerk's input and the reason.
func (ui *UI) recordConfirm(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	c := domain.Confirmation{Version: version, Values: map[string]string{}, Issues: map[string][]domain.Issue{}}
	problems := map[string][]domain.Issue{}
	for _, f := range rec.Fields {
		raw, ok := r.PostForm["f."+f.Name]
		if !ok {
			problems[f.Name] = []domain.Issue{{Code: "missing_input", VI: "Thiếu ô này trong biểu mẫu.", EN: "This field is missing from the form."}}
			continue
		}
		v := strings.Join(strings.Fields(norm.NFC.String(strings.Join(raw, " "))), " ")
		c.Values[f.Name] = v
		if v == "" {
			continue
		}
		value, issues, err := ui.validator.Field(rec.Kind, f.Name, v)
		switch {
		case errors.Is(err, domain.ErrInvalid):
			problems[f.Name] = issues
		case err != nil:
			return err
		default:
			c.Values[f.Name], c.Issues[f.Name] = value, issues
		}
	}
	if len(problems) > 0 {
		return ui.showRecord(w, r, http.StatusUnprocessableEntity, rec, place, c.Values, problems, "invalid")
	}
	err = ui.store.ConfirmRecord(r.Context(), rec.ID, r.user, c)
	if errors.Is(err, storage.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return ui.openNext(w, r, "")
}

// stale re-shows the latest version of an entry with the explanation, status 409.
func (ui *UI) stale(w http.ResponseWriter, r *request, place domain.RecordPlace) error {
	latest, err := ui.store.Record(r.Context(), mustID(r))
	if err != nil {
		return err
	}
	return ui.showRecord(w, r, http.StatusConflict, latest, place, nil, nil, "stale")
}

func mustID(r *request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}
