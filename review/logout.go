package review

import (
	"net/http"

	"github.com/sohoa/sohoa/auth"
)

// logout ends the session.
func (ui *UI) logout(w http.ResponseWriter, r *request) error {
	if c, err := r.Cookie(sessionCookie); err == nil {
		if err := ui.store.DeleteSession(r.Context(), auth.HashToken(c.Value)); err != nil {
			return err
		}
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode})
	return redirect(w, r, "/login", "")
}
