package review

import (
	"errors"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// checkSubmit records the checker's values for the stage they hold (validated with the rules of
// entry) and opens the next check. Values equal to the entry's pass the stage; a difference goes
// to a supervisor. A value that cannot be accepted re-shows the form as typed.
func (ui *UI) checkSubmit(w http.ResponseWriter, r *request) error {
	task, place, gone, err := ui.openCheck(r)
	if gone || err != nil {
		return checkGone(err, gone, w, r)
	}
	ef, err := ui.readEntryForm(r, task.Record, false)
	if err != nil {
		return err
	}
	if len(ef.Problems) > 0 {
		return ui.showCheck(w, r, http.StatusUnprocessableEntity, task, place, ef.Typed, ef.Problems, "invalid")
	}
	out, err := ui.store.SubmitCheck(r.Context(), task.Record.ID, r.user, ef.C.Version, ef.C.Values)
	if errors.Is(err, domain.ErrStale) {
		return redirect(w, r, "/", "check.gone")
	}
	if err != nil {
		return err
	}
	flash := ""
	if !out.Agreed {
		flash = "check.disputed"
	}
	return ui.openNextCheck(w, r, flash)
}

// checkLease renews the checker's lease while the check is open (the page's heartbeat).
func (ui *UI) checkLease(w http.ResponseWriter, r *request) error {
	rec, _, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	if err := ui.store.RenewCheckLease(r.Context(), rec.ID, r.user.ID, ui.cfg.Lease); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
