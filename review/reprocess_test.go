package review_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// TestSupervisorReprocessesLedger starts a reprocess from the ledgers page after a clerk
// corrected an entry, lets a new reading arrive, and reads the report: the clerk's value stays
// and the changed unconfirmed fields are counted.
func TestSupervisorReprocessesLedger(t *testing.T) {
	ctx := context.Background()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	place, err := b.store.RecordPlace(ctx, ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if err := b.store.SetScanStatus(ctx, place.ScanID, domain.ScanInReview, ""); err != nil {
		t.Fatal(err)
	}
	clerk := b.login(t, "canbo")
	id := clerk.next()
	form := confirmForm(0, 1)
	form.Set("f.full_name", "Ma Quang Quyết") // the clerk's correction
	if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", id), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: got %d, want 303", resp.StatusCode)
	}
	other := ids[0]
	if other == id {
		other = ids[1]
	}
	// Confirming opened the next entry under the clerk's lease; an entry someone holds is kept
	// like a decided one, so the clerk gives it back.
	clerk.post(fmt.Sprintf("/review/records/%d/release", other), nil)
	boss := b.login(t, "giamsat")
	_, page := boss.get("/ledgers")
	if !strings.Contains(page, fmt.Sprintf(`action="/ledgers/%d/reprocess"`, b.ledger.ID)) {
		t.Fatal("the ledgers page has no reprocess button")
	}
	resp := boss.post(fmt.Sprintf("/ledgers/%d/reprocess", b.ledger.ID), nil)
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther || !strings.HasPrefix(loc, "/reprocess/") {
		t.Fatalf("reprocess: got %d to %q, want 303 to the report", resp.StatusCode, loc)
	}
	// The worker's new reading: every name read differently.
	var recs []domain.Record
	for i := range 2 {
		vals := birthValues(i)
		vals["full_name"] = "Ma Quang Quản"
		r := domain.Record{Index: i, Kind: domain.KindBirth, Confidence: 0.7}
		for pos, name := range domain.KindBirth.Fields() {
			r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, Value: vals[name], OCRText: vals[name]})
		}
		recs = append(recs, r)
	}
	if err := b.store.SaveExtraction(ctx, place.ScanID, recs); err != nil {
		t.Fatal(err)
	}
	resp, body := boss.get(strings.Split(loc, "?")[0])
	if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<td id="fields-changed">1</td>`) || !strings.Contains(body, "1 / 1") {
		t.Errorf("report: got %d, want 1 / 1 pages and 1 changed field:\n%s", resp.StatusCode, body)
	}
	r, err := b.store.Record(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.Fields {
		if f.Name == "full_name" && f.Value != "Ma Quang Quyết" {
			t.Errorf("the clerk's correction: got %q, want Ma Quang Quyết kept", f.Value)
		}
	}
	if resp := clerk.post(fmt.Sprintf("/ledgers/%d/reprocess", b.ledger.ID), nil); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a clerk reprocessing: got %d, want 403", resp.StatusCode)
	}
}
