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

// SetCheckPlan sets the installation's verification stages (SOHOA_CHECK_STAGES and friends);
// without it no entry is checked.
func (s *Store) SetCheckPlan(p domain.CheckPlan) { s.checks.Store(&p) }

// CheckPlan is the installation's verification stages.
func (s *Store) CheckPlan() domain.CheckPlan {
	if p := s.checks.Load(); p != nil {
		return *p
	}
	return domain.CheckPlan{}
}

// defaultStages is the installation's stages as a text[] argument.
func (s *Store) defaultStages() []string { return pgbase.Stages(s.CheckPlan()) }

// StagesInUse reports whether any ledger is checked at all: the installation has stages or a
// ledger sets its own. The home page offers checking only then.
func (s *Store) StagesInUse(ctx context.Context) (bool, error) {
	if len(s.CheckPlan().Stages) > 0 {
		return true, nil
	}
	var any bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM ledgers WHERE cardinality(check_stages) > 0)`).Scan(&any)
	if err != nil {
		return false, fmt.Errorf("stages in use: %w", translate(err))
	}
	return any, nil
}

// LedgerStages is a ledger's own stages, nil when it follows the installation's.
func (s *Store) LedgerStages(ctx context.Context, ledgerID int64) ([]domain.CheckMode, error) {
	var st []string
	if err := s.pool.QueryRow(ctx, `SELECT check_stages FROM ledgers WHERE id = $1`, ledgerID).Scan(&st); err != nil {
		return nil, fmt.Errorf("stages of ledger %d: %w", ledgerID, translate(err))
	}
	return toModes(st), nil
}

// SetLedgerStages gives a ledger its own stages (nil: the installation's), audited.
func (s *Store) SetLedgerStages(ctx context.Context, ledgerID int64, stages []domain.CheckMode, u domain.User) error {
	var arg []string
	if stages != nil {
		arg = make([]string, len(stages))
		for i, m := range stages {
			arg[i] = string(m)
		}
	}
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var old []string
		if err := tx.QueryRow(ctx, `SELECT check_stages FROM ledgers WHERE id = $1 FOR UPDATE`, ledgerID).Scan(&old); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE ledgers SET check_stages = $2 WHERE id = $1`, ledgerID, arg); err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, "ledger.check_stages", "ledger", ledgerID,
			map[string]any{"check_stages": old}, map[string]any{"check_stages": arg})
	})
	if err != nil {
		return fmt.Errorf("set stages of ledger %d: %w", ledgerID, translate(err))
	}
	return nil
}

func toModes(st []string) []domain.CheckMode {
	if st == nil {
		return nil
	}
	out := make([]domain.CheckMode, len(st))
	for i, m := range st {
		out[i] = domain.CheckMode(m)
	}
	return out
}

// NextCheck gives a checker one entry to check under a lease: the one they already hold, or the
// next confirmed entry of their communes with a configured check still to pass. The query itself
// never hands out an entry to the clerk who entered it, nor to someone who checked it at an
// earlier stage (two different people check twice).
func (s *Store) NextCheck(ctx context.Context, u domain.User, lease time.Duration) (int64, error) {
	var id int64
	err := s.pool.QueryRow(ctx, `
		UPDATE records SET lease_expires_at = now() + $2::interval
		WHERE id = (SELECT id FROM records WHERE lease_user_id = $1 AND status = 'confirmed' AND NOT disputed
		            AND lease_expires_at > now() ORDER BY id LIMIT 1)
		RETURNING id`, u.ID, lease.String()).Scan(&id)
	if err == nil {
		return id, nil
	}
	if !errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("next check: %w", translate(err))
	}
	err = s.pool.QueryRow(ctx, `
		WITH next AS (
			SELECT r.id FROM records r
			JOIN scans s ON s.id = r.scan_id
			JOIN ledgers l ON l.id = s.ledger_id
			WHERE r.status = 'confirmed' AND NOT r.disputed AND r.checks_passed < 2
			  AND NOT passed_stages(r.status, r.checks_passed, l.check_stages, $3::text[])
			  AND (r.lease_expires_at IS NULL OR r.lease_expires_at < now())
			  AND r.confirmed_by IS DISTINCT FROM $1
			  AND NOT EXISTS (SELECT 1 FROM record_checks c WHERE c.record_id = r.id AND c.checker_id = $1)
			  AND ($4 OR l.commune_code IN (SELECT commune_code FROM user_communes WHERE user_id = $1))
			ORDER BY r.priority DESC, r.confidence, r.id
			LIMIT 1
			FOR UPDATE OF r SKIP LOCKED
		)
		UPDATE records r SET lease_user_id = $1, lease_expires_at = now() + $2::interval
		FROM next WHERE r.id = next.id
		RETURNING r.id`, u.ID, lease.String(), s.defaultStages(), u.SeesAll()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("next check: %w", translate(err))
	}
	return id, nil
}

