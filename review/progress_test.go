package review_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// TestDashboardEqualsSQLCounts seeds two communes' ledgers, has entries confirmed, corrected and
// set aside through the review screen, and compares the dashboard's JSON and page with counts
// taken straight from the tables.
func TestDashboardEqualsSQLCounts(t *testing.T) {
	ctx := context.Background()
	b := setup(t, review.Config{})
	b.seed(t, b.ledger, 5)
	b.seed(t, b.other, 3)
	clerk := b.login(t, "canbo")
	for i := range 3 {
		id := clerk.next()
		form := confirmForm(i, 1)
		if i == 1 {
			form.Set("f.full_name", "Ma Quang Quyết") // a correction
		}
		if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", id), form); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("confirm: got %d", resp.StatusCode)
		}
	}
	id := clerk.next()
	if resp := clerk.post(fmt.Sprintf("/review/records/%d/flag", id), map[string][]string{"version": {"1"}, "reason": {"Mờ"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("flag: got %d", resp.StatusCode)
	}
	boss := b.login(t, "giamsat")
	resp, body := boss.get("/api/v1/progress")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /api/v1/progress: got %d %s", resp.StatusCode, body)
	}
	var p domain.Progress
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var want domain.ProgressCounts
	var expected int64
	if err := conn.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE status = 'confirmed'), count(*) FILTER (WHERE status = 'flagged'),
		count(*) FILTER (WHERE status <> 'pending') FROM records`).Scan(&want.Extracted, &want.Done, &want.Unclear, &want.Entered); err != nil {
		t.Fatal(err)
	}
	if err := conn.QueryRow(ctx, `SELECT sum(greatest(l.expected_entries, (SELECT count(*) FROM records r JOIN scans s ON s.id = r.scan_id WHERE s.ledger_id = l.id)))::bigint,
		(SELECT count(*) FROM scans WHERE version = 1) FROM ledgers l`).Scan(&expected, &want.Pages); err != nil {
		t.Fatal(err)
	}
	want.Expected, want.Checked = expected, want.Done
	got := p.Unit.ProgressCounts
	if got != want {
		t.Errorf("dashboard totals %+v, want the SQL counts %+v", got, want)
	}
	if want.Extracted != 8 || want.Done != 3 || want.Unclear != 1 {
		t.Errorf("seed went wrong: %+v", want)
	}
	var corrected, decided int64
	for _, q := range p.Fields {
		corrected, decided = corrected+q.Corrected, decided+q.Decided
	}
	var wantCorrected, wantDecided int64
	if err := conn.QueryRow(ctx, `SELECT count(*) FILTER (WHERE status = 'corrected'), count(*) FILTER (WHERE status <> 'ocr') FROM fields`).
		Scan(&wantCorrected, &wantDecided); err != nil {
		t.Fatal(err)
	}
	if corrected != wantCorrected || decided != wantDecided || wantCorrected != 1 {
		t.Errorf("fields corrected/decided %d/%d, want %d/%d (one correction)", corrected, decided, wantCorrected, wantDecided)
	}
	today := p.Daily[len(p.Daily)-1]
	if today.Entries != 4 || len(p.Clerks) != 1 || p.Clerks[0].Username != "canbo" || p.Clerks[0].Today != 4 {
		t.Errorf("today %+v, clerks %+v: want 4 entries done today, all by canbo", today, p.Clerks)
	}
	if len(p.Parts) != 1 || p.Parts[0].Name != "Tỉnh Thái Nguyên" {
		t.Errorf("parts %+v, want the one province", p.Parts)
	}
	// The page: the headline in Vietnamese format, drill-down links, a server-drawn chart, no script.
	resp, page := boss.get("/progress?unit=" + p.Parts[0].Code)
	share := fmt.Sprintf("%d/%d", want.Done, want.Expected)
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, share) || !strings.Contains(page, "<svg") || strings.Contains(page, "<script") {
		t.Errorf("dashboard page: got %d, want %s, an inline SVG chart and no script", resp.StatusCode, share)
	}
	if !strings.Contains(page, "<strong>2,91%</strong>") { // 3 of 103 (100 expected in one ledger, 3 found in the other)
		t.Errorf("dashboard page: want the share written 2,91%%")
	}
	if resp, _ := clerk.get("/api/v1/progress"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a clerk asking for the figures: got %d, want 403", resp.StatusCode)
	}
}
