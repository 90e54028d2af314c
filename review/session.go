package review

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
)

const (
	sessionCookie = "sohoa_session"
	// hostSessionCookie is the session cookie's name over HTTPS: the __Host- prefix makes the
	// browser refuse it unless it is Secure, for this host only, on path /.
	hostSessionCookie = "__Host-" + sessionCookie
	langCookie        = "sohoa_lang"
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

// page serves a handler open to everyone (login, language). A POST body is bounded (a form,
// not a file) before anything reads it; the ?m= flash shows only a known message.
func (ui *UI) page(h pageFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req := &request{Request: r, lang: langOf(r), flash: knownFlash(r.URL.Query().Get("m"))}
		if err := ui.limitBody(w, r); err != nil {
			ui.fail(w, req, err)
			return
		}
		if err := h(w, req); err != nil {
			ui.fail(w, req, err)
		}
	})
}

// user serves a handler to logged-in people with at least the given role; others are sent to
// the login page (or refused when logged in without the role). A station token is not a login.
func (ui *UI) user(min domain.Role, h pageFunc) http.Handler {
	return ui.page(func(w http.ResponseWriter, r *request) error {
		token := sessionToken(r.Request)
		if token == "" {
			return ui.toLogin(w, r)
		}
		u, started, err := ui.store.UserBySession(r.Context(), auth.HashToken(token), ui.cfg.SessionTTL, ui.cfg.SessionMaxAge)
		if errors.Is(err, domain.ErrNotFound) {
			return ui.toLogin(w, r)
		}
		if err != nil {
			return err
		}
		r.user, r.shift, r.loggedIn = u, started, true
		if !u.Role.AtLeast(min) {
			if u.Role == domain.RoleCapture && r.Method == http.MethodGet && r.URL.Path == "/" {
				http.Redirect(w, r.Request, "/capture", http.StatusSeeOther) // a capture account's home
				return nil
			}
			return fmt.Errorf("%w: %s needs the role %s", domain.ErrForbidden, r.URL.Path, min)
		}
		return h(w, r)
	})
}

// sessionToken is the session cookie's value, under either name.
func sessionToken(r *http.Request) string {
	for _, name := range []string{hostSessionCookie, sessionCookie} {
		if c, err := r.Cookie(name); err == nil && c.Value != "" {
			return c.Value
		}
	}
	return ""
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
	name := sessionCookie
	if ui.https(r) {
		name = hostSessionCookie
	}
	http.SetCookie(w, &http.Cookie{Name: name, Value: token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteLaxMode, Secure: ui.secure(r)})
	return nil
}

// clearSession removes the session cookie under both names.
func (ui *UI) clearSession(w http.ResponseWriter, r *request) {
	for _, name := range []string{hostSessionCookie, sessionCookie} {
		http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
			SameSite: http.SameSiteLaxMode, Secure: name == hostSessionCookie || ui.secure(r)})
	}
}

// https reports whether the browser reached us over HTTPS: directly, or through a trusted proxy
// that says so.
func (ui *UI) https(r *request) bool {
	if r.TLS != nil {
		return true
	}
	return ui.fromTrustedProxy(r.Request) && r.Header.Get("X-Forwarded-Proto") == "https"
}

// secure reports whether cookies must be Secure: always, except for a browser on this very
// machine (a loopback address, where plain HTTP is the local demo), unless the operator asks.
func (ui *UI) secure(r *request) bool {
	return ui.cfg.SecureCookie || ui.https(r) || !loopbackHost(r.Host)
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func langOf(r *http.Request) Lang {
	if c, err := r.Cookie(langCookie); err == nil && c.Value == string(EN) {
		return EN
	}
	return VI
}
