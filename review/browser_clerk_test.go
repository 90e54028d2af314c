package review_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/storage"
)

// Browser tests of issue 12 ("a clerk's whole day"), one per point, each by keyboard as a
// clerk works.

// Point 2: F2 saves what is in the fields together with the flag.
func TestBrowserFlagKeepsTypedValues(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.ctrl("a")
	tb.typeText("205")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	tb.typeText("Mã Quang Quý")
	tb.press(kb.F2)
	tb.waitFor(path, "flag-reason")
	tb.typeText("Không rõ ngày sinh")
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")

	rec := record(t, b, ids[0])
	values := map[string]string{}
	for _, f := range rec.Fields {
		values[f.Name] = f.Value
	}
	if rec.Status != domain.RecordFlagged || values["entry_no"] != "205" || values["full_name"] != "Mã Quang Quý" || values["sex"] != "Nam" {
		t.Errorf("flagged entry: got %s with entry_no %q, full_name %q, sex %q; want flagged with 205, Mã Quang Quý and Nam kept",
			rec.Status, values["entry_no"], values["full_name"], values["sex"])
	}
	trail, err := b.store.AuditTrail(context.Background(), "record", ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if !hasEvent(trail, "field.correct", "Ma Quang Quân", "Mã Quang Quý") {
		t.Errorf("audit trail %+v: want the typed name as a correction", trail)
	}
}

// Point 4: a refused form keeps every value as typed (dates stay dd/mm/yyyy) and puts the
// cursor in the refused field.
func TestBrowserRefusedFormKeepsInputAsTyped(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab, kb.Tab, kb.Tab)
	tb.waitFor(path, "f-birth_date")
	tb.ctrl("a")
	tb.typeText("31/02/1996")
	tb.press(kb.Enter)
	tb.waitFor(path+"/confirm", "f-birth_date")
	got := eval[[]string](tb, `["f-birth_date", "f-registration_date", "f-birth_date_in_words"].map(id => document.getElementById(id).value)`)
	if want := []string{"31/02/1996", "20/06/1996", "08/06/1996"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("refused form: got %q, want %q (as typed, not ISO)", got, want)
	}
	if !eval[bool](tb, `document.getElementById("field-birth_date").classList.contains("invalid")`) {
		t.Error("the refused field is not marked")
	}
	if rec := record(t, b, ids[0]); rec.Status != domain.RecordPending {
		t.Errorf("after the refusal: got %s, want pending", rec.Status)
	}
}

// Point 5: after panning and zooming the page image, the keyboard is back in the form and
// Enter confirms.
func TestBrowserEnterConfirmsAfterPanAndZoom(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	p := boxes(tb, "#pagebox")[0]
	x, y := p.X+p.W/2, p.Y+p.H/2
	tb.do("zoom and pan the page",
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseWheel, x, y, func(p *input.DispatchMouseEventParams) { p.DeltaX, p.DeltaY = 0.01, -240 }),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMousePressed, x, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, x+60, y+40, chromedp.ButtonLeft),
		chromedp.MouseEvent(input.DispatchMouseEventTypeMouseReleased, x+60, y+40, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseClickXY(x-30, y-30),
	)
	if got := eval[string](tb, `document.getElementById("page").style.transform`); !strings.Contains(got, "scale") {
		t.Errorf("page transform %q: the wheel did not zoom", got)
	}
	if got := eval[string](tb, `document.activeElement.id`); got != "f-full_name" {
		t.Errorf("focus after panning: got #%s, want #f-full_name", got)
	}
	// Point 12: F1 lists the keys; Esc closes the list and the cursor is back in the field.
	tb.press(kb.F1)
	tb.waitUntil(`document.getElementById("keys-dialog").open`)
	if got := eval[string](tb, `document.getElementById("keylist").textContent`); !strings.Contains(got, "F2") || !strings.Contains(got, "Telex") && !strings.Contains(eval[string](tb, `document.getElementById("keys-dialog").textContent`), "Telex") {
		t.Errorf("key list: got %q", got)
	}
	tb.press(kb.Escape)
	tb.waitFor(path, "f-full_name")
	tb.resetKeys()
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	if rec := record(t, b, ids[0]); rec.Status != domain.RecordConfirmed {
		t.Errorf("after Enter: got %s, want confirmed", rec.Status)
	}
}

// Point 6: an entry given back (F4) goes behind the clerk's other entries.
func TestBrowserGivenBackComesLast(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[0]), "f-entry_no")
	tb.press(kb.F4)
	tb.waitFor("/", "next")
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	tb.press(kb.Enter) // confirm the other; only the one given back is left
	tb.waitFor(recordPath(ids[0]), "f-entry_no")
}

