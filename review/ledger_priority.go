package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// ledgerPriority sets a ledger's place in the review queue (higher first).
func (ui *UI) ledgerPriority(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: ledger %q", domain.ErrNotFound, r.PathValue("id"))
	}
	p, err := strconv.Atoi(r.PostFormValue("priority"))
	if err != nil || p < -100 || p > 100 {
		return fmt.Errorf("%w: priority must be a whole number from -100 to 100", domain.ErrInvalid)
	}
	if err := ui.store.SetLedgerPriority(r.Context(), id, p, r.user); err != nil {
		return err
	}
	return redirect(w, r, "/ledgers", "saved")
}
