package review

import (
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/validate"
)

// recordPage is what the review screen shows.
type recordPage struct {
	Record   domain.Record
	Place    domain.RecordPlace
	Held     bool              // the viewer holds the lease: the form is editable
	Resolve  bool              // a flagged entry the viewer may correct, confirm or send back (follow-up)
	Editable bool              // Held or Resolve
	CanNote  bool              // the viewer may leave a note on a flagged entry
	Action   string            // where the form posts: confirm or resolve
	Warnings bool              // show the OCR's doubts: not on an entry already confirmed
	Focus    string            // the field that gets the focus: the first refused one, else the first
	Values   map[string]string // the form's values, re-shown as typed after a refusal
	Problems map[string][]domain.Issue
	History  []historyLine
	Notice   string
	Previous map[string]string // the entry above on the page, as shown: what F3 copies

	ConfirmedBy, ConfirmedAt string
}

// recordShow is the review screen: the page with the entry outlined, and for every field its
// crop beside an input prefilled with the OCR value.
func (ui *UI) recordShow(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	if checking(rec, r.user) { // a checker sees the entry only as their check shows it (blind: not at all)
		return redirect(w, r, "/checks/"+strconv.FormatInt(rec.ID, 10), "")
	}
	return ui.showRecord(w, r, http.StatusOK, rec, place, nil, nil, "")
}

func (ui *UI) showRecord(w http.ResponseWriter, r *request, status int, rec domain.Record, place domain.RecordPlace,
	values map[string]string, problems map[string][]domain.Issue, notice string) error {
	trail, err := ui.store.AuditTrail(r.Context(), "record", rec.ID)
	if err != nil {
		return err
	}
	names, err := ui.store.DisplayNames(r.Context())
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
	p := recordPage{Record: rec, Place: place, Values: values, Problems: problems, Notice: notice,
		History: ui.history(r.lang, trail, names, rec.Kind), Previous: previous}
	p.Held = rec.Status == domain.RecordPending && rec.LeaseUserID != nil && *rec.LeaseUserID == r.user.ID
	p.Resolve = rec.Status == domain.RecordFlagged && mayResolve(r.user, trail)
	p.Editable, p.CanNote = p.Held || p.Resolve, p.Resolve
	p.Action = "confirm"
	if p.Resolve {
		p.Action = "resolve"
	}
	p.Warnings = rec.Status != domain.RecordConfirmed
	if rec.Status == domain.RecordConfirmed {
		p.ConfirmedBy, p.ConfirmedAt = confirmedBy(trail, names), ""
		if rec.ConfirmedAt != nil {
			p.ConfirmedAt = ui.dateTime(*rec.ConfirmedAt)
		}
	}
	p.Focus = focusField(rec, problems)
	return ui.render(w, r, status, "record.html", p)
}

// mayResolve reports whether a user may settle a flagged entry: a supervisor, or the clerk who
// flagged it (once the book or the family has been consulted).
func mayResolve(u domain.User, trail []domain.AuditEvent) bool {
	if u.Role.AtLeast(domain.RoleSupervisor) {
		return true
	}
	for i := len(trail) - 1; i >= 0; i-- {
		if e := trail[i]; e.Action == "record.flag" {
			return e.UserID != nil && *e.UserID == u.ID
		}
	}
	return false
}

// confirmedBy is the full name of whoever confirmed the entry last.
func confirmedBy(trail []domain.AuditEvent, names map[string]string) string {
	for i := len(trail) - 1; i >= 0; i-- {
		if trail[i].Action == "record.confirm" {
			return fullName(names, trail[i].Actor)
		}
	}
	return ""
}

// focusField is the field the cursor starts in: the first one refused, else the first.
func focusField(rec domain.Record, problems map[string][]domain.Issue) string {
	for _, f := range rec.Fields {
		if len(problems[f.Name]) > 0 {
			return f.Name
		}
	}
	if len(rec.Fields) > 0 {
		return rec.Fields[0].Name
	}
	return ""
}

// displayValue shows a stored value the way a clerk writes it: ISO dates as dd/mm/yyyy. The
// validator reads dd/mm/yyyy back to the same ISO date, so an unchanged field stays confirmed.
func displayValue(kind domain.Kind, field, value string) string {
	switch validate.TypeOf(kind, field) {
	case validate.TypeDate, validate.TypeDateInWords:
		return domain.DisplayDate(value)
	}
	return value
}
