package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerUpdate saves the edited ledger, or shows the form again with the reason.
func (ui *UI) ledgerUpdate(w http.ResponseWriter, r *request) error {
	old, err := ui.ledgerFor(r) // a supervisor edits the ledgers of their communes only
	if err != nil {
		return err
	}
	l, f, err := ui.readLedgerForm(r)
	f.ID, l.ID = old.ID, old.ID
	if err == nil && !r.user.Sees(l.CommuneCode) {
		return fmt.Errorf("%w: commune %s is not the user's", domain.ErrForbidden, l.CommuneCode)
	}
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
