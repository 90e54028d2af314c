package review

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// matchListRow is one link waiting for a person.
type matchListRow struct {
	domain.RecordMatch
	Name string // the entry's best candidate's name as the register writes it
}

// matchList lists the links left to a person, then the automatic proposals, with the best
// candidate of each.
func (ui *UI) matchList(w http.ResponseWriter, r *request) error {
	ms, err := ui.store.MatchQueue(r.Context(), r.user, 200)
	if err != nil {
		return err
	}
	rows := make([]matchListRow, 0, len(ms))
	for _, m := range ms {
		row := matchListRow{RecordMatch: m}
		if len(m.Candidates) > 0 {
			for _, f := range matchRows(m.Candidates[:1]) {
				if f.Field == "full_name" {
					row.Name = f.Entry
				}
			}
		}
		rows = append(rows, row)
	}
	return ui.render(w, r, http.StatusOK, "matches.html", rows)
}
