package review_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

func TestClerkTakesConfirmsCorrectsFlagsAndReleases(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 4)
	b.seed(t, b.other, 2) // another commune's entries must never reach this clerk
	ctx := context.Background()
	c := b.login(t, "canbo")

	// The lowest confidence comes first.
	first := c.next()
	if first != ids[0] {
		t.Fatalf("got entry %d first, want %d (lowest confidence)", first, ids[0])
	}
	resp, body := c.get(fmt.Sprintf("/review/records/%d", first))
	if resp.StatusCode != 200 || !strings.Contains(body, `value="08/06/1996"`) || !strings.Contains(body, "Ma Quang Quân") {
		t.Fatalf("review screen: got %d, want the form with dd/mm/yyyy dates and the OCR values", resp.StatusCode)
	}
	// Asking again gives the entry the clerk already holds.
	if again := c.next(); again != first {
		t.Fatalf("got %d on a second next, want the held %d", again, first)
	}

	// Confirm as read: the response opens the next entry at once.
	next := recordFrom(t, c.post(fmt.Sprintf("/review/records/%d/confirm", first), confirmForm(0, 1)))
	if next != ids[1] {
		t.Fatalf("after confirming: got %d, want the next entry %d", next, ids[1])
	}
	rec, _ := b.store.Record(ctx, first)
	if rec.Status != domain.RecordConfirmed || rec.Fields[1].Status != domain.FieldConfirmed || rec.Fields[1].ConfirmedBy == nil {
		t.Fatalf("got %s / %s, want confirmed by the clerk", rec.Status, rec.Fields[1].Status)
	}

	// Correct one field.
	form := confirmForm(1, 1)
	form.Set("f.full_name", "Mã Quang Quân")
	if got := recordFrom(t, c.post(fmt.Sprintf("/review/records/%d/confirm", next), form)); got != ids[2] {
		t.Fatalf("after correcting: got %d, want %d", got, ids[2])
	}
	rec, _ = b.store.Record(ctx, next)
	if rec.Fields[1].Value != "Mã Quang Quân" || rec.Fields[1].Status != domain.FieldCorrected || rec.Fields[1].OCRText != "Ma Quang Quân" {
		t.Fatalf("got %+v, want the corrected value with the OCR text kept", rec.Fields[1])
	}
	trail, _ := b.store.AuditTrail(ctx, "record", next)
	if !hasEvent(trail, "field.correct", "Ma Quang Quân", "Mã Quang Quân") || !hasEvent(trail, "record.confirm", "", "") {
		t.Fatalf("audit trail %+v lacks the correction old → new and the confirmation", trail)
	}

	// An impossible date is refused with the clerk's input kept, and nothing is stored.
	bad := confirmForm(2, 1)
	bad.Set("f.birth_date", "31/02/1996")
	resp = c.post(fmt.Sprintf("/review/records/%d/confirm", ids[2]), bad)
	if resp.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("impossible date: got %d, want 422", resp.StatusCode)
	}
	if rec, _ := b.store.Record(ctx, ids[2]); rec.Status != domain.RecordPending {
		t.Fatalf("after a refused form: got %s, want pending", rec.Status)
	}

	// Flag it as unclear: it goes to the follow-up list.
	if got := recordFrom(t, c.post(fmt.Sprintf("/review/records/%d/flag", ids[2]), url.Values{"version": {"1"}, "reason": {"Mực nhòe, không đọc được ngày sinh"}})); got != ids[3] {
		t.Fatalf("after flagging: got %d, want %d", got, ids[3])
	}
	_, body = c.get("/followups")
	if !strings.Contains(body, "Mực nhòe, không đọc được ngày sinh") {
		t.Fatal("the flagged entry is not on the follow-up list")
	}

	// Release the last one: it returns to the queue.
	resp = c.post(fmt.Sprintf("/review/records/%d/release", ids[3]), nil)
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("release: got %d", resp.StatusCode)
	}
	if rec, _ := b.store.Record(ctx, ids[3]); rec.LeaseUserID != nil || rec.Status != domain.RecordPending {
		t.Fatalf("released entry: got lease %v status %s, want free and pending", rec.LeaseUserID, rec.Status)
	}
	if got := c.next(); got != ids[3] {
		t.Fatalf("got %d, want the released entry %d back", got, ids[3])
	}
	c.post(fmt.Sprintf("/review/records/%d/confirm", ids[3]), confirmForm(3, 1))
	if got := c.next(); got != 0 {
		t.Fatalf("got entry %d, want an empty queue (the rest belong to another commune)", got)
	}
	_, body = c.get("/")
	if !strings.Contains(body, `id="count-today">4<`) {
		t.Fatalf("home page does not count 4 entries today:\n%s", body)
	}
}

func TestStaleFormIsRefused(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	clerk := b.login(t, "canbo")
	sup := b.login(t, "giamsat")
	if got := clerk.next(); got != ids[0] {
		t.Fatalf("got %d, want %d", got, ids[0])
	}
	// The supervisor cannot take it while the clerk holds it …
	if got := sup.next(); got != 0 {
		t.Fatalf("supervisor got %d while the clerk holds it, want nothing", got)
	}
	// … and a form for an older version is refused without overwriting.
	resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", ids[0]), confirmForm(0, 7))
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("stale form: got %d, want 409", resp.StatusCode)
	}
	if rec, _ := b.store.Record(context.Background(), ids[0]); rec.Status != domain.RecordPending || rec.Version != 1 {
		t.Fatalf("after a stale form: got %s v%d, want pending v1", rec.Status, rec.Version)
	}
	// The supervisor's own form on it is refused too, since the clerk holds it.
	resp = sup.post(fmt.Sprintf("/review/records/%d/confirm", ids[0]), confirmForm(0, 1))
	if resp.StatusCode != http.StatusConflict {
		t.Fatalf("form on an entry another holds: got %d, want 409", resp.StatusCode)
	}
}

func TestEveryPageRenders(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	admin := b.login(t, "quantri")
	admin.next()
	for _, lang := range []string{"vi", "en"} {
		admin.get("/lang/" + lang)
		for _, path := range []string{"/", "/login", "/followups", "/ledgers", "/matches", "/duplicates", "/admin/users", fmt.Sprintf("/review/records/%d", ids[0]), "/no-such-page"} {
			resp, body := admin.get(path)
			want := 200
			if path == "/no-such-page" {
				want = 404
			}
			if resp.StatusCode != want || !strings.Contains(body, "</html>") {
				t.Errorf("%s %s: got %d, want %d and a whole page", lang, path, resp.StatusCode, want)
			}
			if lang == "en" && strings.Contains(body, "Đăng xuất") {
				t.Errorf("%s %s: Vietnamese text in the English page", lang, path)
			}
		}
	}
}

func hasEvent(trail []domain.AuditEvent, action, old, new string) bool {
	for _, e := range trail {
		if e.Action != action {
			continue
		}
		if old == "" || (strings.Contains(fmt.Sprint(e.Old), old) && strings.Contains(fmt.Sprint(e.New), new)) {
			return true
		}
	}
	return false
}
