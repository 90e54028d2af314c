package review

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"unicode/utf8"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/domain"
)

// Completer offers candidates for what a clerk has typed into a field (package complete).
type Completer interface {
	Complete(ctx context.Context, q complete.Query) ([]complete.Candidate, error)
}

var _ Completer = (*complete.Engine)(nil)

// UseCompleter gives the review screen its keying assistance: one engine, built once at start
// and shared with the CLI. Without one the completion route answers an empty list.
func (ui *UI) UseCompleter(c Completer) { ui.completer = c }

// maxPrefix is the longest prefix completed, in characters: longer input is no field value.
const maxPrefix = 200

// completeAnswer is the completion route's JSON.
type completeAnswer struct {
	Candidates []completeItem `json:"candidates"`
}

type completeItem struct {
	Value string `json:"value"`
}

// recordComplete answers GET /review/records/{id}/complete?field=NAME&q=PREFIX with up to ten
// candidates for the field, best first, in the context of the entry's register (its commune and
// year), under the same access rule as the entry itself.
func (ui *UI) recordComplete(w http.ResponseWriter, r *request) error {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return fmt.Errorf("%w: record %q", domain.ErrNotFound, r.PathValue("id"))
	}
	entry, err := ui.store.EntryContext(r.Context(), id)
	if err != nil {
		return err
	}
	if !r.user.Sees(entry.CommuneCode) {
		return fmt.Errorf("%w: record %d is in commune %s", domain.ErrForbidden, id, entry.CommuneCode)
	}
	prefix := r.URL.Query().Get("q")
	if utf8.RuneCountInString(prefix) > maxPrefix {
		return fmt.Errorf("%w: completion prefix of %d characters", domain.ErrInvalid, utf8.RuneCountInString(prefix))
	}
	answer := completeAnswer{Candidates: []completeItem{}}
	typ := complete.TypeOf(r.URL.Query().Get("field"))
	if ui.completer != nil && typ != "" {
		got, err := ui.completer.Complete(r.Context(), complete.Query{Type: typ, Prefix: prefix,
			Commune: entry.CommuneCode, Year: entry.Year, YearFrom: entry.YearFrom, Kind: entry.Kind})
		if err != nil {
			return err
		}
		for _, c := range got {
			answer.Candidates = append(answer.Candidates, completeItem{Value: c.Value})
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(answer)
}

// previousValues are the values of the entry above on the same page, as the screen shows them.
func (ui *UI) previousValues(r *request, rec domain.Record) (map[string]string, error) {
	prev, err := ui.store.PreviousValues(r.Context(), rec.ID)
	if err != nil {
		return nil, err
	}
	for name, v := range prev {
		prev[name] = displayValue(rec.Kind, name, v)
	}
	return prev, nil
}
