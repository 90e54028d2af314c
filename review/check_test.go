package review_test

import (
	"context"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// enteredValues are what the clerk types for entry i: every value differs from what OCR read
// (birthValues), so a page showing either would be caught.
func enteredValues(i int) map[string]string {
	return map[string]string{
		"entry_no": fmt.Sprint(i + 71), "full_name": "Quách Thị Xuyến", "sex": "Nữ", "birth_date": "1993-11-27",
		"birth_date_in_words": "1993-11-27", "birth_place": "Bệnh viện Đa khoa Thái Nguyên", "ethnicity": "Nùng",
		"nationality": "Việt Nam", "father_name": "Quách Văn Khởi", "mother_name": "Lường Thị Uyển", "registration_date": "1993-12-09",
	}
}

// form is a check or settling form with the given values, dates written dd/mm/yyyy.
func form(version int, values map[string]string) url.Values {
	f := url.Values{"version": {fmt.Sprint(version)}}
	for k, v := range values {
		if strings.Count(v, "-") == 2 && len(v) == 10 {
			v = domain.DisplayDate(v)
		}
		f.Set("f."+k, v)
	}
	return f
}

// setupStages is the review bundle with the given stages, a checker "kiemtra" in the clerk's
// commune, and n entries the clerk "canbo" entered with enteredValues.
func setupStages(t *testing.T, n int, stages ...domain.CheckMode) (*bundle, []int64) {
	t.Helper()
	b := stagesBundle(t, stages...)
	ids := b.seed(t, b.ledger, n)
	clerk := b.login(t, "canbo")
	for range ids {
		id := clerk.next()
		i := indexOf(ids, id)
		if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", id), form(1, enteredValues(i))); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("confirm %d: got %d, want 303", id, resp.StatusCode)
		}
	}
	return b, ids
}

