package review

import (
	"net/http"

	"github.com/sohoa/sohoa/auth"
)

// logout ends the session.
func (ui *UI) logout(w http.ResponseWriter, r *request) error {
	if token := sessionToken(r.Request); token != "" {
		if err := ui.store.DeleteSession(r.Context(), auth.HashToken(token)); err != nil {
			return err
		}
	}
	ui.clearSession(w, r)
	return redirect(w, r, "/login", "")
}
