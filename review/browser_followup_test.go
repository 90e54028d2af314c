package review_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/auth/authtest"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// Point 13: the follow-up list is no dead end. A clerk flags two entries; the supervisor sees
// the clerk's full name, corrects and confirms one, leaves a note on the other and sends it
// back to the queue. With -screenshots DIR: followups.png and followup-entry.png.
func TestBrowserFollowupIsSettled(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seedOnPage(t, b.ledger, 3)
	clerk := b.login(t, "canbo")
	for _, id := range ids[:2] {
		if got := clerk.next(); got != id {
			t.Fatalf("next: got %d, want %d", got, id)
		}
		resp := clerk.post(recordPath(id)+"/flag", url.Values{"version": {"1"}, "reason": {"Tên cha không đọc được"}})
		if resp.StatusCode != http.StatusSeeOther {
			t.Fatalf("flag %d: got %d, want 303", id, resp.StatusCode)
		}
	}

	tb := newTab(t, b)
	tb.viewport(1366, 657)
	tb.login("giamsat", b.password)
	tb.open("/followups")
	tb.waitFor("/followups", "")
	if got := eval[string](tb, `document.getElementById("followups").textContent`); !strings.Contains(got, "Nguyễn Thị Lan") || strings.Contains(got, "canbo") {
		t.Errorf("follow-up list: got %q, want the clerk's full name, not the username", got)
	}
	tb.shot("followups")
	tb.do("open the first entry", chromedp.Click(`#followups a[href="`+recordPath(ids[0])+`"]`))
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	if got := eval[string](tb, `document.getElementById("status").textContent`); !strings.Contains(got, "Tên cha không đọc được") {
		t.Errorf("status: got %q, want the reason", got)
	}
	for range 8 {
		tb.press(kb.Tab)
	}
	tb.waitFor(path, "f-father_name")
	tb.ctrl("a")
	father := "Ma Văn Hải"
	if *screenshots != "" { // the entry of a rendered page: a correction of what is printed there
		father = "Nguyễn Hoài Phương"
	}
	tb.typeText(father)
	tb.shot("followup-entry")
	tb.press(kb.Enter)
	tb.waitFor("/followups", "")
	rec := record(t, b, ids[0])
	if f := rec.Fields[8]; rec.Status != domain.RecordConfirmed || f.Name != "father_name" || f.Value != father || f.Status != domain.FieldCorrected {
		t.Errorf("settled entry: got %s, %s %q %s; want confirmed with father_name corrected to %s", rec.Status, f.Name, f.Value, f.Status, father)
	}

	// The second: a note, then back to the queue.
	tb.open(recordPath(ids[1]))
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	tb.do("click the note box", chromedp.Click("#note"))
	tb.typeText("Đã hỏi gia đình: cha là Ma Văn Hùng")
	tb.press(kb.Enter)
	tb.waitForFlash(recordPath(ids[1]), "noted")
	if got := eval[string](tb, `document.getElementById("audit").textContent`); !strings.Contains(got, "Đã hỏi gia đình: cha là Ma Văn Hùng") || !strings.Contains(got, "Lê Văn Sơn") {
		t.Errorf("history after the note: got %q, want the note by Lê Văn Sơn", got)
	}
	tb.do("send back", chromedp.Click("#requeue"))
	tb.waitFor("/followups", "")
	if rec := record(t, b, ids[1]); rec.Status != domain.RecordPending {
		t.Errorf("sent back: got %s, want pending", rec.Status)
	}
	trail, err := b.store.AuditTrail(context.Background(), "record", ids[1])
	if err != nil {
		t.Fatal(err)
	}
	if !hasEvent(trail, "record.requeue", "", "") {
		t.Errorf("audit trail %+v: want the requeue", trail)
	}
	// Back in the queue, the clerk gets it again (once they give back the entry the flag
	// handed them).
	clerk.post(recordPath(ids[2])+"/release", nil)
	if got := clerk.next(); got != ids[1] {
		t.Errorf("the clerk's next entry: got %d, want %d (sent back)", got, ids[1])
	}
}

// Only a supervisor or the clerk who flagged an entry settles it.
func TestFollowupIsSettledOnlyByWhoMay(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	clerk := b.login(t, "canbo")
	clerk.next()
	clerk.post(recordPath(ids[0])+"/flag", url.Values{"version": {"1"}, "reason": {"mờ"}})
	hash := authtest.QuickHash(t, testPassword)
	other := domain.User{Username: "canbo2", DisplayName: "Đỗ Hà", Role: domain.RoleClerk, Communes: []string{"05461"}}
	if err := b.store.CreateUser(context.Background(), &other, hash, "test"); err != nil {
		t.Fatal(err)
	}
	form := confirmForm(0, 2)
	if resp := b.login(t, "canbo2").post(recordPath(ids[0])+"/resolve", form); resp.StatusCode != http.StatusForbidden {
		t.Errorf("another clerk settles: got %d, want 403", resp.StatusCode)
	}
	if resp := clerk.post(recordPath(ids[0])+"/resolve", form); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the flagging clerk settles: got %d, want 303", resp.StatusCode)
	}
	if rec := record(t, b, ids[0]); rec.Status != domain.RecordConfirmed || rec.Version != 3 {
		t.Errorf("got %s v%s, want confirmed v3", rec.Status, strconv.Itoa(rec.Version))
	}
}

// waitForFlash waits for the page at path opened with the flash message m=flash (the page
// after a post/redirect/get to the same path).
func (tb *tab) waitForFlash(path, flash string) {
	tb.t.Helper()
	for end := time.Now().Add(stepTimeout); time.Now().Before(end); time.Sleep(25 * time.Millisecond) {
		if st := tb.waitFor(path, ""); strings.Contains(st.Path, "m="+flash) {
			return
		}
	}
	tb.t.Fatalf("waiting for %s?m=%s: timed out", path, flash)
}
