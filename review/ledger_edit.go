package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// ledgerEdit is the form of an existing ledger.
func (ui *UI) ledgerEdit(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: ledger %q", domain.ErrNotFound, r.PathValue("id"))
	}
	l, err := ui.store.Ledger(r.Context(), id)
	if err != nil {
		return err
	}
	label := l.CommuneCode
	if c, ok := ui.communes.Commune(l.CommuneCode); ok {
		label = c.Label()
	}
	return ui.showLedgerForm(w, r, http.StatusOK, formOf(l, label, ""))
}
