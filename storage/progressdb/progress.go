package progressdb

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"

	"github.com/sohoa/sohoa/storage/pgbase"
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
// The communes are looked up once (an InitPlan) through the parent index, not tested row by row.
const progressUnit = `
	WHERE ($1 = '' OR l.commune_code = ANY(ARRAY(
		SELECT code FROM admin_units WHERE code = $1 OR parent_code = $1
		UNION ALL SELECT code FROM admin_units WHERE parent_code IN (SELECT code FROM admin_units WHERE parent_code = $1))))`

// inScope keeps the ledgers (l) of the communes $n (nil: all); with all, it only names $n.
func inScope(communes []string, n int) string {
	p := "$" + strconv.Itoa(n) + "::text[]"
	if communes == nil {
		return " AND " + p + " IS NULL"
	}
	return " AND l.commune_code = ANY(" + p + ")"
}

// partKeys are, for the level of the unit shown, the code and name of its parts: the provinces
// of the country, the districts of a province, the communes of a district, the ledgers of a commune.
var partKeys = map[string][2]string{
	"country":  {"p.code", "p.name"},
	"province": {"d.code", "d.name"},
	"district": {"c.code", "c.name"},
	"commune":  {"l.id::text", "l.kind || ' ' || l.book"},
}

// PartCounts is the progress of the parts of a unit ("" and "country" for the whole country),
// summed in SQL from the maintained counters, in name order: by commune (progress_communes,
// migration 0121) for the country, a province or a district, by ledger for a commune.
func (s *Store) PartCounts(ctx context.Context, unit, level string, communes []string) ([]domain.ProgressUnit, error) {
	key, ok := partKeys[level]
	if !ok {
		return nil, fmt.Errorf("%w: no parts for a unit of level %q", domain.ErrInvalid, level)
	}
	q := partsByCommune(unit, communes)
	if level == "commune" {
		q = partsByLedger + inScope(communes, 3)
	}
	rows, _ := s.pool.Query(ctx, fmt.Sprintf(q, key[0], key[1])+`
		GROUP BY 1 ORDER BY 2, 1`, unit, s.defaultStages(), communes)
	partLevel := map[string]string{"country": "province", "province": "district", "district": "commune", "commune": "ledger"}[level]
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ProgressUnit, error) {
		u := domain.ProgressUnit{Level: partLevel}
		var confirmed, flagged int64
		err := row.Scan(&u.Code, &u.Name, &u.Expected, &u.Extracted, &confirmed, &flagged,
			&u.Pages, &u.PagesProcessed, &u.PagesFailed, &u.RescanRequested, &u.Checked, &u.Done)
		// Checked and Done follow the verification stages: with none, an entry confirmed is both.
		u.Entered, u.Unclear = confirmed+flagged, flagged
		if partLevel == "ledger" {
			u.LedgerID, _ = strconv.ParseInt(u.Code, 10, 64)
		}
		return u, err
	})
	if err != nil {
		return nil, fmt.Errorf("progress of %q: %w", unit, pgbase.Translate(err))
	}
	return out, nil
}

// partsByLedger sums a commune's ledgers' counters (a few rows each); %s are the part's code
// and name, $1 the commune, $2 the installation's stages.
const partsByLedger = `
		SELECT %s, min(%s), sum(greatest(l.expected_entries, coalesce(g.entries, 0)))::bigint,
		       sum(coalesce(g.entries, 0))::bigint, sum(coalesce(g.confirmed, 0))::bigint, sum(coalesce(g.flagged, 0))::bigint,
		       sum(coalesce(g.pages, 0))::bigint, sum(coalesce(g.scans_processed, 0))::bigint,
		       sum(coalesce(g.scans_failed, 0))::bigint, sum(coalesce(g.scans_rescan, 0))::bigint,
		       sum(coalesce(CASE WHEN stages_required(l.check_stages, $2::text[]) = 0 THEN g.confirmed ELSE g.passed1 END, 0))::bigint,
		       sum(coalesce(passed_stages_count(g.confirmed, g.passed1, g.passed2, l.check_stages, $2::text[]), 0))::bigint
		` + progressLedgers + `
		LEFT JOIN (SELECT ledger_id, sum(entries) AS entries, sum(confirmed) AS confirmed, sum(flagged) AS flagged,
		                  sum(pages) AS pages, sum(scans_processed) AS scans_processed, sum(scans_failed) AS scans_failed,
		                  sum(scans_rescan) AS scans_rescan, sum(passed1) AS passed1, sum(passed2) AS passed2
		           FROM progress_ledgers GROUP BY ledger_id) g ON g.ledger_id = l.id` + progressUnit

