package review

import (
	"net/http"
	"time"
)

// homeShow is the clerk's start page: the next-entry button and their counts for today and
// this shift.
func (ui *UI) homeShow(w http.ResponseWriter, r *request) error {
	today, err := ui.store.ConfirmedBy(r.Context(), r.user.ID, startOfDay(time.Now(), ui.cfg.Location))
	if err != nil {
		return err
	}
	shift, err := ui.store.ConfirmedBy(r.Context(), r.user.ID, r.shift)
	if err != nil {
		return err
	}
	checks, err := ui.store.StagesInUse(r.Context())
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "home.html", map[string]any{"Today": today, "Shift": shift, "ShiftStart": r.shift,
		"Checks": checks})
}
