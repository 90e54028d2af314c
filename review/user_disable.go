package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// userDisable disables an account and ends its sessions; an admin cannot lock themselves out.
func (ui *UI) userDisable(w http.ResponseWriter, r *request) error {
	u, err := ui.userTarget(r)
	if err != nil {
		return err
	}
	if u.ID == r.user.ID {
		return domain.Public(fmt.Errorf("%w: admin %s disabling themselves", domain.ErrConflict, u.Username),
			"Không thể tự khóa tài khoản của mình.", "you cannot disable your own account")
	}
	if err := ui.store.SetUserDisabled(r.Context(), actorOf(r), u.ID, true); err != nil {
		return err
	}
	return redirect(w, r, "/admin/users", "user.disabled")
}
