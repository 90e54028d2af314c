package review

import (
	"errors"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// recordRelease gives the entry back to the queue and returns to the start page.
func (ui *UI) recordRelease(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	err = ui.store.ReleaseRecord(r.Context(), rec.ID, r.user)
	if errors.Is(err, domain.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/", "released")
}
