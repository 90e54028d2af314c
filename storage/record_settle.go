package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// FlagRecordWithValues sets an entry aside as missing / unclear, like FlagRecord, and keeps what
// the clerk had typed so far: every changed field gets its new value (audited old → new), so a
// correction is not lost when the rest of the entry cannot be read.
func (s *Store) FlagRecordWithValues(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation, reason string) error {
	return s.decide(ctx, recordID, u, c.Version, func(tx pgx.Tx, r domain.Record) error {
		if err := s.writeTypedValues(ctx, tx, recordID, u, c); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE records SET status = 'flagged', flag_reason = $2, version = version + 1,
			lease_user_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID, reason); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "record.flag", "record", recordID,
			map[string]any{"status": r.Status}, map[string]any{"status": domain.RecordFlagged, "reason": reason})
	})
}

// writeTypedValues stores the fields whose value changed, without confirming them.
func (s *Store) writeTypedValues(ctx context.Context, tx pgx.Tx, recordID int64, u domain.User, c domain.Confirmation) error {
	rec, err := s.recordTx(ctx, tx, recordID)
	if err != nil {
		return err
	}
	for _, f := range rec.Fields {
		value, ok := c.Values[f.Name]
		if !ok || value == f.Value {
			continue
		}
		if _, err := tx.Exec(ctx, `UPDATE fields SET value = $2, issues = $3::jsonb, status = 'corrected' WHERE id = $1`,
			f.ID, value, string(jsonOf(nonNil(c.Issues[f.Name])))); err != nil {
			return err
		}
		if err := audit(ctx, tx, u.Username, &u.ID, "field.correct", "record", recordID,
			map[string]any{"field": f.Name, "value": f.Value}, map[string]any{"field": f.Name, "value": value}); err != nil {
			return err
		}
	}
	return nil
}

// settle runs a decision on a flagged entry (follow-up): the entry is locked and must still be
// flagged at the version the form showed.
func (s *Store) settle(ctx context.Context, recordID int64, version int, fn func(tx pgx.Tx, r domain.Record) error) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+recordColumns+` FROM records r WHERE r.id = $1 FOR UPDATE`, recordID)
		r, err := pgx.CollectExactlyOneRow(rows, scanRecord)
		if err != nil {
			return err
		}
		if r.Status != domain.RecordFlagged || r.Version != version {
			return domain.ErrStale
		}
		return fn(tx, r)
	})
	if err != nil {
		return fmt.Errorf("follow up record %d: %w", recordID, translate(err))
	}
	return nil
}

// ResolveFlagged confirms a flagged entry with the values a supervisor (or the clerk who flagged
// it) settled after consulting the book or the family; every change is audited.
func (s *Store) ResolveFlagged(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation) error {
	return s.settle(ctx, recordID, c.Version, func(tx pgx.Tx, r domain.Record) error {
		if err := s.writeTypedValues(ctx, tx, recordID, u, c); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE fields SET status = CASE WHEN value = '' THEN 'missing'
			WHEN status = 'corrected' THEN 'corrected' ELSE 'confirmed' END, confirmed_by = $2, confirmed_at = now()
			WHERE record_id = $1`, recordID, u.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE records SET status = 'confirmed', version = version + 1, confirmed_by = $2,
			confirmed_at = now(), updated_at = now() WHERE id = $1`, recordID, u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "record.confirm", "record", recordID,
			map[string]any{"status": r.Status, "version": r.Version}, map[string]any{"status": domain.RecordConfirmed, "version": r.Version + 1})
	})
}

// RequeueFlagged sends a flagged entry back to the review queue, with the reason.
func (s *Store) RequeueFlagged(ctx context.Context, recordID int64, u domain.User, version int) error {
	return s.settle(ctx, recordID, version, func(tx pgx.Tx, r domain.Record) error {
		if _, err := tx.Exec(ctx, `UPDATE records SET status = 'pending', version = version + 1, lease_user_id = NULL,
			lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE scans SET status = 'in_review', updated_at = now() WHERE id = $1 AND status = 'done'`, r.ScanID)
		if err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "record.requeue", "record", recordID,
			map[string]any{"status": r.Status}, map[string]any{"status": domain.RecordPending})
	})
}

// NoteRecord leaves a note on an entry (what the book or the family said), in its audit trail.
func (s *Store) NoteRecord(ctx context.Context, recordID int64, u domain.User, note string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		return audit(ctx, tx, u.Username, &u.ID, "record.note", "record", recordID, nil, map[string]any{"note": note})
	})
	if err != nil {
		return fmt.Errorf("note on record %d: %w", recordID, translate(err))
	}
	return nil
}
