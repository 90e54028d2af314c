package review_test

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// Browser tests: a headless Chromium driven as a clerk drives the review screen, by keyboard.

var screenshots = flag.String("screenshots", "", "save screenshots of the review screen to DIR")

// To refresh the README's screenshot docs/screenshots/review.png (without -race: the rendered
// ledger page takes a minute under it; -run TestBrowser adds login.png and home.png):
//
//	go test ./review/ -run TestBrowserIssues -screenshots docs/screenshots

func recordPath(id int64) string { return fmt.Sprintf("/review/records/%d", id) }

// A clerk logs in, takes entries and confirms, corrects, flags and gives one back, pressing
// keys only; the database then holds what the keys meant.
func TestBrowserClerkWorksByKeyboard(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 4)
	tb := newTab(t, b)

	tb.open("/login")
	if got := eval[string](tb, `document.documentElement.lang + " " + document.getElementById("login").textContent`); got != "vi Đăng nhập" {
		t.Fatalf("login page: got %q, want %q (Vietnamese by default)", got, "vi Đăng nhập")
	}
	tb.shot("login")
	tb.login("canbo", b.password)
	if got := eval[string](tb, `document.getElementById("next").textContent`); got != "Nhận mục tiếp theo" {
		t.Fatalf("home page button: got %q, want %q", got, "Nhận mục tiếp theo")
	}
	tb.shot("home")

	// Enter on the focused button takes the next entry; its first field has the focus.
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[0]), "f-entry_no")
	checkReviewScreen(t, tb, len(domain.KindBirth.Fields()))

	// 1. An entry read right is confirmed with a single key press.
	tb.resetKeys()
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	if tb.keys != 1 {
		t.Errorf("confirming a correct entry: got %d key presses, want 1", tb.keys)
	}
	t.Logf("confirming a correct entry and opening the next: %d key press", tb.keys)

	// 2. A wrong name: Tab to it, select all, type the right one, Enter.
	tb.resetKeys()
	tb.press(kb.Tab)
	tb.waitFor(recordPath(ids[1]), "f-full_name")
	tb.ctrl("a")
	tb.typeText("Mã Quang Quân")
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != "Mã Quang Quân" {
		t.Fatalf("typed name: got %q, want %q", got, "Mã Quang Quân")
	}
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[2]), "f-entry_no")
	t.Logf("correcting one field (Tab, Ctrl+A, 13 letters, Enter): %d key presses", tb.keys)

	// 3. An unclear entry: F2, the reason, Enter.
	const reason = "Mực nhòe, không đọc được ngày sinh"
	tb.press(kb.F2)
	tb.waitFor(recordPath(ids[2]), "flag-reason")
	tb.typeText(reason)
	tb.press(kb.Enter)
	if st := tb.waitFor(recordPath(ids[3]), "f-entry_no"); !strings.Contains(st.Path, "m=flagged") {
		t.Errorf("after flagging: got %s, want the flagged notice", st.Path)
	}
	if got := eval[string](tb, `document.querySelector(".flash").textContent`); got != "Đã đánh dấu thiếu / chưa rõ để xử lý sau." {
		t.Errorf("after flagging: got notice %q", got)
	}

	// 4. F4 gives the entry back and returns to the home page.
	tb.press(kb.F4)
	tb.waitFor("/", "next")
	if got := eval[string](tb, `document.querySelector(".flash").textContent`); got != "Đã trả mục lại hàng đợi." {
		t.Errorf("after releasing: got notice %q", got)
	}

	ctx := context.Background()
	clerk, _, err := b.store.UserByName(ctx, "canbo")
	if err != nil {
		t.Fatal(err)
	}
	rec := record(t, b, ids[0])
	if rec.Status != domain.RecordConfirmed || rec.ConfirmedBy == nil || *rec.ConfirmedBy != clerk.ID {
		t.Errorf("confirmed entry: got %s by %v, want confirmed by %d", rec.Status, rec.ConfirmedBy, clerk.ID)
	}
	for _, f := range rec.Fields {
		if f.Status != domain.FieldConfirmed {
			t.Errorf("confirmed entry, field %s: got %s, want %s", f.Name, f.Status, domain.FieldConfirmed)
		}
	}

	rec = record(t, b, ids[1])
	name := rec.Fields[1]
	if rec.Status != domain.RecordConfirmed || name.Name != "full_name" || name.Status != domain.FieldCorrected ||
		name.Value != "Mã Quang Quân" || name.OCRText != "Ma Quang Quân" {
		t.Errorf("corrected entry: got %s, %s %s %q (OCR %q), want confirmed, full_name corrected to %q with the OCR text kept",
			rec.Status, name.Name, name.Status, name.Value, name.OCRText, "Mã Quang Quân")
	}
	trail, err := b.store.AuditTrail(ctx, "record", ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if !hasEventBy(trail, "field.correct", "Ma Quang Quân", "Mã Quang Quân", clerk) {
		t.Errorf("audit trail %+v: want the correction Ma Quang Quân → Mã Quang Quân by canbo", trail)
	}

	rec = record(t, b, ids[2])
	if rec.Status != domain.RecordFlagged || rec.FlagReason != reason {
		t.Errorf("flagged entry: got %s %q, want %s %q", rec.Status, rec.FlagReason, domain.RecordFlagged, reason)
	}
	follow, err := b.store.Followups(ctx, clerk)
	if err != nil {
		t.Fatal(err)
	}
	if len(follow) != 1 || follow[0].RecordID != ids[2] || follow[0].Reason != reason || follow[0].FlaggedBy != "canbo" {
		t.Errorf("follow-up list: got %+v, want entry %d flagged by canbo with the reason", follow, ids[2])
	}

	rec = record(t, b, ids[3])
	if rec.Status != domain.RecordPending || rec.LeaseUserID != nil {
		t.Errorf("released entry: got %s held by %v, want pending and free", rec.Status, rec.LeaseUserID)
	}
	trail, err = b.store.AuditTrail(ctx, "record", ids[3])
	if err != nil {
		t.Fatal(err)
	}
	if !hasEventBy(trail, "record.release", "", "", clerk) {
		t.Errorf("audit trail %+v: want the release by canbo", trail)
	}
}

