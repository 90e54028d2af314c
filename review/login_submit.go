package review

import (
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

// loginSubmit checks a username and password, rate-limited per username and per client address.
func (ui *UI) loginSubmit(w http.ResponseWriter, r *request) error {
	form := loginForm{Username: strings.TrimSpace(r.PostFormValue("username")), Next: safeNext(r.PostFormValue("next"))}
	ip, _, _ := net.SplitHostPort(r.RemoteAddr)
	keys := []string{"user:" + form.Username, "ip:" + ip}
	if !ui.limiter.allowed(keys...) {
		form.Error = r.lang.T("login.throttled")
		return ui.render(w, r, http.StatusTooManyRequests, "login.html", form)
	}
	u, hash, err := ui.store.UserByName(r.Context(), form.Username)
	if err != nil && !errors.Is(err, domain.ErrNotFound) {
		return err
	}
	ok := false
	if err == nil {
		ok, err = auth.CheckPassword(hash, r.PostFormValue("password"))
		if err != nil {
			return err
		}
	}
	if !ok {
		ui.limiter.fail(keys...)
		ui.logger.Info("login failed", slog.String("username", form.Username), slog.String("ip", ip))
		form.Error = r.lang.T("login.failed")
		return ui.render(w, r, http.StatusUnauthorized, "login.html", form)
	}
	ui.limiter.succeed(keys[0])
	if err := ui.startSession(r.Context(), w, r, u); err != nil {
		return err
	}
	return redirect(w, r, form.Next, "")
}