// Point 7: an optional line the entry does not have shows as not on the page, not as missing
// or uncertain, and the entry confirms with one key.
func TestBrowserAbsentFieldIsNotMissing(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seedWith(t, b.ledger, 2, func(f *domain.Field) {
		if f.Name == "birth_date_in_words" {
			*f = domain.Field{Name: f.Name, Position: f.Position, Confidence: 1,
				Issues: []domain.Issue{{Code: domain.IssueAbsent, VI: "Không có trên trang", EN: "Not on the page"}}}
		}
	})
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[0]), "f-entry_no")
	got := eval[[]string](tb, `[document.getElementById("field-birth_date_in_words").className,
		document.querySelector("#field-birth_date_in_words .absentnote")?.textContent ?? "",
		document.querySelector(".entry").textContent.includes("Thiếu / chưa rõ:") ? "missing shown" : ""]`)
	if got[0] != "field absent" || got[1] != "Không có trên trang" || got[2] != "" {
		t.Errorf("absent field: got class %q, note %q, %q; want class \"field absent\", \"Không có trên trang\", no missing", got[0], got[1], got[2])
	}
	tb.resetKeys()
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	if rec := record(t, b, ids[0]); rec.Status != domain.RecordConfirmed || tb.keys != 1 {
		t.Errorf("got %s after %d keys, want confirmed with 1", rec.Status, tb.keys)
	}
}

// Point 10: a confirmed entry's page says so, by whom and when, without the OCR's warnings.
func TestBrowserConfirmedEntrySaysSo(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	id, misread, right := b.seedWithIssues(t, b.ledger)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	tb.waitFor(recordPath(id), "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(recordPath(id), "f-full_name")
	tb.ctrl("a")
	tb.typeText(right)
	tb.press(kb.Enter)
	tb.waitFor("/", "next")
	tb.open(recordPath(id))
	got := eval[[]string](tb, `[document.getElementById("status")?.textContent ?? "",
		String(document.querySelectorAll(".field.uncertain, .note, .issue, .ocrtext mark").length),
		String(document.querySelectorAll("#confirm-form input[readonly]:not([type=hidden])").length),
		document.getElementById("audit").textContent]`)
	if !strings.Contains(got[0], "đã được xác nhận") || !strings.Contains(got[0], "Nguyễn Thị Lan") {
		t.Errorf("status: got %q, want it confirmed by Nguyễn Thị Lan", got[0])
	}
	if got[1] != "0" || got[2] != "11" {
		t.Errorf("got %s warnings and %s read-only inputs, want 0 and 11", got[1], got[2])
	}
	// Point 9 on the way: history in words, full names, dd/mm/yyyy HH:MM.
	if want := "Họ và tên: " + misread + " → " + right; !strings.Contains(got[3], want) || strings.Contains(got[3], "map[") ||
		!strings.Contains(got[3], "Nguyễn Thị Lan") || !dateTimeRE.MatchString(got[3]) {
		t.Errorf("history: got %q, want %q by Nguyễn Thị Lan at dd/mm/yyyy HH:MM", got[3], want)
	}
}

var dateTimeRE = regexp.MustCompile(`\b\d\d/\d\d/\d{4} \d\d:\d\d\b`)

// seedWith is seed with each field passed through change first (nil: as read right).
func (b *bundle) seedWith(t testing.TB, ledger domain.Ledger, n int, change func(*domain.Field)) []int64 {
	t.Helper()
	ctx := context.Background()
	img := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range img.Pix {
		img.Pix[i] = 240
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	page := int(time.Now().UnixNano()%100000) + 200001
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(append(buf.Bytes(), []byte(fmt.Sprint(page, ledger.ID))...)))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: page, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: 1240, Height: 1754}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		for i := range n {
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: domain.KindBirth, Confidence: 0.5 + 0.4*float64(i)/float64(max(n, 1)),
				Box: &domain.Box{60, 100 + i*500, 1180, 560 + i*500}}
			vals := birthValues(i)
			for pos, name := range domain.KindBirth.Fields() {
				f := domain.Field{Name: name, Position: pos, OCRText: vals[name], Value: vals[name],
					Confidence: 0.9, Box: &domain.Box{400, 110 + i*500 + pos*40, 1100, 140 + i*500 + pos*40}}
				if change != nil {
					change(&f)
				}
				r.Fields = append(r.Fields, f)
			}
			if err := tx.InsertRecord(ctx, r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
