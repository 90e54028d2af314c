package storage_test

import (
	"context"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
)

// TestCountersByCommuneEqualLedgers: the district, province and country views read the counters
// summed by commune (migration 0121); they must equal the sum of the commune's ledgers' lines,
// through a check, a ledger changing stages and expected entries, and a rebuild of the counters;
// the daily and field counts by commune equal the ledger-level ones.
func TestCountersByCommuneEqualLedgers(t *testing.T) {
	b := setupChecks(t, domain.CheckSighted)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, b.url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var district, province string
	if err := conn.QueryRow(ctx, `SELECT d.code, d.parent_code FROM admin_units c JOIN admin_units d ON d.code = c.parent_code
		WHERE c.code = '05461'`).Scan(&district, &province); err != nil {
		t.Fatal(err)
	}
	compare := func(when string) {
		t.Helper()
		ledgers, err := b.store.PartCounts(ctx, "05461", "commune", nil)
		if err != nil {
			t.Fatal(err)
		}
		var want domain.ProgressCounts
		for _, l := range ledgers {
			want.Add(l.ProgressCounts)
		}
		if want.Extracted != 3 {
			t.Fatalf("%s: the commune's ledgers hold %d entries, want 3", when, want.Extracted)
		}
		for _, u := range []struct{ unit, level string }{{district, "district"}, {province, "province"}, {"", "country"}} {
			parts, err := b.store.PartCounts(ctx, u.unit, u.level, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got domain.ProgressCounts
			for _, p := range parts {
				got.Add(p.ProgressCounts)
			}
			if got != want {
				t.Errorf("%s: %s %q by commune %+v, want the ledgers' %+v", when, u.level, u.unit, got, want)
			}
		}
		var daily, decided, corrected int64
		if err := conn.QueryRow(ctx, `SELECT (SELECT coalesce(sum(entries), 0) FROM progress_daily)::bigint,
			(SELECT coalesce(sum(decided), 0) FROM progress_fields)::bigint, (SELECT coalesce(sum(corrected), 0) FROM progress_fields)::bigint`).
			Scan(&daily, &decided, &corrected); err != nil {
			t.Fatal(err)
		}
		days, err := b.store.DailyDone(ctx, province, nil, time.Now().AddDate(0, 0, -30))
		if err != nil {
			t.Fatal(err)
		}
		var gotDaily int64
		for _, d := range days {
			gotDaily += d.Entries
		}
		names, _, err := b.store.FieldQuality(ctx, district, nil)
		if err != nil {
			t.Fatal(err)
		}
		var gotDecided, gotCorrected int64
		for _, q := range names {
			gotDecided, gotCorrected = gotDecided+q.Decided, gotCorrected+q.Corrected
		}
		if gotDaily != daily || daily != 3 || gotDecided != decided || decided == 0 || gotCorrected != corrected {
			t.Errorf("%s: daily %d, fields %d/%d by commune; want %d (3), %d/%d", when, gotDaily, gotCorrected, gotDecided, daily, corrected, decided)
		}
	}
	compare("confirmed")
	b.check(t, b.check1, nil)
	compare("one check passed")
	if err := b.store.SetLedgerStages(ctx, b.ledger.ID, []domain.CheckMode{}, b.boss); err != nil {
		t.Fatal(err)
	}
	compare("the ledger without stages")
	if _, err := conn.Exec(ctx, `UPDATE ledgers SET expected_entries = 50 WHERE id = $1`, b.ledger.ID); err != nil {
		t.Fatal(err)
	}
	compare("expected entries raised")
	if _, err := conn.Exec(ctx, `SELECT progress_rebuild()`); err != nil {
		t.Fatal(err)
	}
	compare("counters rebuilt")
}
