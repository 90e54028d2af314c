package storage

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// progressLedgers joins the ledgers under a unit ($1: a province, district or commune code, or
// ” for all) with their units; the counters come from progress_ledgers, kept by triggers
// (migration 0072), so nothing here counts entries.
const progressLedgers = `
	FROM ledgers l
	JOIN admin_units c ON c.code = l.commune_code
	JOIN admin_units d ON d.code = c.parent_code
	JOIN admin_units p ON p.code = d.parent_code`

// progressUnit keeps the ledgers under the unit $1.
const progressUnit = `
	WHERE ($1 = '' OR c.code = $1 OR d.code = $1 OR p.code = $1)`

// LedgerCounts is the progress of every ledger under a unit, from the maintained counters.
func (s *Store) LedgerCounts(ctx context.Context, unit string) ([]domain.LedgerCounts, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT l.id, l.kind, l.book, c.code, c.name, d.code, d.name, p.code, p.name, l.expected_entries,
		       coalesce(g.entries, 0), coalesce(g.confirmed, 0), coalesce(g.flagged, 0),
		       coalesce(g.pages, 0), coalesce(g.scans_processed, 0), coalesce(g.scans_failed, 0), coalesce(g.scans_rescan, 0)
`+progressLedgers+`
		LEFT JOIN progress_ledgers g ON g.ledger_id = l.id`+progressUnit+`
		ORDER BY p.name, d.name, c.name, l.kind, l.book, l.id`, unit)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.LedgerCounts, error) {
		var lc domain.LedgerCounts
		var confirmed, flagged int64
		err := row.Scan(&lc.LedgerID, &lc.Kind, &lc.Book, &lc.CommuneCode, &lc.CommuneName, &lc.DistrictCode, &lc.DistrictName,
			&lc.ProvinceCode, &lc.ProvinceName, &lc.Expected, &lc.Extracted, &confirmed, &flagged,
			&lc.Pages, &lc.PagesProcessed, &lc.PagesFailed, &lc.RescanRequested)
		lc.Expected = max(lc.Expected, lc.Extracted)
		lc.Entered, lc.Checked, lc.Done, lc.Unclear = confirmed+flagged, confirmed, confirmed, flagged
		return lc, err
	})
	if err != nil {
		return nil, fmt.Errorf("ledger counts: %w", translate(err))
	}
	return out, nil
}

// DailyDone is the entries decided per day (Hà Nội) under a unit since a day, oldest first.
func (s *Store) DailyDone(ctx context.Context, unit string, since time.Time) ([]domain.DayCount, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT g.day, sum(g.entries)::bigint FROM progress_daily g
		WHERE g.day >= $2 AND g.ledger_id IN (SELECT l.id `+progressLedgers+progressUnit+`)
		GROUP BY g.day ORDER BY g.day`, unit, since)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.DayCount, error) {
		var d domain.DayCount
		return d, row.Scan(&d.Day, &d.Entries)
	})
	if err != nil {
		return nil, fmt.Errorf("daily progress: %w", translate(err))
	}
	return out, nil
}

// ClerkCounts is what each person decided under a unit on the given day and the six before it.
func (s *Store) ClerkCounts(ctx context.Context, unit string, today time.Time) ([]domain.ClerkCount, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT coalesce(u.username, '?'), coalesce(sum(g.entries) FILTER (WHERE g.day = $2), 0)::bigint, sum(g.entries)::bigint
		FROM progress_daily g LEFT JOIN users u ON u.id = g.user_id
		WHERE g.day > $2::date - 7 AND g.day <= $2 AND g.ledger_id IN (SELECT l.id `+progressLedgers+progressUnit+`)
		GROUP BY 1 ORDER BY 3 DESC, 1`, unit, today)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ClerkCount, error) {
		var c domain.ClerkCount
		return c, row.Scan(&c.Username, &c.Today, &c.Week)
	})
	if err != nil {
		return nil, fmt.Errorf("clerk progress: %w", translate(err))
	}
	return out, nil
}

// FieldQuality is the share of fields people corrected under a unit, by field name
// (byLedger false) or by ledger (the name is the ledger's id).
func (s *Store) FieldQuality(ctx context.Context, unit string, byLedger bool) ([]domain.FieldQuality, error) {
	key := "q.name"
	if byLedger {
		key = "q.ledger_id::text"
	}
	rows, _ := s.pool.Query(ctx, `SELECT `+key+`, sum(q.decided)::bigint, sum(q.corrected)::bigint FROM progress_fields q
		WHERE q.ledger_id IN (SELECT l.id `+progressLedgers+progressUnit+`)
		GROUP BY 1 ORDER BY 1`, unit)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.FieldQuality, error) {
		var q domain.FieldQuality
		err := row.Scan(&q.Name, &q.Decided, &q.Corrected)
		if q.Decided > 0 {
			q.Share = float64(q.Corrected) / float64(q.Decided)
		}
		return q, err
	})
	if err != nil {
		return nil, fmt.Errorf("field quality: %w", translate(err))
	}
	return out, nil
}

// UnitName is the name of an administrative unit, for the dashboard's title.
func (s *Store) UnitName(ctx context.Context, code string) (name, level string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT name, level FROM admin_units WHERE code = $1`, code).Scan(&name, &level)
	if err != nil {
		return "", "", fmt.Errorf("unit %q: %w", code, translate(err))
	}
	return name, level, nil
}
