package storage

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// minConfirmedPrefix is the shortest folded prefix looked up among confirmed places: one letter
// matches most of a commune's places ("x" every "xóm …") and says nothing a clerk can use.
const minConfirmedPrefix = 2

// ConfirmedPlaces returns the place values clerks confirmed in a commune whose folded form (see
// sohoa_fold in migration 0020) starts with foldedPrefix, most used first. It reads the
// per-commune table confirmed_places (migration 0130, kept by a trigger on fields); the
// byte-range comparison, unlike LIKE with a parameter, lets every plan use its index.
func (s *Store) ConfirmedPlaces(ctx context.Context, commune, foldedPrefix string, limit int) ([]string, error) {
	if utf8.RuneCountInString(strings.TrimSpace(foldedPrefix)) < minConfirmedPrefix {
		return []string{}, nil
	}
	rows, _ := s.pool.Query(ctx, `
		SELECT value FROM confirmed_places
		WHERE commune_code = $1 AND folded ~>=~ $2 AND folded ~<~ ($2 || chr(1114111))
		ORDER BY uses DESC, value LIMIT $3`, commune, foldedPrefix, limit)
	out, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("confirmed places of %s: %w", commune, translate(err))
	}
	return out, nil
}

// EntryContext returns the commune, kind and years (first and last) of the register an entry
// belongs to.
func (s *Store) EntryContext(ctx context.Context, recordID int64) (domain.EntryContext, error) {
	var c domain.EntryContext
	err := s.pool.QueryRow(ctx, `
		SELECT l.commune_code, l.kind, l.year_to, l.year_from
		FROM records r JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id WHERE r.id = $1`, recordID).
		Scan(&c.CommuneCode, &c.Kind, &c.Year, &c.YearFrom)
	if err != nil {
		return c, fmt.Errorf("record %d: %w", recordID, translate(err))
	}
	return c, nil
}

// PreviousValues returns the field values of the entry just above this one on the same page
// (what "same as the entry above" copies), empty for the first entry of a page. Only values a
// clerk confirmed or corrected are given: an unconfirmed OCR reading, or one of a flagged
// entry, is nothing to copy.
func (s *Store) PreviousValues(ctx context.Context, recordID int64) (map[string]string, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT f.name, f.value FROM records r
		JOIN LATERAL (SELECT p.id FROM records p WHERE p.scan_id = r.scan_id AND p.idx < r.idx
		              ORDER BY p.idx DESC LIMIT 1) prev ON true
		JOIN fields f ON f.record_id = prev.id
		WHERE r.id = $1 AND f.status IN ('confirmed', 'corrected')`, recordID)
	out := map[string]string{}
	var name, value string
	_, err := pgx.ForEachRow(rows, []any{&name, &value}, func() error {
		out[name] = value
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("entry above record %d: %w", recordID, translate(err))
	}
	return out, nil
}
