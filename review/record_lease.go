package review

import (
	"net/http"
)

// recordLease renews the clerk's lease while the entry is open (the page's heartbeat).
func (ui *UI) recordLease(w http.ResponseWriter, r *request) error {
	rec, _, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	if err := ui.store.RenewLease(r.Context(), rec.ID, r.user.ID, ui.cfg.Lease); err != nil {
		return err
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}
