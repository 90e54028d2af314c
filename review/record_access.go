package review

import (
	"fmt"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// recordFor loads an entry the user may see: a clerk only those of their communes.
func (ui *UI) recordFor(r *request) (domain.Record, domain.RecordPlace, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return domain.Record{}, domain.RecordPlace{}, fmt.Errorf("%w: record %q", domain.ErrNotFound, r.PathValue("id"))
	}
	place, err := ui.store.RecordPlace(r.Context(), id)
	if err != nil {
		return domain.Record{}, place, err
	}
	if !r.user.Sees(place.CommuneCode) {
		return domain.Record{}, place, fmt.Errorf("%w: record %d is in commune %s", domain.ErrForbidden, id, place.CommuneCode)
	}
	rec, err := ui.store.Record(r.Context(), id)
	return rec, place, err
}
