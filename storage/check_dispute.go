package storage

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/progressdb"
)

// Disputes lists the disagreements waiting for a supervisor in the user's communes, oldest first.
func (s *Store) Disputes(ctx context.Context, u domain.User, limit int) ([]domain.Dispute, error) {
	rows, _ := s.pool.Query(ctx, disputeSelect+`
		WHERE r.disputed AND c.settled_at IS NULL
		  AND ($1 OR l.commune_code IN (SELECT commune_code FROM user_communes WHERE user_id = $2))
		ORDER BY c.at, c.id LIMIT $3`, u.SeesAll(), u.ID, limit)
	out, err := pgx.CollectRows(rows, scanDispute)
	if err != nil {
		return nil, fmt.Errorf("disputes: %w", translate(err))
	}
	return out, nil
}

// Dispute is the open disagreement on an entry: ErrNotFound when there is none.
func (s *Store) Dispute(ctx context.Context, recordID int64) (domain.Dispute, error) {
	rows, _ := s.pool.Query(ctx, disputeSelect+` WHERE r.id = $1 AND r.disputed AND c.settled_at IS NULL`, recordID)
	d, err := pgx.CollectExactlyOneRow(rows, scanDispute)
	if err != nil {
		return d, fmt.Errorf("dispute on record %d: %w", recordID, translate(err))
	}
	return d, nil
}

const disputeSelect = `
	SELECT c.id, r.id, c.stage, c.mode, c.entered, c.checked, c.differing, coalesce(e.username, ''), coalesce(k.username, ''), c.at,
	       l.id, l.commune_code, a.name, l.book, s.id, s.page, r.idx, r.version
	FROM record_checks c
	JOIN records r ON r.id = c.record_id AND c.stage = r.checks_passed + 1
	JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id JOIN admin_units a ON a.code = l.commune_code
	LEFT JOIN users e ON e.id = c.entered_by LEFT JOIN users k ON k.id = c.checker_id`

func scanDispute(row pgx.CollectableRow) (domain.Dispute, error) {
	var d domain.Dispute
	p := &d.Place
	err := row.Scan(&d.CheckID, &d.RecordID, &d.Stage, &d.Mode, &d.Entered, &d.Checked, &d.Differing, &d.EnteredBy, &d.CheckedBy,
		&d.At, &p.LedgerID, &p.CommuneCode, &p.CommuneName, &p.Book, &p.ScanID, &p.Page, &d.Index, &d.Version)
	return d, err
}

// SettleDispute stores a supervisor's final values for a disagreement: fields whose final value
// differs from the entry's are corrected (old → new audited), the stage is passed, and the check
// records the outcome. version is the entry version the supervisor saw.
func (s *Store) SettleDispute(ctx context.Context, recordID int64, u domain.User, version int, final map[string]string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		checkID, entered, passed, err := lockDispute(ctx, tx, recordID, version)
		if err != nil {
			return err
		}
		rec, err := s.recordTx(ctx, tx, recordID)
		if err != nil {
			return err
		}
		batch := &pgx.Batch{}
		ids, vals, corrected, err := queueSettleCorrections(batch, u, recordID, rec.Fields, entered, final)
		if err != nil {
			return err
		}
		batch.Queue(`UPDATE fields f SET value = v.value, status = CASE WHEN v.value = '' THEN 'missing' ELSE 'corrected' END,
			confirmed_by = $3, confirmed_at = now() FROM unnest($1::bigint[], $2::text[]) AS v(id, value) WHERE f.id = v.id`,
			nonNil(ids), nonNil(vals), u.ID)
		batch.Queue(`UPDATE records SET disputed = false, checks_passed = checks_passed + 1, version = version + 1, updated_at = now()
			WHERE id = $1`, recordID)
		batch.Queue(`UPDATE record_checks SET settled_by = $2, settled_at = now(), final = $3, corrected = $4 WHERE id = $1`,
			checkID, u.ID, final, corrected)
		queueAudit(batch, u.Username, &u.ID, "check.settle", "record", recordID,
			map[string]any{"stage": passed, "version": version},
			map[string]any{"stage": passed + 1, "version": version + 1, "corrected": corrected,
				"fields": settledValues(rec.Fields, ids, vals)})
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return fmt.Errorf("settle record %d: %w", recordID, translate(err))
	}
	return nil
}

