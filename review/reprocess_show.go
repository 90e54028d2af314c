package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// reprocessShow reports a reprocess run: pages read again so far, unconfirmed fields whose
// reading changed, entries added, removed and kept because a person decided them.
func (ui *UI) reprocessShow(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: reprocess %q", domain.ErrNotFound, r.PathValue("id"))
	}
	run, err := ui.store.Reprocess(r.Context(), id)
	if err != nil {
		return err
	}
	if err := ui.seesReprocess(r, run); err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "reprocess.html", run)
}

// seesReprocess refuses a run over pages outside the user's communes.
func (ui *UI) seesReprocess(r *request, run domain.Reprocess) error {
	ledgerID := run.LedgerID
	if run.ScanID != 0 {
		sc, err := ui.store.Scan(r.Context(), run.ScanID)
		if err != nil {
			return err
		}
		ledgerID = sc.LedgerID
	}
	l, err := ui.store.Ledger(r.Context(), ledgerID)
	if err != nil {
		return err
	}
	if !r.user.Sees(l.CommuneCode) {
		return fmt.Errorf("%w: reprocess %d is in commune %s", domain.ErrForbidden, run.ID, l.CommuneCode)
	}
	return nil
}
