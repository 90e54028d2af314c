package review

import "net/http"

// ledgerEdit is the form of an existing ledger.
func (ui *UI) ledgerEdit(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r) // a supervisor edits the ledgers of their communes only
	if err != nil {
		return err
	}
	label := l.CommuneCode
	if c, ok := ui.communes.Commune(l.CommuneCode); ok {
		label = c.Label()
	}
	return ui.showLedgerForm(w, r, http.StatusOK, formOf(l, label, ""))
}
