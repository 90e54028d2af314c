package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
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
	return ui.saveEntry(w, r, rec, place, ui.store.ResolveFlagged,
		func() error { return redirect(w, r, "/followups", "resolved") })
}
