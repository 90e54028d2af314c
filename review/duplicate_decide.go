package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// duplicateDecide records a supervisor's verdict on a pair (same person / two people); audited,
// and neither entry changes.
func (ui *UI) duplicateDecide(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: pair %q", domain.ErrNotFound, r.PathValue("id"))
	}
	status := r.PostFormValue("status")
	if status != "same" && status != "different" {
		return fmt.Errorf("%w: status %q (want same or different)", domain.ErrInvalid, status)
	}
	if err := ui.store.DecideDuplicate(r.Context(), id, r.user, status); err != nil {
		return err
	}
	return redirect(w, r, "/duplicates", "duplicate."+status)
}