// stagesBundle is the review bundle with the given stages and a checker "kiemtra" in the
// clerk's commune.
func stagesBundle(t *testing.T, stages ...domain.CheckMode) *bundle {
	t.Helper()
	b := setup(t, review.Config{})
	b.store.SetCheckPlan(domain.CheckPlan{Stages: stages, Sample: 1})
	hash, err := auth.HashPassword(testPassword)
	if err != nil {
		t.Fatal(err)
	}
	checker := domain.User{Username: "kiemtra", DisplayName: "Hà Văn Kiểm", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := b.store.CreateUser(context.Background(), &checker, hash, "test"); err != nil {
		t.Fatal(err)
	}
	return b
}

func indexOf(ids []int64, id int64) int {
	for i, v := range ids {
		if v == id {
			return i
		}
	}
	return -1
}

// nextCheck takes the next check and returns its entry, 0 when there is none.
func (c *client) nextCheck() int64 {
	c.t.Helper()
	resp := c.post("/checks/next", nil)
	loc, _, _ := strings.Cut(resp.Header.Get("Location"), "?")
	if !strings.HasPrefix(loc, "/checks/") {
		return 0
	}
	var id int64
	fmt.Sscan(strings.TrimPrefix(loc, "/checks/"), &id)
	return id
}

// leaks lists the values (in every form a page could carry them: as text, HTML-escaped, in a
// URL, in a script string, as a date on screen) that appear in body.
func leaks(body string, values map[string]string) []string {
	var out []string
	for name, v := range values {
		if len(v) < 4 || v == "Việt Nam" { // too short to tell apart from the page's own words
			continue
		}
		forms := []string{v, html.EscapeString(v), url.PathEscape(v), url.QueryEscape(v), template.JSEscapeString(v),
			template.HTMLEscapeString(v), domain.DisplayDate(v)}
		for _, f := range forms {
			if f != "" && strings.Contains(body, f) {
				out = append(out, fmt.Sprintf("%s=%q", name, f))
				break
			}
		}
	}
	return out
}

// TestBlindCheckNeverShowsTheEnteredValues renders a blind check (as first opened and as
// re-shown after a refused value) and looks for the entered values, and OCR's, anywhere in the
// HTML: text, attributes, data attributes, alt text, inline JSON. A sighted check of the same
// entry shows them, which proves the search finds them when they are there.
func TestBlindCheckNeverShowsTheEnteredValues(t *testing.T) {
	t.Parallel()
	b, ids := setupStages(t, 1, domain.CheckBlind)
	checker := b.login(t, "kiemtra")
	id := checker.nextCheck()
	if id != ids[0] {
		t.Fatalf("got check of %d, want %d", id, ids[0])
	}
	resp, body := checker.get(fmt.Sprintf("/checks/%d", id))
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `id="check-mode"`) {
		t.Fatalf("got %d, want the check screen", resp.StatusCode)
	}
	if !strings.Contains(body, "Nhập lại độc lập") {
		t.Fatal("the check is not shown as blind")
	}
	// The entry's own review page, which shows the values, sends the checker back to the check.
	if resp, _ := checker.get(fmt.Sprintf("/review/records/%d", id)); resp.StatusCode != http.StatusSeeOther ||
		resp.Header.Get("Location") != fmt.Sprintf("/checks/%d", id) {
		t.Errorf("the review page during a check: got %d to %q, want 303 to the check", resp.StatusCode, resp.Header.Get("Location"))
	}
	for what, vals := range map[string]map[string]string{"entered": enteredValues(0), "OCR": birthValues(0)} {
		if l := leaks(body, vals); len(l) > 0 {
			t.Errorf("the blind check's HTML holds %s values: %v", what, l)
		}
	}
	// A refused value (an impossible date) re-shows the form: still nothing of the entry.
	typed := map[string]string{}
	for k := range enteredValues(0) {
		typed[k] = ""
	}
	typed["birth_date"] = "31/02/1993"
	resp, err := checker.http.PostForm(checker.base+fmt.Sprintf("/checks/%d", id), form(2, typed))
	if err != nil {
		t.Fatal(err)
	}
	refused, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("an impossible date: got %d, want 422", resp.StatusCode)
	}
	if l := leaks(string(refused), enteredValues(0)); len(l) > 0 {
		t.Errorf("the re-shown blind check holds entered values: %v", l)
	}
	// The same entry checked sighted shows them.
	b.store.SetCheckPlan(domain.CheckPlan{Stages: []domain.CheckMode{domain.CheckSighted}})
	_, body = checker.get(fmt.Sprintf("/checks/%d", id))
	if l := leaks(body, enteredValues(0)); len(l) < 5 {
		t.Errorf("a sighted check shows only %v of the entered values, want them all", l)
	}
}

