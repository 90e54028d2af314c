package review_test

import (
	"bytes"
	"context"
	"fmt"
	"maps"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// TestBrowserBlindCheckAndSettle drives Chromium at 1366×768: a checker opens a blind check from
// the home page, finds every input empty and none of the entered values in the page, types the
// entry again from the image (one name differently) and presses Enter; then the supervisor opens
// the disagreement, sees both versions beside the crop, picks the checker's and settles with
// Enter. With -screenshots DIR it saves the settling screen and the dashboard with the clerks'
// check rates.
func TestBrowserBlindCheckAndSettle(t *testing.T) {
	b := stagesBundle(t, domain.CheckBlind)
	pg := synthPage(t)
	id := b.seedPage(t, pg)
	other := b.seed(t, b.ledger, 1) // a second entry to check, after the first
	clerk := b.login(t, "canbo")
	for _, e := range []struct {
		id   int64
		vals map[string]string
	}{{id, pg.values}, {other[0], enteredValues(0)}} {
		if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", clerk.next()), form(1, e.vals)); resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("confirm %d: got %d, want 303", e.id, resp.StatusCode)
		}
	}
	ids := []int64{id, other[0]}
	tb := newTab(t, b)
	tb.viewport(1366, 768)
	tb.login("kiemtra", b.password)
	tb.press(kb.Tab) // from "Nhận mục tiếp theo" to "Kiểm tra mục tiếp theo"
	if f := eval[string](tb, `document.activeElement.id`); f != "check-next" {
		t.Fatalf("Tab from the next-entry button: got #%s focused, want #check-next", f)
	}
	tb.press(kb.Enter)
	fields := domain.KindBirth.Fields()
	tb.waitFor(fmt.Sprintf("/checks/%d", ids[0]), "f-"+fields[0])
	if n := eval[int](tb, `[...document.querySelectorAll("#confirm-form input:not([type=hidden])")].filter(i => i.value !== "").length`); n != 0 {
		t.Errorf("a blind check shows %d filled inputs, want none", n)
	}
	dom := eval[string](tb, `document.documentElement.outerHTML`)
	if l := leaks(dom, pg.values); len(l) > 0 {
		t.Errorf("the blind check's page holds entered values: %v", l)
	}
	// Type the entry again; the father's name comes out differently.
	typed := maps.Clone(pg.values)
	typed["father_name"] = otherName(pg.values["father_name"])
	tb.resetKeys()
	for i, name := range fields {
		v := typed[name]
		if strings.Count(v, "-") == 2 {
			v = domain.DisplayDate(v)
		}
		tb.typeText(v)
		if i < len(fields)-1 {
			tb.press(kb.Tab)
		}
	}
	tb.press(kb.Enter)
	tb.waitFor(fmt.Sprintf("/checks/%d", ids[1]), "f-"+fields[0])
	if notice := eval[string](tb, `(document.querySelector(".flash, #flash, [role=status], .notice") || {}).textContent || ""`); !strings.Contains(notice, "giám sát") {
		t.Errorf("after a differing check: got notice %q, want one saying a supervisor decides", notice)
	}

	// The supervisor settles it.
	tb.do("log out", chromedp.Click(`form[action="/logout"] button`))
	tb.waitFor("/login", "")
	tb.login("giamsat-xa", b.password)
	tb.open("/disputes")
	tb.waitFor("/disputes", "")
	tb.do("open the disagreement", chromedp.Click("#disputes a.open"))
	tb.waitFor(fmt.Sprintf("/disputes/%d", ids[0]), "f-father_name")
	entered := eval[string](tb, `document.querySelector("#field-father_name .pick-entered").textContent`)
	checked := eval[string](tb, `document.querySelector("#field-father_name .pick-checked").textContent`)
	if entered != pg.values["father_name"] || checked != typed["father_name"] {
		t.Fatalf("versions shown: got %q and %q, want the entered and the checked name", entered, checked)
	}
	if n := eval[int](tb, `document.querySelectorAll(".field.differs").length`); n != 1 {
		t.Errorf("got %d fields marked as differing, want 1", n)
	}
	if crop := eval[string](tb, `getComputedStyle(document.querySelector("#field-father_name .crop")).backgroundImage`); !strings.Contains(crop, "/image") {
		t.Errorf("the differing field's crop: got background %q, want the page image", crop)
	}
	tb.do("pick the checker's version", chromedp.Click("#field-father_name .pick-checked"))
	if v := eval[string](tb, `document.getElementById("f-father_name").value`); v != typed["father_name"] {
		t.Fatalf("after picking: got %q in the final value, want the checker's", v)
	}
	tb.shot("dispute")
	tb.do("focus the final value", chromedp.Focus("#f-father_name"))
	tb.press(kb.Enter)
	tb.waitFor("/disputes", "")
	rec, err := b.store.Record(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rec.Fields {
		if f.Name == "father_name" && (f.Value != typed["father_name"] || f.Status != domain.FieldCorrected) {
			t.Errorf("father_name after settling: got %q (%s), want the checker's, corrected", f.Value, f.Status)
		}
	}
	// Two weeks of entry and checking by three people, written straight into the tables; the
	// dashboard's "done" must equal the entries counted in SQL.
	b.seed(t, b.ledger, 40)
	conn, err := pgx.Connect(context.Background(), b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	for _, q := range []string{
		`UPDATE records r SET status = 'confirmed', confirmed_by = u.id, confirmed_at = now() - (r.id % 12) * interval '1 day'
		 FROM users u WHERE r.status = 'pending' AND u.username = (ARRAY['canbo', 'canbo-khac', 'kiemtra'])[r.id % 3 + 1]`,
		`INSERT INTO record_checks (record_id, stage, mode, entered_by, checker_id, entered, checked, differing, corrected)
		 SELECT r.id, 1, 'blind', r.confirmed_by, c.id, '{}', '{}', CASE WHEN r.id % (5 + r.id % 3) = 0 THEN '{father_name}'::text[] ELSE '{}' END,
		        r.id % (5 + r.id % 3) = 0 AND r.id % 2 = 0
		 FROM records r JOIN users c ON c.username = CASE WHEN r.id % 3 = 2 THEN 'canbo' ELSE 'kiemtra' END
		 WHERE r.status = 'confirmed' AND r.checks_passed = 0 AND NOT r.disputed AND r.id % 5 <> 0 AND r.confirmed_by <> c.id`,
		`UPDATE records r SET checks_passed = 1 FROM record_checks c WHERE c.record_id = r.id AND r.checks_passed = 0`,
		`SELECT progress_rebuild()`,
	} {
		if _, err := conn.Exec(context.Background(), q); err != nil {
			t.Fatalf("%v\n%s", err, q)
		}
	}
	var done int
	if err := conn.QueryRow(context.Background(), `SELECT count(*) FROM records r JOIN scans s ON s.id = r.scan_id
		WHERE s.ledger_id = $1 AND r.status = 'confirmed' AND r.checks_passed >= 1`, b.ledger.ID).Scan(&done); err != nil {
		t.Fatal(err)
	}
	tb.open("/progress?unit=05461")
	tb.waitFor("/progress", "")
	if got := eval[string](tb, `document.querySelector("#progress tfoot th:nth-child(6)").textContent`); got != fmt.Sprint(done) {
		t.Errorf("dashboard: got %s done, want %d as counted in SQL", got, done)
	}
	if rows := eval[int](tb, `document.querySelectorAll("#check-rates tbody tr").length`); rows < 3 {
		t.Errorf("check rates: got %d rows, want the three people", rows)
	}
	tb.shot("progress-checks")
}

// otherName is a name read differently: its last given name's tone mark changed or, failing
// that, a letter added.
func otherName(name string) string {
	for _, swap := range [][2]string{{"o", "ô"}, {"ị", "ì"}, {"ă", "â"}, {"ư", "u"}, {"ê", "e"}, {"a", "â"}} {
		if i := strings.LastIndex(name, swap[0]); i >= 0 {
			return name[:i] + swap[1] + name[i+len(swap[0]):]
		}
	}
	return name + "h"
}

// seedPage adds a rendered page with its first entry, read by OCR exactly as written.
func (b *bundle) seedPage(t *testing.T, pg testPage) int64 {
	t.Helper()
	ctx := context.Background()
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(pg.encoded))
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: b.ledger.ID, Page: pg.page, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: pg.width, Height: pg.height}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		r := &domain.Record{ScanID: sc.ID, Kind: domain.KindBirth, Confidence: 0.3, Box: pg.entry}
		for pos, name := range domain.KindBirth.Fields() {
			r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, OCRText: pg.written[name], Value: pg.values[name],
				Confidence: 0.9, Box: pg.boxes[name]})
		}
		err := tx.InsertRecord(ctx, r)
		id = r.ID
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}
