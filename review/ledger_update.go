package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// ledgerUpdate saves the edited ledger, or shows the form again with the reason.
func (ui *UI) ledgerUpdate(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: ledger %q", domain.ErrNotFound, r.PathValue("id"))
	}
	if _, err := ui.store.Ledger(r.Context(), id); err != nil {
		return err
	}
	l, f, err := ui.readLedgerForm(r)
	f.ID, l.ID = id, id
	if err != nil {
		f.Error = err.Error()
		return ui.showLedgerForm(w, r, http.StatusUnprocessableEntity, f)
	}
	if err := ui.store.UpdateLedger(r.Context(), l, r.user); err != nil {
		msg, err := ledgerSaveError(r, err)
		if err != nil {
			return err
		}
		f.Error = msg
		return ui.showLedgerForm(w, r, http.StatusUnprocessableEntity, f)
	}
	return redirect(w, r, "/ledgers", "saved")
}
