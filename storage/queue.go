package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/pgbase"
)

// NextRecord gives the user one pending entry under a lease: the one they already hold, or else
// the next in queue order (higher ledger priority first, then lowest confidence) among the
// ledgers of their communes (every ledger for province supervisors and admins). FOR UPDATE SKIP LOCKED and the lease together make sure no entry
// is ever held by two people; an expired lease returns the entry to the queue.
func (s *Store) NextRecord(ctx context.Context, u domain.User, lease time.Duration) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `
		UPDATE records SET lease_expires_at = now() + $2::interval
		WHERE id = (SELECT id FROM records WHERE lease_user_id = $1 AND status = 'pending' AND lease_expires_at > now()
		            ORDER BY id LIMIT 1)
		RETURNING id`, u.ID, lease.String()).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("next record: %w", translate(err))
	}
	// Entries the user gave back come after all others: first without them, then with them.
	for _, skipped := range []bool{false, true} {
		if u.SeesAll() {
			err = s.pool.QueryRow(ctx, nextOfAll, u.ID, lease.String(), skipped).Scan(&id)
		} else {
			// The first few of each ledger are enough unless as many clerks hold or are taking
			// them right now; then more.
			for _, perLedger := range []int{3, 64} {
				err = s.pool.QueryRow(ctx, nextOfLedgers, u.ID, lease.String(), skipped, perLedger).Scan(&id)
				if !errors.Is(err, pgx.ErrNoRows) {
					break
				}
			}
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			break
		}
	}
	if err != nil {
		return 0, fmt.Errorf("next record: %w", translate(err))
	}
	return id, nil
}

// nextOfAll leases to user $1, who sees every commune, the next entry in queue order
// (records_queue): not held by anyone, not given back by the user unless $3.
const nextOfAll = `
	WITH next AS (
		SELECT r.id FROM records r
		WHERE r.status = 'pending' AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
		  AND ($3 OR NOT EXISTS (SELECT 1 FROM record_skips k WHERE k.user_id = $1 AND k.record_id = r.id))
		ORDER BY r.priority DESC, r.confidence, r.id
		LIMIT 1
		FOR UPDATE OF r SKIP LOCKED
	)
	UPDATE records r SET lease_user_id = $1, lease_expires_at = now() + $2::interval
	FROM next WHERE r.id = next.id
	RETURNING r.id`

// nextOfLedgers leases to a clerk or supervisor ($1) the next entry of the ledgers of their
// communes, through records_ledger_queue (migration 0091): the first $4 pending entries of each
// ledger in queue order (not held by anyone, not given back by the user unless $3), then the
// best of those that no one is taking at this moment. Walking the country-wide queue instead
// passed every pending entry of other communes ranked before theirs.
const nextOfLedgers = `
	WITH candidates AS (
		SELECT c.id FROM ledgers l
		CROSS JOIN LATERAL (
			SELECT r.id FROM records r
			WHERE r.ledger_id = l.id AND r.status = 'pending' AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
			  AND ($3 OR NOT EXISTS (SELECT 1 FROM record_skips k WHERE k.user_id = $1 AND k.record_id = r.id))
			ORDER BY r.priority DESC, r.confidence, r.id
			LIMIT $4) c
		WHERE l.commune_code IN (SELECT commune_code FROM user_communes WHERE user_id = $1)
	), next AS (
		SELECT r.id FROM records r
		WHERE r.id IN (SELECT id FROM candidates)
		  AND r.status = 'pending' AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
		ORDER BY r.priority DESC, r.confidence, r.id
		LIMIT 1
		FOR UPDATE OF r SKIP LOCKED
	)
	UPDATE records r SET lease_user_id = $1, lease_expires_at = now() + $2::interval
	FROM next WHERE r.id = next.id
	RETURNING r.id`

