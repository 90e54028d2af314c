package review

import (
	"fmt"
	"html/template"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// matchPage is the link-review screen of one person of an entry.
type matchPage struct {
	Record domain.Record
	Place  domain.RecordPlace
	Match  domain.RecordMatch
	Rows   []matchRow
	Crop   template.CSS
	Audit  []domain.AuditEvent
}

// matchShow shows an entry and its crop beside its candidates, fields that differ highlighted.
func (ui *UI) matchShow(w http.ResponseWriter, r *request) error {
	rec, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	ms, err := ui.store.RecordMatches(r.Context(), rec.ID)
	if err != nil {
		return err
	}
	person := r.URL.Query().Get("person")
	var m *domain.RecordMatch
	for i := range ms {
		if ms[i].Person == person {
			m = &ms[i]
		}
	}
	if m == nil {
		return fmt.Errorf("%w: record %d has no link for %q", domain.ErrNotFound, rec.ID, person)
	}
	trail, err := ui.store.AuditTrail(r.Context(), "record", rec.ID)
	if err != nil {
		return err
	}
	rows := matchRows(m.Candidates)
	if len(rows) == 0 { // no candidate: still show what the register says
		for _, f := range rec.Fields {
			for _, name := range rowFields {
				if f.Name == name {
					rows = append(rows, matchRow{Field: name, Entry: displayValue(rec.Kind, f.Name, f.Value)})
				}
			}
		}
	}
	return ui.render(w, r, http.StatusOK, "match.html", matchPage{Record: rec, Place: place, Match: *m,
		Rows: rows, Crop: entryCrop(rec.Box, place.Width, place.Height), Audit: trail})
}
