package review_test

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/sohoa/sohoa/review"
)

// TestSupervisorDownloadsImportWorkbook confirms an entry through the review screen and
// downloads the ledger in every format from the supervisors' page.
func TestSupervisorDownloadsImportWorkbook(t *testing.T) {
	b := setup(t, review.Config{})
	b.seed(t, b.ledger, 2)
	clerk := b.login(t, "canbo")
	id := clerk.next()
	if resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", id), confirmForm(0, 1)); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: got %d, want 303", resp.StatusCode)
	}
	boss := b.login(t, "giamsat")
	_, page := boss.get("/ledgers")
	link := fmt.Sprintf("/ledgers/%d/export?format=xlsx", b.ledger.ID)
	if !strings.Contains(page, link) || !strings.Contains(page, "format=jsonl") {
		t.Fatalf("the ledgers page offers no XLSX / JSONL export link %s", link)
	}
	resp, body := boss.get(link)
	if resp.StatusCode != http.StatusOK || !strings.Contains(resp.Header.Get("Content-Type"), "spreadsheetml") {
		t.Fatalf("got %d %s, want 200 with a workbook", resp.StatusCode, resp.Header.Get("Content-Type"))
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(body)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("DL Import")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][12] != "Ma Quang Quân" || rows[1][13] != "1" || rows[1][4] != "20.06.1996" {
		t.Errorf("got rows %q, want the header and the one confirmed entry (Ma Quang Quân, 1, 20.06.1996)", rows)
	}
	for _, tc := range []struct{ query, want string }{
		{"format=csv&sep=%2C", "\ufeffMã mục,"}, {"format=csv", "\ufeffMã mục;"}, {"format=jsonl", `{"id":"sohoa:record:`},
	} {
		resp, body := boss.get(fmt.Sprintf("/ledgers/%d/export?%s", b.ledger.ID, tc.query))
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(body, tc.want) {
			t.Errorf("%s: got %d %.40q, want 200 starting %q", tc.query, resp.StatusCode, body, tc.want)
		}
	}
	if resp, _ := boss.get(fmt.Sprintf("/ledgers/%d/export?format=pdf", b.ledger.ID)); resp.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("format=pdf: got %d, want 422", resp.StatusCode)
	}
	if resp, _ := clerk.get(link); resp.StatusCode != http.StatusForbidden {
		t.Errorf("a clerk downloading: got %d, want 403", resp.StatusCode)
	}
	exps, err := b.store.Exports(t.Context(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(exps) != 4 || exps[0].Actor != "giamsat" || exps[len(exps)-1].Format != "xlsx" || exps[len(exps)-1].Entries != 1 {
		t.Errorf("got recorded exports %+v, want four by giamsat, the first an xlsx of 1 entry", exps)
	}
}
