package review

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// followupRow is an entry of the follow-up list with the full name of who flagged it.
type followupRow struct {
	domain.Followup
	FlaggedByName string
}

// followupList shows the entries flagged missing / unclear in the user's communes; each opens
// on the review screen, where a supervisor (or the clerk who flagged it) settles it.
func (ui *UI) followupList(w http.ResponseWriter, r *request) error {
	fs, err := ui.store.Followups(r.Context(), r.user)
	if err != nil {
		return err
	}
	names, err := ui.store.DisplayNames(r.Context())
	if err != nil {
		return err
	}
	rows := make([]followupRow, 0, len(fs))
	for _, f := range fs {
		rows = append(rows, followupRow{Followup: f, FlaggedByName: fullName(names, f.FlaggedBy)})
	}
	return ui.render(w, r, http.StatusOK, "followups.html", rows)
}
