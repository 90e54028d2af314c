package review

import (
	"errors"
	"net/http"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

// userPassword sets a new password for an account and ends its sessions.
func (ui *UI) userPassword(w http.ResponseWriter, r *request) error {
	u, err := ui.userTarget(r)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(r.PostFormValue("password"))
	if errors.Is(err, domain.ErrInvalid) {
		return ui.showUsers(w, r, http.StatusUnprocessableEntity, userForm{Role: "clerk", Error: u.Username + ": " + publicText(r, err)})
	}
	if err != nil {
		return err
	}
	if err := ui.store.SetPassword(r.Context(), actorOf(r), u.ID, hash); err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.password_set")
}
