package review

import "net/http"

// userEnable re-enables a disabled account.
func (ui *UI) userEnable(w http.ResponseWriter, r *request) error {
	u, err := ui.userTarget(r)
	if err != nil {
		return err
	}
	if err := ui.store.SetUserDisabled(r.Context(), actorOf(r), u.ID, false); err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.enabled")
}
