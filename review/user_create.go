package review

import (
	"errors"
	"fmt"
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
	u, err := NewUser(form.Username, form.DisplayName, form.Role, strings.FieldsFunc(form.Communes, func(r rune) bool { return r == ',' || r == ' ' }))
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

// NewUser checks an account's details: the CLI and the admins' page share it. Clerks and
// supervisors work in the communes given; a province supervisor and an admin in every one.
func NewUser(username, displayName, role string, communes []string) (domain.User, error) {
	r, err := domain.ParseRole(role)
	if err != nil {
		return domain.User{}, domain.Public(err, "Vai trò không hợp lệ (clerk, supervisor, province hoặc admin).",
			"unknown role (want clerk, supervisor, province or admin)")
	}
	if len(username) < 2 || len(username) > 64 || strings.ContainsAny(username, " \t/\\") {
		return domain.User{}, domain.Public(fmt.Errorf("%w: username %q", domain.ErrInvalid, username),
			"Tên đăng nhập: 2–64 ký tự, không có khoảng trắng hay dấu gạch chéo.", "username: 2–64 characters without spaces or slashes")
	}
	if r.Scoped() && len(communes) == 0 {
		return domain.User{}, domain.Public(fmt.Errorf("%w: a %s without communes", domain.ErrInvalid, r),
			"Nhân viên và giám sát xã cần ít nhất một mã xã (--commune MÃ); giám sát toàn tỉnh dùng vai trò province.",
			"a clerk or supervisor needs at least one commune (--commune CODE); use the role province for the whole province")
	}
	if !r.Scoped() {
		communes = nil
	}
	return domain.User{Username: username, DisplayName: displayName, Role: r, Communes: communes}, nil
}
