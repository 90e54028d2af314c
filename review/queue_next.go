package review

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// queueNext gives the clerk the next entry under a lease and opens it.
func (ui *UI) queueNext(w http.ResponseWriter, r *request) error {
	return ui.openNext(w, r, "")
}

func (ui *UI) openNext(w http.ResponseWriter, r *request, flash string) error {
	id, err := ui.store.NextRecord(r.Context(), r.user, ui.cfg.Lease)
	if errors.Is(err, domain.ErrNotFound) {
		return redirect(w, r, "/", "queue.empty")
	}
	if err != nil {
		return err
	}
	return redirect(w, r, "/review/records/"+strconv.FormatInt(id, 10), flash)
}
