package review

import (
	"bytes"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/httperr"
)

// view is what every template gets.
type view struct {
	L     Lang
	Path  string // the page's own path, to come back to after switching language
	User  any
	Flash string
	Error string
	Data  any
	loc   *time.Location
}

// When writes a moment as dd/mm/yyyy HH:MM in the configured time zone.
func (v view) When(t time.Time) string { return t.In(v.loc).Format("02/01/2006 15:04") }

// render writes a page; a template error becomes a 500 before anything is sent.
func (ui *UI) render(w http.ResponseWriter, r *request, status int, name string, data any) error {
	t, ok := ui.pages[name]
	if !ok {
		return errors.New("no template " + name)
	}
	v := view{L: r.lang, Path: r.URL.Path, Flash: r.lang.T(r.flash), Data: data, loc: ui.cfg.Location}
	if r.flash == "" {
		v.Flash = ""
	}
	if r.loggedIn {
		v.User = r.user
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, v); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Frame-Options", "DENY")
	w.WriteHeader(status)
	_, err := w.Write(buf.Bytes())
	return err
}

// fail shows an error page in the user's language, with the status from the one mapping, and
// logs the full error once, with the request id. The page shows the error's public message when
// it has one, else the interface's message for the status: never the chain's text.
func (ui *UI) fail(w http.ResponseWriter, r *request, err error) {
	status, _ := httperr.Status(err)
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	ui.logger.Log(r.Context(), level, "page failed", slog.String("request_id", w.Header().Get("X-Request-Id")),
		slog.String("path", r.URL.Path), slog.Int("status", status), slog.Any("error", err))
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "5")
	}
	key := "err." + strconv.Itoa(status)
	if _, ok := messages[key]; !ok {
		key = "err.500"
	}
	if status == http.StatusUnauthorized {
		key = "login"
	}
	msg := r.lang.T(key)
	if vi, en, ok := domain.PublicMessage(err); ok {
		msg = vi
		if r.lang == EN {
			msg = en
		}
	}
	if rerr := ui.render(w, r, status, "error.html", msg); rerr != nil {
		http.Error(w, r.lang.T("err.500"), http.StatusInternalServerError)
	}
}

// publicText is what a form shows about a refused value: the error's public message, or the
// interface's message for its status; never driver text, never a newline.
func publicText(r *request, err error) string {
	_, vi, en := httperr.Message(err)
	if _, _, ok := domain.PublicMessage(err); !ok {
		status, _ := httperr.Status(err)
		if _, known := messages["err."+strconv.Itoa(status)]; known {
			vi = messages["err."+strconv.Itoa(status)][0]
		}
	}
	if r.lang == EN {
		return en
	}
	return vi
}

// redirect answers a successful POST (post/redirect/get), with an optional flash message key.
func redirect(w http.ResponseWriter, r *request, to, flash string) error {
	if flash != "" {
		sep := "?"
		if bytes.ContainsRune([]byte(to), '?') {
			sep = "&"
		}
		to += sep + "m=" + flash
	}
	http.Redirect(w, r.Request, to, http.StatusSeeOther)
	return nil
}
