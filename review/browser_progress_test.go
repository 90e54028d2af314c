package review_test

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/review"
)

// TestBrowserDashboard opens the progress dashboard of a province in Chromium after two weeks of
// work (entries confirmed on different days, some set aside, some fields corrected), checks what
// it shows and, with -screenshots DIR, saves it as progress.png.
func TestBrowserDashboard(t *testing.T) {
	ctx := context.Background()
	b := setup(t, review.Config{})
	b.seed(t, b.ledger, 60)
	b.seed(t, b.other, 25)
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	// Two weeks of work, written straight into the tables; the counters are then rebuilt by the
	// function migration 0072 uses.
	for _, q := range []string{
		`UPDATE records r SET status = CASE WHEN r.id % 13 = 0 THEN 'flagged' ELSE 'confirmed' END,
		        confirmed_by = u.id, confirmed_at = now() - (r.id % 14) * interval '1 day' - (r.id % 5) * interval '1 hour'
		 FROM users u WHERE u.username = CASE WHEN r.id % 3 = 0 THEN 'canbo-khac' ELSE 'canbo' END AND r.id % 10 < 7`,
		`UPDATE fields f SET status = CASE WHEN (f.id % 7 = 0 AND f.name IN ('full_name', 'birth_place', 'father_name'))
		        OR (f.id % 4 = 0 AND f.name = 'birth_date_in_words') THEN 'corrected' ELSE 'confirmed' END
		 FROM records r WHERE r.id = f.record_id AND r.status <> 'pending'`,
		`SELECT progress_rebuild()`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	tb := newTab(t, b)
	tb.login("giamsat", b.password)
	tb.open("/progress?unit=19")
	tb.waitFor("/progress", "")
	headline := eval[string](tb, `document.getElementById("headline").textContent`)
	if !strings.Contains(headline, "hồ sơ, đạt") || !strings.Contains(headline, "%") {
		t.Errorf("headline %q: want \"N/M hồ sơ, đạt x,yz%%\"", headline)
	}
	if n := eval[int](tb, `document.querySelectorAll("svg.chart rect").length`); n < 30 {
		t.Errorf("got %d bars in the charts, want a month of days and the fields", n)
	}
	if n := eval[int](tb, `document.querySelectorAll("script").length`); n != 0 {
		t.Errorf("the dashboard has %d scripts, want none", n)
	}
	tb.shot("progress")
}
