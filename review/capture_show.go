package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// captureShow is the phone capture page: pick a ledger, photograph its pages, see each page's
// verdict as it is sent (review/static/capture.js does the sending).
func (ui *UI) captureShow(w http.ResponseWriter, r *request) error {
	if ui.uploader == nil {
		return fmt.Errorf("%w: no upload service", domain.ErrNotFound)
	}
	ledgers, err := ui.captureLedgers(r.Context(), r.user)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "capture.html", map[string]any{"Ledgers": ledgers})
}