// lockDispute locks a disputed entry the supervisor saw at version and reads its open check (id
// and entered values) and the stages it has passed: ErrStale when the entry is no longer
// disputed or has changed since.
func lockDispute(ctx context.Context, tx pgx.Tx, recordID int64, version int) (checkID int64, entered map[string]string, passed int, err error) {
	var disputed bool
	var ver int
	if err := tx.QueryRow(ctx, `SELECT disputed, version, checks_passed FROM records WHERE id = $1 FOR UPDATE`, recordID).
		Scan(&disputed, &ver, &passed); err != nil {
		return 0, nil, 0, err
	}
	if !disputed || ver != version {
		return 0, nil, 0, domain.ErrStale
	}
	if err := tx.QueryRow(ctx, `SELECT id, entered FROM record_checks WHERE record_id = $1 AND stage = $2 AND settled_at IS NULL`,
		recordID, passed+1).Scan(&checkID, &entered); err != nil {
		return 0, nil, 0, err
	}
	return checkID, entered, passed, nil
}

// queueSettleCorrections goes through the entry's fields against the final values: it queues an
// audit (old → new) for each field whose value changes and returns those fields' ids and new
// values, and whether any final value differs from the value entered (the check's outcome).
// Every field must have a final value.
func queueSettleCorrections(batch *pgx.Batch, u domain.User, recordID int64, fields []domain.Field, entered, final map[string]string) (ids []int64, vals []string, corrected bool, err error) {
	for _, f := range fields {
		v, ok := final[f.Name]
		if !ok {
			return nil, nil, false, fmt.Errorf("%w: field %s missing from the form", domain.ErrInvalid, f.Name)
		}
		if v != entered[f.Name] {
			corrected = true
		}
		if v == f.Value {
			continue
		}
		ids, vals = append(ids, f.ID), append(vals, v)
		queueAudit(batch, u.Username, &u.ID, "field.correct", "record", recordID,
			map[string]any{"field": f.Name, "value": f.Value}, map[string]any{"field": f.Name, "value": v})
	}
	return ids, vals, corrected, nil
}

// settledValues maps the names of the corrected fields (ids) to their new values.
func settledValues(fields []domain.Field, ids []int64, vals []string) map[string]string {
	changed := map[string]string{}
	for i, id := range ids {
		for _, f := range fields {
			if f.ID == id {
				changed[f.Name] = vals[i]
			}
		}
	}
	return changed
}

// ClerkCheckRates is, per clerk under a unit ("" for all), how their entries fared in checks and
// how many checks they did, from counters kept by triggers (migration 0080); only the ledgers of
// communes (nil: all).
func (s *Store) ClerkCheckRates(ctx context.Context, unit string, communes []string) ([]domain.ClerkCheckRate, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT coalesce(u.username, '?'), sum(g.checked)::bigint, sum(g.agreed)::bigint, sum(g.corrected)::bigint,
		       sum(g.checks_done)::bigint
		FROM progress_check_clerks g LEFT JOIN users u ON u.id = g.user_id
		WHERE true`+inUnitLedgers(unit, communes, 2, "g.ledger_id")+`
		GROUP BY 1 ORDER BY 2 DESC, 5 DESC, 1`, unit, communes)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ClerkCheckRate, error) {
		var c domain.ClerkCheckRate
		err := row.Scan(&c.Username, &c.Checked, &c.Agreed, &c.Corrected, &c.ChecksDone)
		if c.Checked > 0 {
			c.Agreement, c.Correction = float64(c.Agreed)/float64(c.Checked), float64(c.Corrected)/float64(c.Checked)
		}
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("check rates: %w", translate(err))
	}
	return out, nil
}

func inUnitLedgers(unit string, communes []string, n int, column string) string {
	return progressdb.InUnitLedgers(unit, communes, n, column)
}
