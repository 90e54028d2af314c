package storage

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

const recordColumns = `r.id, r.scan_id, r.idx, r.kind, r.status, r.confidence, r.box, r.flag_reason,
	r.lease_user_id, r.lease_expires_at, r.version, r.confirmed_by, r.confirmed_at, r.box_original`

func scanRecord(row pgx.CollectableRow) (domain.Record, error) {
	var r domain.Record
	var box, orig []int32
	err := row.Scan(&r.ID, &r.ScanID, &r.Index, &r.Kind, &r.Status, &r.Confidence, &box, &r.FlagReason,
		&r.LeaseUserID, &r.LeaseExpiresAt, &r.Version, &r.ConfirmedBy, &r.ConfirmedAt, &orig)
	r.Box, r.BoxOriginal = toBox(box), toBox(orig)
	return r, err
}

func toBox(b []int32) *domain.Box {
	if len(b) != 4 {
		return nil
	}
	return &domain.Box{int(b[0]), int(b[1]), int(b[2]), int(b[3])}
}

func fromBox(b *domain.Box) []int32 {
	if b == nil {
		return nil
	}
	return []int32{int32(b[0]), int32(b[1]), int32(b[2]), int32(b[3])}
}

// InsertRecord adds an entry found on a scan with its fields.
func (t *Tx) InsertRecord(ctx context.Context, r *domain.Record) error {
	err := t.tx.QueryRow(ctx, `
		INSERT INTO records (scan_id, idx, kind, confidence, box, box_original, priority)
		VALUES ($1, $2, $3, $4, $5, $6, (SELECT l.priority FROM scans s JOIN ledgers l ON l.id = s.ledger_id WHERE s.id = $1))
		RETURNING id, status, version`, r.ScanID, r.Index, r.Kind, r.Confidence, fromBox(r.Box), fromBox(r.BoxOriginal)).Scan(&r.ID, &r.Status, &r.Version)
	if err != nil {
		return fmt.Errorf("insert record: %w", translate(err))
	}
	for i := range r.Fields {
		f := &r.Fields[i]
		f.RecordID = r.ID
		issues, _ := json.Marshal(nonNil(f.Issues))
		sugg, _ := json.Marshal(nonNil(f.Suggestions))
		err := t.tx.QueryRow(ctx, `
			INSERT INTO fields (record_id, name, position, ocr_text, value, confidence, box, issues, suggestions, needs_review,
				box_original, handwritten)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id, status`,
			r.ID, f.Name, f.Position, f.OCRText, f.Value, f.Confidence, fromBox(f.Box), issues, sugg, f.NeedsReview,
			fromBox(f.BoxOriginal), f.Handwritten,
		).Scan(&f.ID, &f.Status)
		if err != nil {
			return fmt.Errorf("insert field %s: %w", f.Name, translate(err))
		}
	}
	return nil
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// DeleteUnreviewedRecords removes the entries of a scan that nobody has touched yet, so that a
// scan processed again does not list its entries twice. Reviewed entries are kept; their
// indexes are returned.
func (t *Tx) DeleteUnreviewedRecords(ctx context.Context, scanID int64) (kept map[int]bool, err error) {
	_, err = t.tx.Exec(ctx, `DELETE FROM fields WHERE record_id IN (
		SELECT id FROM records WHERE scan_id = $1 AND status = 'pending' AND version = 1 AND lease_user_id IS NULL)`, scanID)
	if err == nil {
		_, err = t.tx.Exec(ctx, `DELETE FROM records WHERE scan_id = $1 AND status = 'pending' AND version = 1 AND lease_user_id IS NULL`, scanID)
	}
	if err != nil {
		return nil, fmt.Errorf("clear records of scan %d: %w", scanID, translate(err))
	}
	rows, _ := t.tx.Query(ctx, `SELECT idx FROM records WHERE scan_id = $1`, scanID)
	idx, err := pgx.CollectRows(rows, pgx.RowTo[int])
	if err != nil {
		return nil, fmt.Errorf("clear records of scan %d: %w", scanID, translate(err))
	}
	kept = map[int]bool{}
	for _, i := range idx {
		kept[i] = true
	}
	return kept, nil
}

// Record returns an entry with its fields in page order.
func (s *Store) Record(ctx context.Context, id int64) (domain.Record, error) {
	rows, _ := s.pool.Query(ctx, `SELECT `+recordColumns+` FROM records r WHERE r.id = $1`, id)
	r, err := pgx.CollectExactlyOneRow(rows, scanRecord)
	if err != nil {
		return r, fmt.Errorf("record %d: %w", id, translate(err))
	}
	rows, _ = s.pool.Query(ctx, `SELECT id, record_id, name, position, ocr_text, value, confidence, box, issues, suggestions,
		needs_review, status, confirmed_by, confirmed_at, box_original, handwritten FROM fields WHERE record_id = $1 ORDER BY position, id`, id)
	r.Fields, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Field, error) {
		var f domain.Field
		var box, orig []int32
		var issues, sugg []byte
		err := row.Scan(&f.ID, &f.RecordID, &f.Name, &f.Position, &f.OCRText, &f.Value, &f.Confidence, &box, &issues, &sugg,
			&f.NeedsReview, &f.Status, &f.ConfirmedBy, &f.ConfirmedAt, &orig, &f.Handwritten)
		if err == nil {
			err = json.Unmarshal(issues, &f.Issues)
		}
		if err == nil {
			err = json.Unmarshal(sugg, &f.Suggestions)
		}
		f.Box, f.BoxOriginal = toBox(box), toBox(orig)
		return f, err
	})
	if err != nil {
		return r, fmt.Errorf("fields of record %d: %w", id, translate(err))
	}
	return r, nil
}

// RecordPlace tells which ledger, commune and page image an entry belongs to.
func (s *Store) RecordPlace(ctx context.Context, id int64) (domain.RecordPlace, error) {
	var p domain.RecordPlace
	err := s.pool.QueryRow(ctx, `
		SELECT l.id, l.commune_code, a.name, l.book, s.id, s.page, CASE WHEN s.clean_key <> '' THEN s.clean_key ELSE s.object_key END,
		       CASE WHEN s.clean_key <> '' THEN s.clean_width ELSE s.width END,
		       CASE WHEN s.clean_key <> '' THEN s.clean_height ELSE s.height END
		FROM records r JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id
		JOIN admin_units a ON a.code = l.commune_code WHERE r.id = $1`, id).
		Scan(&p.LedgerID, &p.CommuneCode, &p.CommuneName, &p.Book, &p.ScanID, &p.Page, &p.ImageKey, &p.Width, &p.Height)
	if err != nil {
		return p, fmt.Errorf("record %d: %w", id, translate(err))
	}
	return p, nil
}
