package review

import (
	"net/http"
	"time"

	"github.com/sohoa/sohoa/progress"
	"github.com/sohoa/sohoa/storage"
)

var _ progress.Store = (*storage.Store)(nil)

// progressShow is the progress dashboard: a unit (?unit=CODE, the whole country without it),
// its parts down to the ledgers, entries done per day, per person, the estimated completion date
// and OCR quality. Server-rendered, charts drawn as inline SVG.
func (ui *UI) progressShow(w http.ResponseWriter, r *request) error {
	p, err := progress.Load(r.Context(), ui.store, r.URL.Query().Get("unit"), progress.Scope(r.user), time.Now())
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "progress.html", newProgressView(r.lang, p))
}
