package review

import (
	"context"
	"errors"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// recordConfirm stores the clerk's values (validated again here, with the rules extraction
// used) and opens the next entry at once. A stale form is refused with an explanation; a value
// that cannot be accepted re-shows the form with the clerk's input as typed, the reason, and
// the cursor in the refused field.
func (ui *UI) recordConfirm(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	return ui.saveEntry(w, r, rec, place, ui.store.ConfirmRecord, func() error { return ui.openNext(w, r, "") })
}

// saveEntry validates the entry's form again and saves it with save: a value that cannot be
// accepted re-shows the form as typed, a stale form is refused with an explanation, and after
// a save then says where the clerk goes.
func (ui *UI) saveEntry(w http.ResponseWriter, r *request, rec domain.Record, place domain.RecordPlace,
	save func(ctx context.Context, id int64, u domain.User, c domain.Confirmation) error, then func() error) error {
	ef, err := ui.readEntryForm(r, rec, false)
	if err != nil {
		return err
	}
	if len(ef.Problems) > 0 {
		return ui.showRecord(w, r, http.StatusUnprocessableEntity, rec, place, ef.Typed, ef.Problems, "invalid")
	}
	err = save(r.Context(), rec.ID, r.user, ef.C)
	if errors.Is(err, domain.ErrStale) {
		return ui.stale(w, r, place)
	}
	if err != nil {
		return err
	}
	return then()
}

// stale re-shows the latest version of an entry with the explanation, status 409.
func (ui *UI) stale(w http.ResponseWriter, r *request, place domain.RecordPlace) error {
	latest, err := ui.store.Record(r.Context(), mustID(r))
	if err != nil {
		return err
	}
	return ui.showRecord(w, r, http.StatusConflict, latest, place, nil, nil, "stale")
}

func mustID(r *request) int64 {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id
}
