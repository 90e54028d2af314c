package progressdb

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
)

// ConfirmedBy counts the entries a user confirmed or flagged since a moment (today, the shift).
func (s *Store) ConfirmedBy(ctx context.Context, userID int64, since time.Time) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM audit_events
		WHERE user_id = $1 AND action IN ('record.confirm', 'record.flag') AND at >= $2`, userID, since).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("count confirmed: %w", pgbase.Translate(err))
	}
	return n, nil
}

// Followups lists the entries flagged missing / unclear that a user may see, newest first.
func (s *Store) Followups(ctx context.Context, u domain.User) ([]domain.Followup, error) {
	var fs []domain.Followup
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// The walk reads a few thousand index entries: starting parallel workers for it cost
		// ten times the walk on a busy machine (Gather Merge, 450 of 600 ms).
		if _, err := tx.Exec(ctx, "SET LOCAL max_parallel_workers_per_gather = 0"); err != nil {
			return err
		}
		rows, _ := tx.Query(ctx, followupsQuery(u.SeesAll()), u.ID)
		var err error
		fs, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.Followup, error) {
			var f domain.Followup
			err := row.Scan(&f.RecordID, &f.LedgerID, &f.CommuneName, &f.Book, &f.Page, &f.Index, &f.Reason, &f.FlaggedBy, &f.FlaggedAt)
			return f, err
		})
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("follow-up list: %w", pgbase.Translate(err))
	}
	return fs, nil
}

// LedgerRows is the progress of every ledger a user may see, by commune, from the counters the
// dashboard reads (migration 0072): counting the entries of every ledger took 26 s at 10 million.
// A page's first version counts it as uploaded, as count(DISTINCT page) did.
func (s *Store) LedgerRows(ctx context.Context, u domain.User) ([]domain.LedgerRow, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT l.id, l.commune_code, l.kind, l.book, l.year_from, l.year_to, l.expected_entries, l.expected_pages, l.created_at,
		       a.name, l.priority,
		       coalesce(g.pages, 0), coalesce(g.scans_failed, 0), coalesce(g.pending, 0), coalesce(g.confirmed, 0), coalesce(g.flagged, 0)
		FROM ledgers l JOIN admin_units a ON a.code = l.commune_code
		LEFT JOIN (SELECT ledger_id, sum(pages)::bigint AS pages, sum(scans_failed)::bigint AS scans_failed, sum(pending)::bigint AS pending,
		                  sum(confirmed)::bigint AS confirmed, sum(flagged)::bigint AS flagged
		           FROM progress_ledgers GROUP BY ledger_id) g ON g.ledger_id = l.id
		WHERE $2 OR l.commune_code IN (SELECT commune_code FROM user_communes WHERE user_id = $1)
		ORDER BY a.name, l.kind, l.year_from`, u.ID, u.SeesAll())
	ls, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.LedgerRow, error) {
		var l domain.LedgerRow
		err := row.Scan(&l.ID, &l.CommuneCode, &l.Kind, &l.Book, &l.YearFrom, &l.YearTo, &l.ExpectedEntries, &l.ExpectedPages,
			&l.CreatedAt, &l.CommuneName, &l.Priority, &l.PagesUploaded, &l.ScansFailed, &l.Pending, &l.Confirmed, &l.Flagged)
		return l, err
	})
	if err != nil {
		return nil, fmt.Errorf("ledger progress: %w", pgbase.Translate(err))
	}
	return ls, nil
}

// SetLedgerPriority sets the supervisor's order: entries of higher-priority ledgers come first.
func (s *Store) SetLedgerPriority(ctx context.Context, ledgerID int64, priority int, u domain.User) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var old int
		if err := tx.QueryRow(ctx, `UPDATE ledgers SET priority = $2 WHERE id = $1 RETURNING (SELECT priority FROM ledgers WHERE id = $1)`,
			ledgerID, priority).Scan(&old); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE records SET priority = $2 WHERE status = 'pending' AND scan_id IN (SELECT id FROM scans WHERE ledger_id = $1)`,
			ledgerID, priority); err != nil {
			return err
		}
		return pgbase.Audit(ctx, tx, u.Username, &u.ID, "ledger.priority", "ledger", ledgerID, map[string]any{"priority": old}, map[string]any{"priority": priority})
	})
	if err != nil {
		return fmt.Errorf("ledger %d priority: %w", ledgerID, pgbase.Translate(err))
	}
	return nil
}

// ConfirmedRecords returns a ledger's confirmed entries in page order with their final values.
func (s *Store) ConfirmedRecords(ctx context.Context, ledgerID int64) ([]domain.ExportRecord, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT r.id, s.page, r.idx, f.name, f.value FROM records r JOIN scans s ON s.id = r.scan_id
		JOIN fields f ON f.record_id = r.id
		WHERE s.ledger_id = $1 AND r.status = 'confirmed' ORDER BY s.page, r.idx, r.id`, ledgerID)
	var out []domain.ExportRecord
	var id int64
	var page, idx int
	var name, value string
	_, err := pgx.ForEachRow(rows, []any{&id, &page, &idx, &name, &value}, func() error {
		if len(out) == 0 || out[len(out)-1].ID != id {
			out = append(out, domain.ExportRecord{ID: id, Page: page, Index: idx, Values: map[string]string{}})
		}
		out[len(out)-1].Values[name] = value
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export ledger %d: %w", ledgerID, pgbase.Translate(err))
	}
	return out, nil
}
