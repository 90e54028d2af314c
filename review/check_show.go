package review

import (
	"errors"
	"net/http"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// checkField is one field of the check screen: only what the checker may see. In a blind check
// Value is empty (or what the checker typed, re-shown after a refusal): the entered value never
// reaches the page, so the template cannot leak it.
type checkField struct {
	Name     string
	Box      *domain.Box
	Absent   bool
	Value    string
	Problems []domain.Issue
}

// checkPage is what the check screen shows.
type checkPage struct {
	RecordID   int64
	Index      int
	Version    int
	Confidence float64
	Box        *domain.Box
	Place      domain.RecordPlace
	Stage      int
	Blind      bool
	Fields     []checkField
	Focus      string
	Notice     string
}

// checkNext gives the checker the next entry to check under a lease and opens it.
func (ui *UI) checkNext(w http.ResponseWriter, r *request) error {
	return ui.openNextCheck(w, r, "")
}

func (ui *UI) openNextCheck(w http.ResponseWriter, r *request, flash string) error {
	id, err := ui.store.NextCheck(r.Context(), r.user, ui.cfg.Lease)
	if errors.Is(err, domain.ErrNotFound) {
		return redirect(w, r, "/", cmpFlash(flash, "check.empty"))
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/checks/"+strconv.FormatInt(id, 10), flash)
}

// checking reports whether the user holds a check of the entry right now: a confirmed entry
// leased to them.
func checking(rec domain.Record, u domain.User) bool {
	return rec.Status == domain.RecordConfirmed && rec.LeaseUserID != nil && *rec.LeaseUserID == u.ID &&
		rec.LeaseExpiresAt != nil && rec.LeaseExpiresAt.After(time.Now())
}

// cmpFlash is the flash to show: the first that is set.
func cmpFlash(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// checkShow is the check screen: the page with the entry outlined and every field's crop; in a
// sighted check the entered values to confirm (Enter) or correct, in a blind check empty inputs.
func (ui *UI) checkShow(w http.ResponseWriter, r *request) error {
	task, place, gone, err := ui.openCheck(r)
	if gone || err != nil {
		return checkGone(err, gone, w, r)
	}
	return ui.showCheck(w, r, http.StatusOK, task, place, nil, nil, "")
}

// openCheck is the check the user holds on the request's entry and where the entry is; gone
// when it is no longer theirs to check (taken back, passed or changed).
func (ui *UI) openCheck(r *request) (task domain.CheckTask, place domain.RecordPlace, gone bool, err error) {
	if _, place, err = ui.recordFor(r); err != nil {
		return task, place, false, err
	}
	task, err = ui.store.OpenCheck(r.Context(), mustID(r), r.user)
	if errors.Is(err, domain.ErrStale) {
		return task, place, true, nil
	}
	return task, place, false, err
}

// checkGone answers a check that could not be opened: back home when it is gone, else the error.
func checkGone(err error, gone bool, w http.ResponseWriter, r *request) error {
	if gone {
		return redirect(w, r, "/", "check.gone")
	}
	return err
}

func (ui *UI) showCheck(w http.ResponseWriter, r *request, status int, task domain.CheckTask, place domain.RecordPlace,
	typed map[string]string, problems map[string][]domain.Issue, notice string) error {
	rec := task.Record
	p := checkPage{RecordID: rec.ID, Index: rec.Index, Version: rec.Version, Confidence: rec.Confidence, Box: rec.Box, Place: place,
		Stage: task.Stage, Blind: task.Mode == domain.CheckBlind, Notice: notice, Focus: focusField(rec, problems)}
	for _, f := range rec.Fields {
		cf := checkField{Name: f.Name, Box: f.Box, Absent: absent(f), Problems: problems[f.Name]}
		switch v, ok := typed[f.Name]; {
		case ok:
			cf.Value = v
		case !p.Blind:
			cf.Value = displayValue(rec.Kind, f.Name, f.Value)
		}
		p.Fields = append(p.Fields, cf)
	}
	return ui.render(w, r, status, "check.html", p)
}
