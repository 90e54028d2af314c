package review

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// scanRetry sends a failed page through the pipeline again.
func (ui *UI) scanRetry(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return fmt.Errorf("%w: scan %q", domain.ErrNotFound, r.PathValue("id"))
	}
	if err := ui.store.RetryScan(r.Context(), id, r.user); err != nil {
		return err
	}
	return redirect(w, r, "/ledgers", "retried")
}
