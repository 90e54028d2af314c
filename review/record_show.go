package review

import (
	"net/http"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate"
)

// recordPage is what the review screen shows.
type recordPage struct {
	Record   domain.Record
	Place    domain.RecordPlace
	Held     bool              // the viewer holds the lease: the form is editable
	Values   map[string]string // the form's values when re-shown after a refusal
	Problems map[string][]domain.Issue
	Audit    []domain.AuditEvent
	Notice   string
	Previous map[string]string // the entry above on the page, as shown: what F3 copies
}

// recordShow is the review screen: the page with the entry outlined, and for every field its
// crop above an input prefilled with the OCR value.
func (ui *UI) recordShow(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	return ui.showRecord(w, r, http.StatusOK, rec, place, nil, nil, "")
}

func (ui *UI) showRecord(w http.ResponseWriter, r *request, status int, rec domain.Record, place domain.RecordPlace,
	values map[string]string, problems map[string][]domain.Issue, notice string) error {
	trail, err := ui.store.AuditTrail(r.Context(), "record", rec.ID)
	if err != nil {
		return err
	}
	if values == nil {
		values = map[string]string{}
		for _, f := range rec.Fields {
			values[f.Name] = displayValue(rec.Kind, f.Name, f.Value)
		}
	}
	previous, err := ui.previousValues(r, rec)
	if err != nil {
		return err
	}
	held := rec.Status == domain.RecordPending && rec.LeaseUserID != nil && *rec.LeaseUserID == r.user.ID
	return ui.render(w, r, status, "record.html", recordPage{Record: rec, Place: place, Held: held, Values: values,
		Problems: problems, Audit: trail, Notice: notice, Previous: previous})
}

// displayValue shows a stored value the way a clerk writes it: ISO dates as dd/mm/yyyy. The
// validator reads dd/mm/yyyy back to the same ISO date, so an unchanged field stays confirmed.
func displayValue(kind domain.Kind, field, value string) string {
	switch validate.TypeOf(kind, field) {
	case validate.TypeDate, validate.TypeDateInWords:
		if t, err := time.Parse("2006-01-02", value); err == nil {
			return t.Format("02/01/2006")
		}
	}
	return value
}
