package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// saveExtraction replaces the undecided entries of a scan with a new reading and counts what
// changed: fields of undecided entries whose value differs, entries added and removed, and
// entries left alone because a person decided them. The counts go to any open reprocess run of
// the scan.
func (t *Tx) saveExtraction(ctx context.Context, scanID int64, records []domain.Record) (domain.ExtractionDiff, error) {
	var diff domain.ExtractionDiff
	old, err := t.undecidedValues(ctx, scanID)
	if err != nil {
		return diff, err
	}
	kept, err := t.DeleteUnreviewedRecords(ctx, scanID)
	if err != nil {
		return diff, err
	}
	diff.EntriesKept = len(kept)
	for i := range records {
		r := &records[i]
		if kept[r.Index] {
			continue // a person already decided this entry
		}
		if prev, ok := old[r.Index]; ok {
			diff.FieldsChanged += changedFields(prev, r.Fields)
			delete(old, r.Index)
		} else {
			diff.EntriesAdded++
		}
		r.ScanID = scanID
		if err := t.InsertRecord(ctx, r); err != nil {
			return diff, err
		}
	}
	diff.EntriesRemoved = len(old)
	// A page whose entries were all decided already is done again, else back in review.
	_, err = t.tx.Exec(ctx, `UPDATE scans SET error = '', updated_at = now(),
		status = CASE WHEN EXISTS (SELECT 1 FROM records WHERE scan_id = $1 AND status = 'pending') THEN 'in_review' ELSE 'done' END
		WHERE id = $1`, scanID)
	if err == nil {
		_, err = t.tx.Exec(ctx, `UPDATE reprocess_scans SET done_at = now(), fields_changed = $2, entries_added = $3,
			entries_removed = $4, entries_kept = $5 WHERE scan_id = $1 AND done_at IS NULL`,
			scanID, diff.FieldsChanged, diff.EntriesAdded, diff.EntriesRemoved, diff.EntriesKept)
	}
	if err != nil {
		return diff, fmt.Errorf("save extraction of scan %d: %w", scanID, translate(err))
	}
	return diff, nil
}

// changedFields counts the fields whose value differs between two readings of an entry, a field
// present in only one of them included.
func changedFields(prev map[string]string, fields []domain.Field) int {
	n := 0
	seen := map[string]bool{}
	for _, f := range fields {
		seen[f.Name] = true
		if v, ok := prev[f.Name]; !ok || v != f.Value {
			n++
		}
	}
	for name := range prev {
		if !seen[name] {
			n++
		}
	}
	return n
}

// undecidedValues are the values of the entries of a scan that nobody has touched (the ones a new
// reading replaces), by entry index and field name.
func (t *Tx) undecidedValues(ctx context.Context, scanID int64) (map[int]map[string]string, error) {
	rows, _ := t.tx.Query(ctx, `SELECT r.idx, f.name, f.value FROM records r JOIN fields f ON f.record_id = r.id
		WHERE r.scan_id = $1 AND r.status = 'pending' AND r.version = 1 AND r.lease_user_id IS NULL`, scanID)
	out := map[int]map[string]string{}
	var idx int
	var name, value string
	_, err := pgx.ForEachRow(rows, []any{&idx, &name, &value}, func() error {
		if out[idx] == nil {
			out[idx] = map[string]string{}
		}
		out[idx][name] = value
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("values of scan %d: %w", scanID, translate(err))
	}
	return out, nil
}

// StartReprocess sends a ledger's pages (or one page, when scanID is set) to be read again, with a
// run that counts what changes. Pages still on their way through the pipeline are left to it.
func (s *Store) StartReprocess(ctx context.Context, u domain.User, ledgerID, scanID int64) (int64, error) {
	var runID int64
	err := s.InTx(ctx, func(ctx context.Context, tx *Tx) error {
		var ledger, scan *int64
		if scanID != 0 {
			scan = &scanID
		} else {
			ledger = &ledgerID
		}
		if err := tx.tx.QueryRow(ctx, `INSERT INTO reprocess_runs (actor, user_id, ledger_id, scan_id) VALUES ($1, $2, $3, $4)
			RETURNING id`, u.Username, u.ID, ledger, scan).Scan(&runID); err != nil {
			return err
		}
		rows, _ := tx.tx.Query(ctx, `UPDATE scans SET status = 'uploaded', error = '', updated_at = now()
			WHERE (ledger_id = $1 OR id = $2) AND status IN ('in_review', 'done', 'failed') RETURNING id`, ledger, scan)
		ids, err := pgx.CollectRows(rows, pgx.RowTo[int64])
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("%w: no page to read again (none, or all still being processed)", domain.ErrConflict)
		}
		if _, err := tx.tx.Exec(ctx, `INSERT INTO reprocess_scans (run_id, scan_id) SELECT $1, unnest($2::bigint[])`, runID, ids); err != nil {
			return err
		}
		for _, id := range ids {
			if err := tx.Enqueue(ctx, domain.ProcessScanJob{ScanID: id}); err != nil {
				return err
			}
		}
		return audit(ctx, tx.tx, u.Username, &u.ID, "reprocess.start", "reprocess", runID, nil,
			map[string]any{"ledger_id": ledger, "scan_id": scan, "scans": len(ids)})
	})
	if err != nil {
		return 0, fmt.Errorf("reprocess: %w", err)
	}
	return runID, nil
}

// Reprocess is a run with what it has changed so far.
func (s *Store) Reprocess(ctx context.Context, id int64) (domain.Reprocess, error) {
	var r domain.Reprocess
	err := s.pool.QueryRow(ctx, `
		SELECT r.id, r.at, r.actor, coalesce(r.ledger_id, 0), coalesce(r.scan_id, 0), count(x.scan_id),
		       count(x.done_at), count(*) FILTER (WHERE x.done_at IS NULL AND s.status = 'failed'),
		       coalesce(sum(x.fields_changed), 0), coalesce(sum(x.entries_added), 0),
		       coalesce(sum(x.entries_removed), 0), coalesce(sum(x.entries_kept), 0)
		FROM reprocess_runs r LEFT JOIN reprocess_scans x ON x.run_id = r.id LEFT JOIN scans s ON s.id = x.scan_id
		WHERE r.id = $1 GROUP BY r.id`, id).
		Scan(&r.ID, &r.At, &r.Actor, &r.LedgerID, &r.ScanID, &r.Scans, &r.ScansDone, &r.ScansFailed,
			&r.FieldsChanged, &r.EntriesAdded, &r.EntriesRemoved, &r.EntriesKept)
	if err != nil {
		return r, fmt.Errorf("reprocess %d: %w", id, translate(err))
	}
	return r, nil
}
