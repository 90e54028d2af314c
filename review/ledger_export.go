package review

import (
	"encoding/csv"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/internal/sheet"
)

// ledgerExport downloads a ledger's confirmed entries as CSV (UTF-8 with a byte-order mark so
// that spreadsheet programs show the diacritics), one column per field; a value that a
// spreadsheet would run as a formula is neutralised. Only for a supervisor of the commune.
func (ui *UI) ledgerExport(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r)
	if err != nil {
		return err
	}
	id := l.ID
	recs, err := ui.store.ConfirmedRecords(r.Context(), id)
	if err != nil {
		return err
	}
	links, err := ui.store.LedgerMatches(r.Context(), id)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	// Named with the day of the export in SOHOA_TIMEZONE, not the server's UTC day.
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="so-%d-%s-%s.csv"`, id, l.Kind,
		time.Now().In(ui.cfg.Location).Format("20060102")))
	_, _ = w.Write([]byte("\ufeff"))
	cw := csv.NewWriter(w)
	names := l.Kind.Fields()
	persons := linkPersons(l.Kind)
	_ = cw.Write(sheet.Row(append(append([]string{"record_id", "page", "index"}, names...), linkColumns(persons)...)))
	for _, rec := range recs {
		row := []string{strconv.FormatInt(rec.ID, 10), strconv.Itoa(rec.Page), strconv.Itoa(rec.Index)}
		for _, n := range names {
			row = append(row, rec.Values[n])
		}
		row = append(row, linkValues(persons, links[rec.ID])...)
		if err := cw.Write(sheet.Row(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
