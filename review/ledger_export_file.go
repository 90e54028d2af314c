package review

import (
	"log/slog"
	"net/http"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
	"github.com/sohoa/sohoa/storage"
)

var _ export.Store = (*storage.Store)(nil)

// exportTypes are the Content-Types of the export formats.
var exportTypes = map[domain.ExportFormat]string{
	domain.FormatXLSX:  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	domain.FormatCSV:   "text/csv; charset=utf-8",
	domain.FormatJSONL: "application/jsonl; charset=utf-8",
}

// ledgerExportFile downloads a ledger's finished entries as the civil-status software's import
// workbook (?format=xlsx), CSV (?format=csv&sep=; or ,) or JSON Lines (?format=jsonl); &all=1
// also includes entries set aside as unclear. The download is streamed and recorded.
func (ui *UI) ledgerExportFile(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r) // a supervisor exports the ledgers of their communes only
	if err != nil {
		return err
	}
	id := l.ID
	q := r.URL.Query()
	f, err := domain.ParseExportFormat(q.Get("format"))
	if err != nil {
		return err
	}
	comma := ';'
	if q.Get("sep") == "," {
		comma = ','
	}
	req, err := export.Resolve(r.Context(), ui.store, export.Request{
		Scope:  domain.ExportScope{LedgerID: id, IncludeUnfinished: q.Get("all") == "1"},
		Format: f, Comma: comma, Actor: r.user.Username, UserID: &r.user.ID})
	if err != nil {
		return err
	}
	sw := &sentWriter{w: w}
	w.Header().Set("Content-Type", exportTypes[f])
	w.Header().Set("Content-Disposition", `attachment; filename="`+export.FileName(req)+`"`)
	w.Header().Set("Cache-Control", "no-store")
	rec, err := export.Write(r.Context(), ui.store, sw, req)
	if err != nil && sw.sent {
		// Too late for an error page: say so at the end of the file, so it is not taken as complete.
		ui.logger.Error("export interrupted", slog.Int64("ledger_id", id), slog.Any("error", err))
		_, _ = w.Write([]byte("\n!!! LỖI: bản xuất bị gián đoạn, tệp không đầy đủ. Hãy xuất lại. / Export interrupted, file incomplete.\n"))
		return nil
	}
	if err != nil {
		return err
	}
	ui.logger.Info("export", slog.Int64("export_id", rec.ID), slog.Int64("ledger_id", id), slog.Int64("entries", rec.Entries))
	return nil
}

// sentWriter remembers whether anything reached the client.
type sentWriter struct {
	w    http.ResponseWriter
	sent bool
}

func (s *sentWriter) Write(p []byte) (int, error) {
	s.sent = s.sent || len(p) > 0
	return s.w.Write(p)
}