// checkReviewScreen checks the review screen as first opened: in Vietnamese, dates as
// dd/mm/yyyy, a crop of the page above every field, and the entry outlined on the page.
func checkReviewScreen(t *testing.T, tb *tab, fields int) {
	t.Helper()
	if got := eval[string](tb, `document.getElementById("confirm").textContent`); got != "Xác nhận (Enter)" {
		t.Errorf("confirm button: got %q, want %q", got, "Xác nhận (Enter)")
	}
	for id, want := range map[string]string{"f-birth_date": "08/06/1996", "f-registration_date": "20/06/1996", "f-full_name": "Ma Quang Quân"} {
		if got := eval[string](tb, fmt.Sprintf(`document.getElementById(%q).value`, id)); got != want {
			t.Errorf("#%s: got %q, want %q", id, got, want)
		}
	}
	if !eval[bool](tb, `(async () => { const i = document.querySelector("#page img"); await i.decode(); return i.naturalWidth > 0; })()`) {
		t.Error("the page image did not load")
	}
	crops := boxes(tb, ".crop")
	if len(crops) != fields {
		t.Errorf("got %d crops, want one per field (%d)", len(crops), fields)
	}
	for i, c := range crops {
		if c.W < 1 || c.H < 1 || c.Display == "none" {
			t.Errorf("crop %d: got %+v, want a visible, non-empty box", i, c)
		}
	}
	outline, page := boxes(tb, ".outline"), boxes(tb, "#pagebox")
	if len(outline) != 1 || len(page) != 1 {
		t.Fatalf("got %d outlines and %d page boxes, want 1 each", len(outline), len(page))
	}
	o, p := outline[0], page[0]
	if o.W < 1 || o.H < 1 || o.Display == "none" || o.X > p.X+p.W || o.X+o.W < p.X || o.Y > p.Y+p.H || o.Y+o.H < p.Y {
		t.Errorf("entry outline %+v: want a visible box inside the page view %+v", o, p)
	}
}

