package review

import "net/http"

// loginShow shows the login form.
func (ui *UI) loginShow(w http.ResponseWriter, r *request) error {
	return ui.render(w, r, http.StatusOK, "login.html", loginForm{Next: safeNext(r.URL.Query().Get("next"))})
}

type loginForm struct {
	Username, Next, Error string
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if len(next) < 1 || next[0] != '/' || (len(next) > 1 && (next[1] == '/' || next[1] == '\\')) {
		return "/"
	}
	return next
}
