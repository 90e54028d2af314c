package review

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// recordRequeue sends a flagged entry back to the review queue from the follow-up list.
func (ui *UI) recordRequeue(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.followupFor(r)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(r.PostFormValue("version"))
	err = ui.store.RequeueFlagged(r.Context(), rec.ID, r.user, version)
	if errors.Is(err, domain.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/followups", "requeued")
}
