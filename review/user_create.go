package review

import (
	"errors"
	"net/http"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

// userCreate adds an account from the admins' form; a refused form is shown again with the reason.
func (ui *UI) userCreate(w http.ResponseWriter, r *request) error {
	form := userForm{
		Username:    strings.TrimSpace(r.PostFormValue("username")),
		DisplayName: strings.TrimSpace(norm.NFC.String(r.PostFormValue("display_name"))),
		Role:        r.PostFormValue("role"),
		Communes:    r.PostFormValue("communes"),
	}
	u, err := NewUser(form.Username, form.DisplayName, form.Role, strings.FieldsFunc(form.Communes, func(r rune) bool { return r == ',' || r == ' ' }))
	var hash string
	if err == nil {
		hash, err = auth.HashPassword(r.PostFormValue("password"))
	}
	if err == nil {
		err = ui.store.CreateUser(r.Context(), &u, hash, r.user.Username)
	}
	if errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrConflict) {
		form.Error = err.Error()
		return ui.showUsers(w, r, http.StatusUnprocessableEntity, form)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.created")
}

// NewUser checks an account's details: the CLI and the admins' page share it.
func NewUser(username, displayName, role string, communes []string) (domain.User, error) {
	r, err := domain.ParseRole(role)
	if err != nil {
		return domain.User{}, err
	}
	if len(username) < 2 || len(username) > 64 || strings.ContainsAny(username, " \t/\\") {
		return domain.User{}, errors.Join(domain.ErrInvalid, errors.New("username: 2–64 characters without spaces or slashes"))
	}
	if r == domain.RoleClerk && len(communes) == 0 {
		return domain.User{}, errors.Join(domain.ErrInvalid, errors.New("a clerk needs at least one commune (--commune CODE)"))
	}
	return domain.User{Username: username, DisplayName: displayName, Role: r, Communes: communes}, nil
}