// Tab and Shift+Tab move between fields. Typing Vietnamese with Telex presses letters that
// would be shortcuts elsewhere (aa, dd, w, s, f, r, x, j, z): here none of them may act. Then
// the interface switches to English.
func TestBrowserTelexTypingAndEnglish(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")

	// What a clerk without an input method types for "Nguyễn Đắc Thiện, Hà Nội, Mường".
	const telex = "Nguyeenx DDawcs Thieenj, Haf Noooij, Muwowngf aa dd w s f r x j z AA DD W"
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.shiftTab()
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	tb.typeText(telex)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != telex {
		t.Errorf("typed: got %q, want %q (every letter reaches the field)", got, telex)
	}
	tb.stays(path, 300*time.Millisecond)
	if hidden := eval[bool](tb, `document.getElementById("flag-form").classList.contains("hidden")`); !hidden {
		t.Error("typing opened the flag box")
	}
	if got := eval[string](tb, `document.activeElement.id`); got != "f-full_name" {
		t.Errorf("focus: got #%s, want #f-full_name (typing must not move it)", got)
	}
	rec := record(t, b, ids[0])
	if rec.Status != domain.RecordPending || rec.Version != 1 || rec.LeaseUserID == nil {
		t.Errorf("after typing: got %s v%d, want pending v1 and still held", rec.Status, rec.Version)
	}

	// The link "English" switches the interface and comes back to the same entry, still held.
	tb.do("click English", chromedp.Click("#lang"))
	tb.waitFor(path, "f-entry_no")
	got := eval[string](tb, `document.getElementById("confirm").textContent + " · " + document.getElementById("f-birth_date").value + " · " + document.getElementById("lang").textContent`)
	if want := "Confirm (Enter) · 08/06/1996 · Tiếng Việt"; got != want {
		t.Errorf("review screen in English: got %q, want %q", got, want)
	}
}

// An entry the OCR read badly is shown highlighted, with the word marked and a suggestion;
// the clerk types the correction. With -screenshots DIR this is review.png.
func TestBrowserIssuesAreHighlighted(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	id, misread, right := b.seedWithIssues(t, b.ledger)
	next := b.seed(t, b.ledger, 1)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	tb.waitFor(recordPath(id), "f-entry_no")

	got := eval[[]string](tb, `[document.getElementById("field-full_name").className,
		document.querySelector("#field-full_name .ocrtext mark")?.textContent ?? "",
		document.querySelector("#field-full_name .issue")?.textContent ?? "",
		document.querySelector("#field-full_name .sugg")?.textContent ?? ""]`)
	if got[0] != "field uncertain" || got[1] != "Nguyẽn" || !strings.Contains(got[2], "Nguyẽn") || got[3] != right {
		t.Errorf("field with issues: got class %q, mark %q, issue %q, suggestion %q; want uncertain, %q marked, named in the issue, %q suggested",
			got[0], got[1], got[2], got[3], "Nguyẽn", right)
	}
	if n := eval[int](tb, `document.querySelectorAll(".field.uncertain, .ocrtext mark").length`); n != 2 {
		t.Errorf("got %d highlighted fields and words, want 2 (only the name)", n)
	}

	tb.press(kb.Tab)
	tb.waitFor(recordPath(id), "f-full_name")
	tb.ctrl("a")
	tb.typeText(right)
	tb.shot("review")
	tb.press(kb.Enter)
	tb.waitFor(recordPath(next[0]), "f-entry_no")

	rec := record(t, b, id)
	if f := rec.Fields[1]; rec.Status != domain.RecordConfirmed || f.Value != right || f.Status != domain.FieldCorrected || f.OCRText != misread {
		t.Errorf("corrected entry: got %s, %s %q (OCR %q), want confirmed, corrected to %q", rec.Status, f.Status, f.Value, f.OCRText, right)
	}
}

func record(t *testing.T, b *bundle, id int64) domain.Record {
	t.Helper()
	rec, err := b.store.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// hasEventBy is hasEvent done by the user u.
func hasEventBy(trail []domain.AuditEvent, action, old, new string, u domain.User) bool {
	for _, e := range trail {
		if e.Actor == u.Username && e.UserID != nil && *e.UserID == u.ID && hasEvent([]domain.AuditEvent{e}, action, old, new) {
			return true
		}
	}
	return false
}
