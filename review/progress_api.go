package review

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/sohoa/sohoa/progress"
)

// progressAPI gives the dashboard's figures as JSON (GET /api/v1/progress[?unit=CODE]), for a
// logged-in supervisor.
func (ui *UI) progressAPI(w http.ResponseWriter, r *request) error {
	p, err := progress.Load(r.Context(), ui.store, r.URL.Query().Get("unit"), progress.Scope(r.user), time.Now())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(p)
}
