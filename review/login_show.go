package review

import (
	"net/http"
	"net/url"
	"strings"
)

// loginShow shows the login form.
func (ui *UI) loginShow(w http.ResponseWriter, r *request) error {
	return ui.render(w, r, http.StatusOK, "login.html", loginForm{Next: safeNext(r.URL.Query().Get("next"))})
}

type loginForm struct {
	Username, Next, Error string
}

// safeNext keeps a redirect on this site: an absolute path ("/…", not "//…" nor "/\…"), with no
// control character or backslash anywhere (browsers drop tabs and newlines, so "/\t/evil.example"
// would become "//evil.example"), that parses as a URL without scheme or host. Anything else is "/".
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || len(next) > 2048 {
		return "/"
	}
	if len(next) > 1 && (next[1] == '/' || next[1] == '\\') {
		return "/"
	}
	if strings.ContainsFunc(next, func(r rune) bool { return r < 0x20 || r == 0x7f || r == '\\' || (r >= 0x80 && r <= 0x9f) }) {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	return next
}

// knownFlash keeps a ?m= flash only when it names a message of the interface, so that no one
// can make a page show text of their choosing.
func knownFlash(key string) string {
	if _, ok := messages[key]; ok {
		return key
	}
	return ""
}
