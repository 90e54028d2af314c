package review

import "net/http"

// ledgerList is the supervisors' progress table: per commune and ledger, pages scanned and
// entries pending, confirmed and unclear, with the queue priority and the failed pages.
func (ui *UI) ledgerList(w http.ResponseWriter, r *request) error {
	rows, err := ui.store.LedgerRows(r.Context(), r.user)
	if err != nil {
		return err
	}
	failed, err := ui.store.FailedScans(r.Context(), r.user)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "ledgers.html", map[string]any{"Rows": rows, "Failed": failed})
}
