package review

import "net/http"

// ledgerNew is the empty ledger form for a supervisor.
func (ui *UI) ledgerNew(w http.ResponseWriter, r *request) error {
	return ui.showLedgerForm(w, r, http.StatusOK, ledgerForm{Kind: "khai-sinh"})
}
