package review

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// recordNote leaves a note on a flagged entry (what the book or the family said).
func (ui *UI) recordNote(w http.ResponseWriter, r *request) error {
	rec, _, err := ui.followupFor(r)
	if err != nil {
		return err
	}
	note := strings.TrimSpace(norm.NFC.String(r.PostFormValue("note")))
	if note == "" || len(note) > 2000 {
		return fmt.Errorf("%w: a note is 1 to 2000 bytes", domain.ErrInvalid)
	}
	if err := ui.store.NoteRecord(r.Context(), rec.ID, r.user, note); err != nil {
		return err
	}
	return redirect(w, r, "/review/records/"+strconv.FormatInt(rec.ID, 10), "noted")
}