// RenewLease extends the user's lease on an entry while its page is open.
func (s *Store) RenewLease(ctx context.Context, recordID, userID int64, lease time.Duration) error {
	tag, err := s.pool.Exec(ctx, `UPDATE records SET lease_expires_at = now() + $3::interval
		WHERE id = $1 AND lease_user_id = $2 AND status = 'pending' AND lease_expires_at > now()`, recordID, userID, lease.String())
	if err != nil {
		return fmt.Errorf("renew lease: %w", translate(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("renew lease on record %d: %w", recordID, domain.ErrStale)
	}
	return nil
}

// ReleaseRecord gives an entry back to the queue.
func (s *Store) ReleaseRecord(ctx context.Context, recordID int64, u domain.User) error {
	return s.decide(ctx, recordID, u, -1, func(tx pgx.Tx, r domain.Record) error {
		if _, err := tx.Exec(ctx, `UPDATE records SET lease_user_id = NULL, lease_expires_at = NULL WHERE id = $1`, recordID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO record_skips (record_id, user_id) VALUES ($1, $2)
			ON CONFLICT (user_id, record_id) DO UPDATE SET at = now()`, recordID, u.ID); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "record.release", "record", recordID, nil, nil)
	})
}

// FlagRecord sets an entry aside as missing / unclear (thiếu / chưa rõ) for follow-up.
func (s *Store) FlagRecord(ctx context.Context, recordID int64, u domain.User, version int, reason string) error {
	return s.decide(ctx, recordID, u, version, func(tx pgx.Tx, r domain.Record) error {
		if _, err := tx.Exec(ctx, `UPDATE records SET status = 'flagged', flag_reason = $2, version = version + 1,
			lease_user_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID, reason); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "record.flag", "record", recordID,
			map[string]any{"status": r.Status}, map[string]any{"status": domain.RecordFlagged, "reason": reason})
	})
}

// ConfirmRecord stores a clerk's final values: each field keeps its OCR reading and records who
// confirmed or corrected it and when; every change is audited (old → new).
func (s *Store) ConfirmRecord(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation) error {
	return s.decide(ctx, recordID, u, c.Version, func(tx pgx.Tx, r domain.Record) error {
		rec, err := s.recordTx(ctx, tx, recordID)
		if err != nil {
			return err
		}
		batch := &pgx.Batch{}
		n := len(rec.Fields)
		ids, values, statuses, issues := make([]int64, 0, n), make([]string, 0, n), make([]string, 0, n), make([]string, 0, n)
		for _, f := range rec.Fields {
			value, ok := c.Values[f.Name]
			if !ok {
				return fmt.Errorf("%w: field %s missing from the form", domain.ErrInvalid, f.Name)
			}
			status := domain.FieldConfirmed
			if value != f.Value {
				status = domain.FieldCorrected
			}
			if value == "" {
				status = domain.FieldMissing
			}
			ids, values, statuses = append(ids, f.ID), append(values, value), append(statuses, string(status))
			issues = append(issues, string(jsonOf(nonNil(c.Issues[f.Name]))))
			if value != f.Value {
				queueAudit(batch, u.Username, &u.ID, "field.correct", "record", recordID,
					map[string]any{"field": f.Name, "value": f.Value}, map[string]any{"field": f.Name, "value": value})
			}
		}
		// Every field in one statement: who confirmed or corrected it, and when.
		batch.Queue(`UPDATE fields f SET value = v.value, status = v.status, issues = v.issues::jsonb, confirmed_by = $5, confirmed_at = now()
			FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS v(id, value, status, issues) WHERE f.id = v.id`,
			ids, values, statuses, issues, u.ID)
		batch.Queue(`UPDATE records SET status = 'confirmed', version = version + 1, confirmed_by = $2, confirmed_at = now(),
			lease_user_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID, u.ID)
		queueAudit(batch, u.Username, &u.ID, "record.confirm", "record", recordID,
			map[string]any{"status": r.Status, "version": r.Version}, map[string]any{"status": domain.RecordConfirmed, "version": r.Version + 1})
		// One round trip for every write of the decision.
		return tx.SendBatch(ctx, batch).Close()
	})
}

// decide runs a clerk's decision on an entry they hold: the entry is locked, must still be pending,
// leased to them (a decision on an entry nobody claimed, or someone else holds, is refused as
// stale: 409), and (when version ≥ 0) at the version their form showed. A lease that ran out but
// that no one else took is still the clerk's.
func (s *Store) decide(ctx context.Context, recordID int64, u domain.User, version int, fn func(tx pgx.Tx, r domain.Record) error) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		rows, _ := tx.Query(ctx, `SELECT `+recordColumns+` FROM records r WHERE r.id = $1 FOR UPDATE`, recordID)
		r, err := pgx.CollectExactlyOneRow(rows, scanRecord)
		if err != nil {
			return err
		}
		held := r.LeaseUserID != nil && *r.LeaseUserID == u.ID
		if r.Status != domain.RecordPending || (version >= 0 && r.Version != version) || !held {
			return domain.ErrStale
		}
		if err := fn(tx, r); err != nil {
			return err
		}
		// A page whose entries are all decided is done.
		_, err = tx.Exec(ctx, `UPDATE scans SET status = 'done', updated_at = now() WHERE id = $1 AND status = 'in_review'
			AND NOT EXISTS (SELECT 1 FROM records WHERE scan_id = $1 AND status = 'pending')`, r.ScanID)
		return err
	})
	if err != nil {
		return fmt.Errorf("record %d: %w", recordID, translate(err))
	}
	return nil
}

func jsonOf(v any) []byte { return pgbase.JSON(v) }

func (s *Store) recordTx(ctx context.Context, tx pgx.Tx, id int64) (domain.Record, error) {
	var r domain.Record
	rows, _ := tx.Query(ctx, `SELECT id, name, value FROM fields WHERE record_id = $1 ORDER BY position, id`, id)
	fs, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Field, error) {
		var f domain.Field
		return f, row.Scan(&f.ID, &f.Name, &f.Value)
	})
	r.Fields = fs
	return r, err
}