// checkRow is what a check needs to know about an entry besides its fields.
type checkRow struct {
	rec       domain.Record
	stages    []domain.CheckMode
	disputed  bool
	passed    int
	enteredBy *int64
}

const checkSelect = `SELECT ` + recordColumns + `, r.disputed, r.checks_passed,
	coalesce(l.check_stages, $2::text[]) FROM records r JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id
	WHERE r.id = $1`

func (s *Store) scanCheckRow(row pgx.Row) (checkRow, error) {
	var c checkRow
	var box, orig []int32
	var stages []string
	r := &c.rec
	err := row.Scan(&r.ID, &r.ScanID, &r.Index, &r.Kind, &r.Status, &r.Confidence, &box, &r.FlagReason,
		&r.LeaseUserID, &r.LeaseExpiresAt, &r.Version, &r.ConfirmedBy, &r.ConfirmedAt, &orig, &c.disputed, &c.passed, &stages)
	r.Box, r.BoxOriginal = toBox(box), toBox(orig)
	c.stages, c.enteredBy = toModes(stages), r.ConfirmedBy
	return c, err
}

// task says which stage and mode a check of the entry is, or ErrStale when the entry is not the
// user's to check now (not leased to them, already checked, waiting for a supervisor).
func (s *Store) task(c checkRow, u domain.User) (domain.CheckTask, error) {
	r := c.rec
	held := r.LeaseUserID != nil && *r.LeaseUserID == u.ID
	if r.Status != domain.RecordConfirmed || c.disputed || c.passed >= len(c.stages) || !held {
		return domain.CheckTask{}, domain.ErrStale
	}
	if c.enteredBy != nil && *c.enteredBy == u.ID {
		return domain.CheckTask{}, fmt.Errorf("%w: record %d was entered by the checker", domain.ErrForbidden, r.ID)
	}
	stage := c.passed + 1
	t := domain.CheckTask{Record: r, Stage: stage, Mode: s.CheckPlan().Mode(c.stages, stage, r.ID, r.Confidence)}
	if c.enteredBy != nil {
		t.EnteredBy = *c.enteredBy
	}
	return t, nil
}

// OpenCheck is the check the user holds on an entry, with the entry's fields; ErrStale when the
// entry is not theirs to check.
func (s *Store) OpenCheck(ctx context.Context, recordID int64, u domain.User) (domain.CheckTask, error) {
	c, err := s.scanCheckRow(s.pool.QueryRow(ctx, checkSelect, recordID, s.defaultStages()))
	if err != nil {
		return domain.CheckTask{}, fmt.Errorf("check of record %d: %w", recordID, translate(err))
	}
	t, err := s.task(c, u)
	if err != nil {
		return t, fmt.Errorf("check of record %d: %w", recordID, err)
	}
	full, err := s.Record(ctx, recordID)
	if err != nil {
		return t, err
	}
	t.Record.Fields = full.Fields
	return t, nil
}

