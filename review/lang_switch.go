package review

import (
	"net/http"
	"time"
)

// langSwitch sets the interface language (vi or en) and goes back.
func (ui *UI) langSwitch(w http.ResponseWriter, r *request) error {
	lang := VI
	if r.PathValue("lang") == string(EN) {
		lang = EN
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(lang), Path: "/", MaxAge: int((365 * 24 * time.Hour).Seconds()),
		SameSite: http.SameSiteLaxMode, Secure: ui.secure(r)})
	return redirect(w, r, safeNext(r.URL.Query().Get("next")), "")
}
