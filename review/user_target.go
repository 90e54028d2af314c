package review

import (
	"fmt"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// userTarget is the account {id} an admin is changing.
func (ui *UI) userTarget(r *request) (domain.User, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return domain.User{}, fmt.Errorf("%w: user %q", domain.ErrNotFound, r.PathValue("id"))
	}
	return ui.store.User(r.Context(), id)
}

// actorOf names the person making a change, for the audit trail.
func actorOf(r *request) storage.Actor {
	id := r.user.ID
	return storage.Actor{Name: r.user.Username, ID: &id}
}
