package review

import (
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// duplicateView is a pair of entries that may be the same person, shown side by side.
type duplicateView struct {
	Pair   domain.DuplicatePair
	A, B   domain.Record
	PA, PB domain.RecordPlace
	Fields []string
	Values [2]map[string]string
}

// duplicateList shows the open pairs to a supervisor: the two entries side by side, one button
// for "the same person" and one for "two people". Nothing is merged.
func (ui *UI) duplicateList(w http.ResponseWriter, r *request) error {
	pairs, err := ui.store.Duplicates(r.Context(), r.user, 50)
	if err != nil {
		return err
	}
	views := make([]duplicateView, 0, len(pairs))
	for _, p := range pairs {
		v := duplicateView{Pair: p}
		for i, id := range []int64{p.RecordA, p.RecordB} {
			rec, err := ui.store.Record(r.Context(), id)
			if err != nil {
				return err
			}
			place, err := ui.store.RecordPlace(r.Context(), id)
			if err != nil {
				return err
			}
			vals := map[string]string{}
			for _, f := range rec.Fields {
				vals[f.Name] = displayValue(rec.Kind, f.Name, f.Value)
			}
			v.Values[i] = vals
			if i == 0 {
				v.A, v.PA, v.Fields = rec, place, rec.Kind.Fields()
			} else {
				v.B, v.PB = rec, place
			}
		}
		views = append(views, v)
	}
	return ui.render(w, r, http.StatusOK, "duplicates.html", views)
}
