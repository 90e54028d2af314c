package review

import (
	"errors"
	"net/http"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// userCommunes replaces the communes of a clerk or supervisor.
func (ui *UI) userCommunes(w http.ResponseWriter, r *request) error {
	u, err := ui.userTarget(r)
	if err != nil {
		return err
	}
	communes := strings.FieldsFunc(r.PostFormValue("communes"), func(r rune) bool { return r == ',' || r == ' ' })
	err = ui.store.SetCommunes(r.Context(), actorOf(r), u.ID, communes)
	if errors.Is(err, domain.ErrInvalid) {
		return ui.showUsers(w, r, http.StatusUnprocessableEntity, userForm{Role: "clerk", Error: u.Username + ": " + publicText(r, err)})
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "saved")
}