// TestDisagreementOverHTTP: the entrant is never offered their own entry; a blind check that
// differs goes to the supervisor's list; the settling screen shows both versions; settling
// saves the final value and the entry is exported.
func TestDisagreementOverHTTP(t *testing.T) {
	t.Parallel()
	b, ids := setupStages(t, 2, domain.CheckBlind)
	if id := b.login(t, "canbo").nextCheck(); id != 0 {
		t.Fatalf("the entrant was offered entry %d to check", id)
	}
	checker := b.login(t, "kiemtra")
	// The first check agrees, the second types another father's name.
	for n := range 2 {
		id := checker.nextCheck()
		vals := enteredValues(indexOf(ids, id))
		if n == 1 {
			vals["father_name"] = "Quách Văn Khải"
		}
		resp := checker.post(fmt.Sprintf("/checks/%d", id), form(2, vals)) // version 2: entered
		loc := resp.Header.Get("Location")
		if resp.StatusCode != http.StatusSeeOther || strings.Contains(loc, "check.gone") {
			t.Fatalf("check %d: got %d to %q, want it taken", id, resp.StatusCode, loc)
		}
		if n == 1 && !strings.Contains(loc, "m=check.disputed") {
			t.Errorf("a differing check: got Location %q, want the disagreement notice", loc)
		}
		if n == 0 && strings.Contains(loc, "check.disputed") {
			t.Errorf("an agreeing check: got Location %q", loc)
		}
	}
	sup := b.login(t, "giamsat-xa")
	_, list := sup.get("/disputes")
	if strings.Count(list, `class="open"`) != 1 {
		t.Errorf("the supervisor's list has %d disagreements, want 1", strings.Count(list, `class="open"`))
	}
	ds, err := b.store.Disputes(context.Background(), domain.User{Role: domain.RoleAdmin}, 10)
	if err != nil || len(ds) != 1 {
		t.Fatalf("got %d disputes (%v), want 1", len(ds), err)
	}
	d := ds[0]
	if !strings.Contains(list, fmt.Sprintf("/disputes/%d", d.RecordID)) {
		t.Fatalf("the list does not link the disagreement on %d", d.RecordID)
	}
	resp, page := sup.get(fmt.Sprintf("/disputes/%d", d.RecordID))
	if resp.StatusCode != http.StatusOK || !strings.Contains(page, "Quách Văn Khởi") || !strings.Contains(page, "Quách Văn Khải") {
		t.Fatalf("got %d, want the settling screen with both versions", resp.StatusCode)
	}
	// Another commune's supervisor may not settle it.
	if resp := b.login(t, "giamsat-khac").post(fmt.Sprintf("/disputes/%d", d.RecordID), form(d.Version, d.Checked)); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another commune's supervisor: got %d, want 403", resp.StatusCode)
	}
	final := enteredValues(indexOf(ids, d.RecordID))
	final["father_name"] = "Quách Văn Khải"
	if resp := sup.post(fmt.Sprintf("/disputes/%d", d.RecordID), form(d.Version, final)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("settle: got %d, want 303", resp.StatusCode)
	}
	rec, err := b.store.Record(context.Background(), d.RecordID)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.Fields {
		if f.Name == "father_name" && f.Value != "Quách Văn Khải" {
			t.Errorf("father_name: got %q, want the settled value", f.Value)
		}
	}
	n := 0
	if err := b.store.EachExportEntry(context.Background(), domain.ExportScope{LedgerID: b.ledger.ID}, func(*domain.ExportEntry) error {
		n++
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("export after both checks: got %d entries, want 2", n)
	}
	_, dash := sup.get("/progress?unit=05461")
	if !strings.Contains(dash, `id="check-rates"`) || !strings.Contains(dash, "50,00%") {
		t.Errorf("the dashboard lacks the clerk's check rates (50,00%% agreement)")
	}
}

// TestLedgerStagesPage: a supervisor gives a ledger its own stages and returns it to the
// installation's; the queue follows at once.
func TestLedgerStagesPage(t *testing.T) {
	t.Parallel()
	b, _ := setupStages(t, 1, domain.CheckSighted)
	sup := b.login(t, "giamsat-xa")
	page := fmt.Sprintf("/ledgers/%d/stages", b.ledger.ID)
	resp, body := sup.get(page)
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, "Theo cấu hình chung (sighted)") {
		t.Fatalf("got %d, want the stages form naming the installation's stages", resp.StatusCode)
	}
	if resp := sup.post(page, url.Values{"stages": {"none"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("set none: got %d, want 303", resp.StatusCode)
	}
	checker := b.login(t, "kiemtra")
	if id := checker.nextCheck(); id != 0 {
		t.Errorf("a ledger without stages: the checker got entry %d", id)
	}
	if _, body := sup.get(page); !strings.Contains(body, `<strong>none</strong>`) {
		t.Error("the page does not show the ledger's own stages")
	}
	if resp := sup.post(page, url.Values{"stages": {"twice"}}); resp.StatusCode != http.StatusBadRequest && resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("an unknown setting: got %d, want it refused", resp.StatusCode)
	}
	if resp := sup.post(page, url.Values{"stages": {""}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("back to the installation's: got %d, want 303", resp.StatusCode)
	}
	if id := checker.nextCheck(); id == 0 {
		t.Error("back to the installation's stages: the checker got nothing")
	}
	trail, err := b.store.AuditTrail(context.Background(), "ledger", b.ledger.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range trail {
		if e.Action == "ledger.check_stages" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("got %d audited stage changes, want 2", n)
	}
}
