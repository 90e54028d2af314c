package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerCreate stores a new ledger from the form, or shows the form again with the reason.
func (ui *UI) ledgerCreate(w http.ResponseWriter, r *request) error {
	l, f, err := ui.readLedgerForm(r)
	if err == nil && !r.user.Sees(l.CommuneCode) {
		return fmt.Errorf("%w: commune %s is not the user's", domain.ErrForbidden, l.CommuneCode)
	}
	if err != nil {
		f.Error = err.Error()
		return ui.showLedgerForm(w, r, http.StatusUnprocessableEntity, f)
	}
	if err := ui.store.CreateLedgerBy(r.Context(), &l, r.user.Username); err != nil {
		msg, err := ledgerSaveError(r, err)
		if err != nil {
			return err
		}
		f.Error = msg
		return ui.showLedgerForm(w, r, http.StatusUnprocessableEntity, f)
	}
	return redirect(w, r, "/ledgers", "ledger.created")
}
