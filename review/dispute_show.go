package review

import (
	"errors"
	"net/http"
	"slices"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// disputeField is one field of a disagreement as the supervisor sees it: the entered value, the
// checker's, and the final value's input.
type disputeField struct {
	Name             string
	Box              *domain.Box
	Entered, Checked string // as written on screen (dates dd/mm/yyyy)
	Differs          bool
	Value            string
	Problems         []domain.Issue
}

// disputePage is the settling screen.
type disputePage struct {
	D                    domain.Dispute
	Place                domain.RecordPlace // with the page image's size
	EnteredBy, CheckedBy string             // full names
	Box                  *domain.Box
	Fields               []disputeField
	Focus                string
	Notice               string
	At                   string
	Blind                bool
}

// disputeList lists the disagreements waiting in the supervisor's communes.
func (ui *UI) disputeList(w http.ResponseWriter, r *request) error {
	ds, err := ui.store.Disputes(r.Context(), r.user, 500)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "disputes.html", ds)
}

// disputeShow is the settling screen: the page with the entry outlined, and per field its crop,
// the entered value and the checker's side by side; the supervisor picks one or types the final.
func (ui *UI) disputeShow(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	d, err := ui.store.Dispute(r.Context(), rec.ID)
	if err != nil {
		return err
	}
	return ui.showDispute(w, r, http.StatusOK, rec, place, d, nil, nil, "")
}

func (ui *UI) showDispute(w http.ResponseWriter, r *request, status int, rec domain.Record, place domain.RecordPlace,
	d domain.Dispute, typed map[string]string, problems map[string][]domain.Issue, notice string) error {
	names, err := ui.store.DisplayNames(r.Context())
	if err != nil {
		return err
	}
	p := disputePage{D: d, Place: place, Box: rec.Box, Notice: notice, At: ui.dateTime(d.At), Blind: d.Mode == domain.CheckBlind,
		EnteredBy: fullName(names, d.EnteredBy), CheckedBy: fullName(names, d.CheckedBy)}
	for _, f := range rec.Fields {
		df := disputeField{Name: f.Name, Box: f.Box, Entered: displayValue(rec.Kind, f.Name, d.Entered[f.Name]),
			Checked: displayValue(rec.Kind, f.Name, d.Checked[f.Name]), Differs: slices.Contains(d.Differing, f.Name),
			Value: displayValue(rec.Kind, f.Name, f.Value), Problems: problems[f.Name]}
		if v, ok := typed[f.Name]; ok {
			df.Value = v
		}
		if p.Focus == "" && (df.Differs || len(df.Problems) > 0) {
			p.Focus = f.Name
		}
		p.Fields = append(p.Fields, df)
	}
	return ui.render(w, r, status, "dispute.html", p)
}

// disputeSettle stores the supervisor's final values and opens the next disagreement, or the
// list when none is left.
func (ui *UI) disputeSettle(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	d, err := ui.store.Dispute(r.Context(), rec.ID)
	if errors.Is(err, domain.ErrNotFound) {
		return redirect(w, r, "/disputes", "dispute.gone")
	}
	if err != nil {
		return err
	}
	ef, err := ui.readEntryForm(r, rec, false)
	if err != nil {
		return err
	}
	if len(ef.Problems) > 0 {
		return ui.showDispute(w, r, http.StatusUnprocessableEntity, rec, place, d, ef.Typed, ef.Problems, "invalid")
	}
	err = ui.store.SettleDispute(r.Context(), rec.ID, r.user, ef.C.Version, ef.C.Values)
	if errors.Is(err, domain.ErrStale) {
		return redirect(w, r, "/disputes", "dispute.gone")
	}
	if err != nil {
		return err
	}
	left, err := ui.store.Disputes(r.Context(), r.user, 1)
	if err != nil {
		return err
	}
	if len(left) > 0 {
		return redirect(w, r, "/disputes/"+strconv.FormatInt(left[0].RecordID, 10), "dispute.settled")
	}
	return redirect(w, r, "/disputes", "dispute.settled")
}
