package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// ledgerPriority sets a ledger's place in the review queue (higher first).
func (ui *UI) ledgerPriority(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r)
	if err != nil {
		return err
	}
	id := l.ID
	p, err := strconv.Atoi(r.PostFormValue("priority"))
	if err != nil || p < -100 || p > 100 {
		return fmt.Errorf("%w: priority must be a whole number from -100 to 100", domain.ErrInvalid)
	}
	if err := ui.store.SetLedgerPriority(r.Context(), id, p, r.user); err != nil {
		return err
	}
	return redirect(w, r, "/ledgers", "saved")
}
