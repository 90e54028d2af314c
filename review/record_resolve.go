package review

import (
	"errors"
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// followupFor loads a flagged entry the user may settle: a supervisor, or the clerk who
// flagged it.
func (ui *UI) followupFor(r *request) (domain.Record, domain.RecordPlace, error) {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return rec, place, err
	}
	trail, err := ui.store.AuditTrail(r.Context(), "record", rec.ID)
	if err != nil {
		return rec, place, err
	}
	if rec.Status == domain.RecordFlagged && !mayResolve(r.user, trail) {
		return rec, place, fmt.Errorf("%w: only a supervisor or the clerk who flagged it settles entry %d", domain.ErrForbidden, rec.ID)
	}
	return rec, place, nil
}

// recordResolve corrects and confirms a flagged entry from the follow-up list, then returns
// to the list.
func (ui *UI) recordResolve(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.followupFor(r)
	if err != nil {
		return err
	}
	ef, err := ui.readEntryForm(r, rec, false)
	if err != nil {
		return err
	}
	if len(ef.Problems) > 0 {
		return ui.showRecord(w, r, http.StatusUnprocessableEntity, rec, place, ef.Typed, ef.Problems, "invalid")
	}
	err = ui.store.ResolveFlagged(r.Context(), rec.ID, r.user, ef.C)
	if errors.Is(err, storage.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/followups", "resolved")
}
