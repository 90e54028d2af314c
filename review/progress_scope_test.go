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

// TestDashboardScopedToSupervisorCommunes: a supervisor's dashboard counts their communes only
// (the country view and their province's, equal to SQL counts of their commune), and a unit
// holding none of their communes is refused; a province supervisor and an admin see every commune.
func TestDashboardScopedToSupervisorCommunes(t *testing.T) {
	ctx := context.Background()
	b := setup(t, review.Config{})
	b.seed(t, b.ledger, 4) // 05461
	b.seed(t, b.other, 6)  // 05464
	for _, c := range []struct {
		clerk string
		n     int
	}{{"canbo", 2}, {"canbo-khac", 3}} {
		clerk := b.login(t, c.clerk)
		for i := range c.n {
			id := clerk.next()
			if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", id), confirmForm(i, 1)); resp.StatusCode != http.StatusSeeOther {
				t.Fatalf("%s confirm: got %d", c.clerk, resp.StatusCode)
			}
		}
	}
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	counts := func(communes ...string) (extracted, done int64) {
		t.Helper()
		if err := conn.QueryRow(ctx, `SELECT count(*), count(*) FILTER (WHERE r.status = 'confirmed')
			FROM records r JOIN scans s ON s.id = r.scan_id JOIN ledgers l ON l.id = s.ledger_id
			WHERE l.commune_code = ANY($1)`, communes).Scan(&extracted, &done); err != nil {
			t.Fatal(err)
		}
		return extracted, done
	}
	var district, province, otherDistrict string
	if err := conn.QueryRow(ctx, `SELECT c.parent_code, d.parent_code, (SELECT parent_code FROM admin_units WHERE code = '05464')
		FROM admin_units c JOIN admin_units d ON d.code = c.parent_code WHERE c.code = '05461'`).Scan(&district, &province, &otherDistrict); err != nil {
		t.Fatal(err)
	}
	load := func(who, unit string, want int) domain.Progress {
		t.Helper()
		resp, body := b.login(t, who).get("/api/v1/progress?unit=" + unit)
		if resp.StatusCode != want {
			t.Fatalf("%s GET /api/v1/progress?unit=%s: got %d, want %d", who, unit, resp.StatusCode, want)
		}
		var p domain.Progress
		if want == http.StatusOK {
			if err := json.Unmarshal([]byte(body), &p); err != nil {
				t.Fatal(err)
			}
		}
		return p
	}
	mine, mineDone := counts("05461")
	all, allDone := counts("05461", "05464")
	if mine != 4 || mineDone != 2 || all != 10 || allDone != 5 {
		t.Fatalf("seed went wrong: %d/%d in 05461, %d/%d in both", mineDone, mine, allDone, all)
	}
	for _, unit := range []string{"", province, district, "05461"} {
		p := load("giamsat-xa", unit, http.StatusOK)
		if p.Unit.Extracted != mine || p.Unit.Done != mineDone {
			t.Errorf("giamsat-xa, unit %q: %d/%d entries, want only commune 05461's %d/%d", unit, p.Unit.Done, p.Unit.Extracted, mineDone, mine)
		}
		var daily int64
		for _, d := range p.Daily {
			daily += d.Entries
		}
		if daily != mineDone || len(p.Clerks) != 1 || p.Clerks[0].Username != "canbo" {
			t.Errorf("giamsat-xa, unit %q: %d done in the daily chart by %+v, want %d by canbo alone", unit, daily, p.Clerks, mineDone)
		}
		for _, q := range p.Ledgers {
			if q.Name != fmt.Sprint(b.ledger.ID) {
				t.Errorf("giamsat-xa, unit %q: field quality of ledger %s, want only ledger %d's", unit, q.Name, b.ledger.ID)
			}
		}
	}
	if p := load("giamsat-xa", "", http.StatusOK); strings.Contains(p.Unit.Name, "Toàn quốc") {
		t.Errorf("giamsat-xa's own dashboard is titled %q, as if it were the country's", p.Unit.Name)
	}
	load("giamsat-xa", "05464", http.StatusForbidden)
	if otherDistrict != district {
		load("giamsat-xa", otherDistrict, http.StatusForbidden)
	}
	if resp, _ := b.login(t, "giamsat-xa").get("/progress?unit=05464"); resp.StatusCode != http.StatusForbidden {
		t.Errorf("giamsat-xa's dashboard page of commune 05464: got %d, want 403", resp.StatusCode)
	}
	if p := load("giamsat-khac", "", http.StatusOK); p.Unit.Extracted != all-mine {
		t.Errorf("giamsat-khac: %d entries, want commune 05464's %d", p.Unit.Extracted, all-mine)
	}
	for _, who := range []string{"giamsat", "quantri"} { // province supervisor, admin
		if p := load(who, "", http.StatusOK); p.Unit.Extracted != all || p.Unit.Done != allDone || p.Unit.Name != "Toàn quốc" {
			t.Errorf("%s: %q %d/%d entries, want Toàn quốc %d/%d", who, p.Unit.Name, p.Unit.Done, p.Unit.Extracted, allDone, all)
		}
		if p := load(who, "05464", http.StatusOK); p.Unit.Extracted != all-mine {
			t.Errorf("%s, commune 05464: %d entries, want %d", who, p.Unit.Extracted, all-mine)
		}
	}
}
