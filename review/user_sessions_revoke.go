package review

import "net/http"

// userSessionsRevoke ends every session of an account (a lost or shared PC).
func (ui *UI) userSessionsRevoke(w http.ResponseWriter, r *request) error {
	u, err := ui.userTarget(r)
	if err != nil {
		return err
	}
	if _, err := ui.store.RevokeSessions(r.Context(), actorOf(r), u.ID); err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.sessions_revoked")
}
