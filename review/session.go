package review

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

const (
	sessionCookie = "sohoa_session"
	langCookie    = "sohoa_lang"
)

// request is what every page handler gets: the request, the language, and the user when logged in.
type request struct {
	*http.Request
	lang     Lang
	user     domain.User
	shift    time.Time // when this login began
	flash    string
	loggedIn bool
}

type pageFunc func(w http.ResponseWriter, r *request) error

// page serves a handler open to everyone (login, language).
func (ui *UI) page(h pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &request{Request: r, lang: langOf(r), flash: r.URL.Query().Get("m")}
		if err := h(w, req); err != nil {
			ui.fail(w, req, err)
		}
	})
}

// user serves a handler to logged-in people with at least the given role; others are sent to
// the login page (or refused when logged in without the role). A station token is not a login.
func (ui *UI) user(min domain.Role, h pageFunc) http.Handler {
	return ui.page(func(w http.ResponseWriter, r *request) error {
		c, err := r.Cookie(sessionCookie)
		if err != nil {
			return ui.toLogin(w, r)
		}
		u, started, err := ui.store.UserBySession(r.Context(), auth.HashToken(c.Value), ui.cfg.SessionTTL)
		if errors.Is(err, domain.ErrNotFound) {
			return ui.toLogin(w, r)
		}
		if err != nil {
			return err
		}
		r.user, r.shift, r.loggedIn = u, started, true
		if !u.Role.AtLeast(min) {
			return fmt.Errorf("%w: %s needs the role %s", domain.ErrForbidden, r.URL.Path, min)
		}
		return h(w, r)
	})
}

func (ui *UI) toLogin(w http.ResponseWriter, r *request) error {
	if r.Method != http.MethodGet {
		return fmt.Errorf("%w: log in first", domain.ErrUnauthorized)
	}
	http.Redirect(w, r.Request, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
	return nil
}

// startSession logs a user in: a random token in an HttpOnly, SameSite cookie, its hash in the database.
func (ui *UI) startSession(ctx context.Context, w http.ResponseWriter, r *request, u domain.User) error {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	token := base64.RawURLEncoding.EncodeToString(b)
	if err := ui.store.CreateSession(ctx, auth.HashToken(token), u.ID, ui.cfg.SessionTTL, r.UserAgent()); err != nil {
		return err
	}
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: ui.secure(r)})
	return nil
}

// secure reports whether cookies must be Secure: always over HTTPS, including behind a proxy
// that says so, and whenever the operator asks.
func (ui *UI) secure(r *request) bool {
	return ui.cfg.SecureCookie || r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https"
}

func langOf(r *http.Request) Lang {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == string(EN) {
		return EN
	}
	return VI
}