// partsByCommune sums the communes' counters under the unit $1 and in the communes $3 (one row
// per commune and stages in use), first by commune and stages, so that only those few
// hundred sums meet the units' table, by its key. %s are the part's code and name.
func partsByCommune(unit string, communes []string) string {
	return `
		SELECT %s, min(%s), sum(l.expected)::bigint, sum(l.entries)::bigint, sum(l.confirmed)::bigint, sum(l.flagged)::bigint,
		       sum(l.pages)::bigint, sum(l.scans_processed)::bigint, sum(l.scans_failed)::bigint, sum(l.scans_rescan)::bigint,
		       sum(CASE WHEN stages_required(st.v, $2::text[]) = 0 THEN l.confirmed ELSE l.passed1 END)::bigint,
		       sum(passed_stages_count(l.confirmed, l.passed1, l.passed2, st.v, $2::text[]))::bigint
		FROM (SELECT l.commune_code, l.stages, sum(l.expected) AS expected, sum(l.entries) AS entries, sum(l.confirmed) AS confirmed,
		             sum(l.flagged) AS flagged, sum(l.pages) AS pages, sum(l.scans_processed) AS scans_processed,
		             sum(l.scans_failed) AS scans_failed, sum(l.scans_rescan) AS scans_rescan, sum(l.passed1) AS passed1,
		             sum(l.passed2) AS passed2
		      FROM progress_communes l WHERE true` + inUnit(unit, communes, 3, "l.commune_code") + `
		      GROUP BY 1, 2) l
		CROSS JOIN LATERAL (SELECT CASE WHEN l.stages = '' THEN NULL ELSE l.stages::text[] END AS v) st
		JOIN admin_units c ON c.code = l.commune_code
		JOIN admin_units d ON d.code = c.parent_code
		JOIN admin_units p ON p.code = d.parent_code`
}

// inUnit keeps the rows of column (a commune code) under the unit $1 and in the communes $n
// (nil: all); for the whole country and every commune it only names $1 and $n.
func inUnit(unit string, communes []string, n int, column string) string {
	scope := strings.Replace(inScope(communes, n), "l.commune_code", column, 1)
	if unit == "" {
		return " AND $1 = ''" + scope
	}
	// The unit's communes are looked up once (an InitPlan) through the parent index.
	return " AND " + column + ` = ANY(ARRAY(
		SELECT code FROM admin_units WHERE code = $1 OR parent_code = $1
		UNION ALL SELECT code FROM admin_units WHERE parent_code IN (SELECT code FROM admin_units WHERE parent_code = $1)))` + scope
}

// inUnitLedgers keeps the rows of column (a ledger id) under the unit $1 and in the communes $n
// (nil: all); for the whole country and every commune it only names $1 and $n, so the query
// reads no ledger at all.
func inUnitLedgers(unit string, communes []string, n int, column string) string {
	switch {
	case unit == "" && communes == nil:
		return " AND $1 = ''" + inScope(nil, n)
	case unit == "":
		return " AND $1 = '' AND " + column + " = ANY(ARRAY(SELECT l.id FROM ledgers l WHERE true" + inScope(communes, n) + "))"
	}
	return " AND " + column + " = ANY(ARRAY(SELECT l.id FROM ledgers l" + progressUnit + inScope(communes, n) + "))"
}

