package review

import (
	"net/http"
)

// scanRetry sends a failed page through the pipeline again.
func (ui *UI) scanRetry(w http.ResponseWriter, r *request) error {
	sc, err := ui.scanFor(r)
	if err != nil {
		return err
	}
	if err := ui.store.RetryScan(r.Context(), sc.ID, r.user); err != nil {
		return err
	}
	return redirect(w, r, "/ledgers", "retried")
}
