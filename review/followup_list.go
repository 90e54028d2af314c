package review

import "net/http"

// followupList shows the entries flagged missing / unclear in the user's communes.
func (ui *UI) followupList(w http.ResponseWriter, r *request) error {
	fs, err := ui.store.Followups(r.Context(), r.user)
	if err != nil {
		return err
	}
	return ui.render(w, r, http.StatusOK, "followups.html", fs)
}
