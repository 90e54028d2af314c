package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// TrainingLines returns every confirmed field with a value and a crop box in the confirmed
// entries of a ledger (ledgerID > 0) or of a commune, in page and entry order. Fields marked
// missing, and entries set aside as unclear or still pending, are left out.
func (s *Store) TrainingLines(ctx context.Context, ledgerID int64, commune string) ([]domain.TrainingLine, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT l.id, l.commune_code, l.book, sc.id, sc.page,
		       CASE WHEN sc.clean_key <> '' THEN sc.clean_key ELSE sc.object_key END,
		       r.id, r.idx, f.name, f.value, f.box, COALESCE(u.username, ''), COALESCE(f.confirmed_at, r.confirmed_at)
		FROM fields f
		JOIN records r ON r.id = f.record_id JOIN scans sc ON sc.id = r.scan_id JOIN ledgers l ON l.id = sc.ledger_id
		LEFT JOIN users u ON u.id = COALESCE(f.confirmed_by, r.confirmed_by)
		WHERE r.status = 'confirmed' AND f.status IN ('confirmed', 'corrected') AND f.value <> '' AND f.box IS NOT NULL
		  AND (($1::bigint > 0 AND l.id = $1) OR ($1::bigint <= 0 AND l.commune_code = $2))
		ORDER BY l.id, sc.page, sc.version, r.idx, f.position, f.id`, ledgerID, commune)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.TrainingLine, error) {
		var t domain.TrainingLine
		var box []int32
		err := row.Scan(&t.LedgerID, &t.CommuneCode, &t.Book, &t.ScanID, &t.Page, &t.ImageKey, &t.RecordID, &t.Entry,
			&t.Field, &t.Value, &box, &t.ConfirmedBy, &t.ConfirmedAt)
		if b := toBox(box); b != nil {
			t.Box = *b
		}
		return t, err
	})
	if err != nil {
		return nil, fmt.Errorf("training lines: %w", translate(err))
	}
	return out, nil
}
