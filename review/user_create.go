package review

import (
	"errors"
	"log/slog"
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
	u, err := domain.NewUser(form.Username, form.DisplayName, form.Role, strings.FieldsFunc(form.Communes, func(r rune) bool { return r == ',' || r == ' ' }))
	var hash string
	if err == nil {
		hash, err = auth.HashPassword(r.PostFormValue("password"))
	}
	if err == nil {
		err = ui.store.CreateUser(r.Context(), &u, hash, r.user.Username)
	}
	if errors.Is(err, domain.ErrInvalid) || errors.Is(err, domain.ErrConflict) {
		ui.logger.Info("user not created", slog.String("request_id", w.Header().Get("X-Request-Id")), slog.Any("error", err))
		form.Error = publicText(r, err)
		return ui.showUsers(w, r, http.StatusUnprocessableEntity, form)
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.created")
}
