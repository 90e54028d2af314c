package review

import (
	"errors"
	"net/http"
	"strings"

	"github.com/sohoa/sohoa/domain"
	"golang.org/x/text/unicode/norm"
)

// recordFlag sets the entry aside as missing / unclear (thiếu / chưa rõ), with the clerk's
// reason and whatever they had typed into the fields, for the follow-up list; then opens the
// next entry.
func (ui *UI) recordFlag(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	ef, err := ui.readEntryForm(r, rec, true)
	if err != nil {
		return err
	}
	reason := strings.TrimSpace(norm.NFC.String(r.PostFormValue("reason")))
	if reason == "" {
		reason = "thiếu / chưa rõ"
	}
	err = ui.store.FlagRecordWithValues(r.Context(), rec.ID, r.user, ef.C, reason)
	if errors.Is(err, domain.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return ui.openNext(w, r, "flagged")
}