// RenewCheckLease extends the checker's lease while the check is open.
func (s *Store) RenewCheckLease(ctx context.Context, recordID, userID int64, lease time.Duration) error {
	tag, err := s.pool.Exec(ctx, `UPDATE records SET lease_expires_at = now() + $3::interval
		WHERE id = $1 AND lease_user_id = $2 AND status = 'confirmed' AND NOT disputed AND lease_expires_at > now()`,
		recordID, userID, lease.String())
	if err != nil {
		return fmt.Errorf("renew check lease: %w", translate(err))
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("renew check lease on record %d: %w", recordID, domain.ErrStale)
	}
	return nil
}

// SubmitCheck records a checker's values for the stage they hold. Values equal to the entry's
// pass the stage; any difference (a blind value that differs, a sighted correction) sends the
// entry to a supervisor with both versions. Either way the check is stored and audited and
// the lease ends.
func (s *Store) SubmitCheck(ctx context.Context, recordID int64, u domain.User, version int, values map[string]string) (domain.CheckOutcome, error) {
	var out domain.CheckOutcome
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		c, err := s.scanCheckRow(tx.QueryRow(ctx, checkSelect+` FOR UPDATE OF r`, recordID, s.defaultStages()))
		if err != nil {
			return err
		}
		t, err := s.task(c, u)
		if err != nil {
			return err
		}
		if c.rec.Version != version {
			return domain.ErrStale
		}
		fields, err := s.recordTx(ctx, tx, recordID)
		if err != nil {
			return err
		}
		entered, checked, err := compareCheck(fields.Fields, values, &out)
		if err != nil {
			return err
		}
		out.Agreed = len(out.Differing) == 0
		if _, err := tx.Exec(ctx, `INSERT INTO record_checks (record_id, stage, mode, entered_by, checker_id, entered, checked, differing)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`, recordID, t.Stage, string(t.Mode), c.enteredBy, u.ID,
			entered, checked, nonNil(out.Differing)); err != nil {
			return err
		}
		next := map[string]any{"stage": t.Stage, "mode": t.Mode, "version": c.rec.Version + 1}
		action, err := closeCheck(ctx, tx, recordID, out, checked, next)
		if err != nil {
			return err
		}
		return audit(ctx, tx, u.Username, &u.ID, action, "record", recordID,
			map[string]any{"stage": t.Stage - 1, "version": c.rec.Version}, next)
	})
	if err != nil {
		return out, fmt.Errorf("check record %d: %w", recordID, translate(err))
	}
	return out, nil
}

// compareCheck sets the entry's values (entered) beside the checker's (checked), field by field
// in page order, adding the names of the fields that differ to out.Differing. Every field must
// have a checked value.
func compareCheck(fields []domain.Field, values map[string]string, out *domain.CheckOutcome) (entered, checked map[string]string, err error) {
	entered, checked = map[string]string{}, map[string]string{}
	for _, f := range fields {
		v, ok := values[f.Name]
		if !ok {
			return nil, nil, fmt.Errorf("%w: field %s missing from the form", domain.ErrInvalid, f.Name)
		}
		entered[f.Name], checked[f.Name] = f.Value, v
		if v != f.Value {
			out.Differing = append(out.Differing, f.Name)
		}
	}
	return entered, checked, nil
}

// closeCheck ends the check's lease on the entry: an agreement passes the stage, a difference
// sends the entry to a supervisor, the differing checked values going into next (the audit's new
// state). It returns the audit action.
func closeCheck(ctx context.Context, tx pgx.Tx, recordID int64, out domain.CheckOutcome, checked map[string]string, next map[string]any) (string, error) {
	if out.Agreed {
		_, err := tx.Exec(ctx, `UPDATE records SET checks_passed = checks_passed + 1, version = version + 1,
			lease_user_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID)
		return "check.pass", err
	}
	diff := map[string]string{}
	for _, n := range out.Differing {
		diff[n] = checked[n]
	}
	next["fields"] = diff
	_, err := tx.Exec(ctx, `UPDATE records SET disputed = true, version = version + 1,
		lease_user_id = NULL, lease_expires_at = NULL, updated_at = now() WHERE id = $1`, recordID)
	return "check.dispute", err
}
