package review

import (
	"errors"
	"fmt"
	"log/slog"
	"mime"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// loginSubmit checks a username and password. The attempt is counted against the username at
// this client address and against the address before the password hash runs (refused with 429
// when either is backing off), the hash runs under a cap on concurrent checks, and an unknown
// username is checked against a dummy hash. Every evaluated attempt is audited.
func (ui *UI) loginSubmit(w http.ResponseWriter, r *request) error {
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "application/x-www-form-urlencoded" {
		return domain.Public(fmt.Errorf("%w: login with content type %q", domain.ErrUnsupported, mt),
			"Biểu mẫu đăng nhập không hợp lệ.", "not a login form")
	}
	username := loginName(r.PostFormValue("username"))
	form := loginForm{Username: username, Next: safeNext(r.PostFormValue("next"))}
	addr := ui.clientAddr(r.Request).String()
	userKey, addrKey := "user:"+username+"@"+addr, "addr:"+addr
	if ok, _ := ui.limiter.reserve(userKey, addrKey); !ok {
		ui.logger.Info("login throttled", slog.String("request_id", w.Header().Get("X-Request-Id")),
			slog.String("username", username), slog.String("addr", addr))
		form.Error = r.lang.T("login.throttled")
		w.Header().Set("Retry-After", "30")
		return ui.render(w, r, http.StatusTooManyRequests, "login.html", form)
	}
	u, hash, err := ui.store.UserByName(r.Context(), username)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	known := err == nil
	ok, err := ui.passwords.verify(r.Context(), hash, known, r.PostFormValue("password"))
	if err != nil {
		return err
	}
	if aerr := ui.store.AuditLogin(r.Context(), username, u.ID, ok, addr); aerr != nil {
		return aerr
	}
	if !ok {
		ui.logger.Info("login failed", slog.String("request_id", w.Header().Get("X-Request-Id")),
			slog.String("username", username), slog.String("addr", addr))
		form.Error = r.lang.T("login.failed")
		return ui.render(w, r, http.StatusUnauthorized, "login.html", form)
	}
	ui.limiter.succeed(userKey, addrKey)
	if err := ui.startSession(r.Context(), w, r, u); err != nil {
		return err
	}
	return redirect(w, r, form.Next, "")
}

// loginName is a typed username as looked up, audited and logged: NFC, without control or
// invisible characters (PostgreSQL refuses a NUL), and cut to 64 bytes on a character boundary
// (a cut inside a letter would be text PostgreSQL refuses).
func loginName(raw string) string {
	name := strings.TrimSpace(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, norm.NFC.String(raw)))
	for len(name) > 64 {
		_, size := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-size]
	}
	return name
}
