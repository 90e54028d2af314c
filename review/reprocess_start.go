package review

import (
	"net/http"
	"strconv"
)

// reprocessStart sends a ledger's pages (POST /ledgers/{id}/reprocess) or one page
// (POST /scans/{id}/reprocess) to be read again and shows the run's report. Entries a person
// decided are kept as they are.
func (ui *UI) reprocessStart(w http.ResponseWriter, r *request) error {
	var ledgerID, scanID int64 // a supervisor reads again the pages of their communes only
	if r.Pattern == "POST /scans/{id}/reprocess" {
		sc, err := ui.scanFor(r)
		if err != nil {
			return err
		}
		scanID = sc.ID
	} else {
		l, err := ui.ledgerFor(r)
		if err != nil {
			return err
		}
		ledgerID = l.ID
	}
	run, err := ui.store.StartReprocess(r.Context(), r.user, ledgerID, scanID)
	if err != nil {
		return err
	}
	return redirect(w, r, "/reprocess/"+strconv.FormatInt(run, 10), "reprocess.started")
}
