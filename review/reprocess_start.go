package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// reprocessStart sends a ledger's pages (POST /ledgers/{id}/reprocess) or one page
// (POST /scans/{id}/reprocess) to be read again and shows the run's report. Entries a person
// decided are kept as they are.
func (ui *UI) reprocessStart(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: %q", domain.ErrNotFound, r.PathValue("id"))
	}
	var ledgerID, scanID int64
	if r.Pattern == "POST /scans/{id}/reprocess" {
		scanID = id
	} else {
		ledgerID = id
	}
	run, err := ui.store.StartReprocess(r.Context(), r.user, ledgerID, scanID)
	if err != nil {
		return err
	}
	return redirect(w, r, "/reprocess/"+strconv.FormatInt(run, 10), "reprocess.started")
}