// DailyDone is the entries decided per day (Hà Nội) under a unit since a day, oldest first, from
// the counters by commune (migration 0121).
func (s *Store) DailyDone(ctx context.Context, unit string, communes []string, since time.Time) ([]domain.DayCount, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT g.day, sum(g.entries)::bigint FROM progress_daily_communes g
		WHERE g.day >= $2`+inUnit(unit, communes, 3, "g.commune_code")+`
		GROUP BY g.day ORDER BY g.day`, unit, since, communes)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.DayCount, error) {
		var d domain.DayCount
		return d, row.Scan(&d.Day, &d.Entries)
	})
	if err != nil {
		return nil, fmt.Errorf("daily progress: %w", pgbase.Translate(err))
	}
	return out, nil
}

// ClerkCounts is what each person decided under a unit on the given day and the six before it.
func (s *Store) ClerkCounts(ctx context.Context, unit string, communes []string, today time.Time) ([]domain.ClerkCount, error) {
	rows, _ := s.pool.Query(ctx, `
		SELECT coalesce(u.username, '?'), coalesce(sum(g.entries) FILTER (WHERE g.day = $2), 0)::bigint, sum(g.entries)::bigint
		FROM progress_daily_communes g LEFT JOIN users u ON u.id = g.user_id
		WHERE g.day > $2::date - 7 AND g.day <= $2`+inUnit(unit, communes, 3, "g.commune_code")+`
		GROUP BY 1 ORDER BY 3 DESC, 1`, unit, today, communes)
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (domain.ClerkCount, error) {
		var c domain.ClerkCount
		return c, row.Scan(&c.Username, &c.Today, &c.Week)
	})
	if err != nil {
		return nil, fmt.Errorf("clerk progress: %w", pgbase.Translate(err))
	}
	return out, nil
}

// FieldQuality is the share of fields people corrected under a unit, by field name (from the
// counters by commune) and, for a commune, by ledger (the name is the ledger's id). Above a
// commune the parts table already splits the unit; a list of every ledger of a province would
// read every ledger's counters and is not given.
func (s *Store) FieldQuality(ctx context.Context, unit string, communes []string) (byName, byLedger []domain.FieldQuality, err error) {
	rows, _ := s.pool.Query(ctx, `SELECT q.name, sum(q.decided)::bigint, sum(q.corrected)::bigint
		FROM progress_fields_communes q WHERE true`+inUnit(unit, communes, 2, "q.commune_code")+`
		GROUP BY 1 ORDER BY 1`, unit, communes)
	if byName, err = collectQuality(rows); err != nil {
		return nil, nil, err
	}
	rows, _ = s.pool.Query(ctx, `SELECT q.ledger_id::text, sum(q.decided)::bigint, sum(q.corrected)::bigint
		FROM progress_fields q
		WHERE q.ledger_id = ANY(ARRAY(SELECT l.id FROM ledgers l WHERE l.commune_code = $1`+inScope(communes, 2)+`))
		GROUP BY 1 ORDER BY 1`, unit, communes)
	if byLedger, err = collectQuality(rows); err != nil {
		return nil, nil, err
	}
	return byName, byLedger, nil
}

func collectQuality(rows pgx.Rows) ([]domain.FieldQuality, error) {
	out := []domain.FieldQuality{}
	var q domain.FieldQuality
	_, err := pgx.ForEachRow(rows, []any{&q.Name, &q.Decided, &q.Corrected}, func() error {
		q.Share = 0
		if q.Decided > 0 {
			q.Share = float64(q.Corrected) / float64(q.Decided)
		}
		out = append(out, q)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("field quality: %w", pgbase.Translate(err))
	}
	return out, nil
}

// UnitHolds reports whether a unit (province, district or commune) is or holds one of the communes.
func (s *Store) UnitHolds(ctx context.Context, unit string, communes []string) (bool, error) {
	var ok bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM admin_units c JOIN admin_units d ON d.code = c.parent_code
		WHERE c.code = ANY($2) AND $1 IN (c.code, d.code, d.parent_code))`, unit, communes).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("unit %q: %w", unit, pgbase.Translate(err))
	}
	return ok, nil
}

// UnitName is the name of an administrative unit, for the dashboard's title.
func (s *Store) UnitName(ctx context.Context, code string) (name, level string, err error) {
	err = s.pool.QueryRow(ctx, `SELECT name, level FROM admin_units WHERE code = $1`, code).Scan(&name, &level)
	if err != nil {
		return "", "", fmt.Errorf("unit %q: %w", code, pgbase.Translate(err))
	}
	return name, level, nil
}
