package review_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
)

// completions asks the completion route and decodes its answer.
func (c *client) completions(id int64, field, q string) (int, []string) {
	c.t.Helper()
	resp, body := c.get(fmt.Sprintf("/review/records/%d/complete?field=%s&q=%s", id, field, url.QueryEscape(q)))
	if resp.StatusCode != http.StatusOK {
		return resp.StatusCode, nil
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		c.t.Errorf("Content-Type %q, want application/json", ct)
	}
	var a struct {
		Candidates []struct {
			Value string `json:"value"`
		} `json:"candidates"`
	}
	if err := json.Unmarshal([]byte(body), &a); err != nil || a.Candidates == nil {
		c.t.Fatalf("completion answer %q: %v (want a candidates array)", body, err)
	}
	out := []string{}
	for _, x := range a.Candidates {
		out = append(out, x.Value)
	}
	return resp.StatusCode, out
}

func TestRecordComplete(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	clerk := b.login(t, "canbo")

	for _, tc := range []struct{ field, q, first string }{
		{"full_name", "nguyen van an", "Nguyễn Văn An"},
		{"father_name", "NGUYEN VAN AN", "Nguyễn Văn An"},
		{"birth_date", "5387", "05/03/1987"}, // the ledger runs to 1995
		{"registration_date", "17 5", "17/05/1995"},
		{"ethnicity", "meo", "Mông"},
		{"nationality", "viet", "Việt Nam"},
	} {
		status, got := clerk.completions(ids[0], tc.field, tc.q)
		if status != http.StatusOK || len(got) == 0 || len(got) > 10 || got[0] != tc.first {
			t.Errorf("%s %q: got %d %q, want 200 with %q first (at most 10)", tc.field, tc.q, status, got, tc.first)
		}
	}
	if status, got := clerk.completions(ids[0], "entry_no", "1"); status != http.StatusOK || len(got) != 0 {
		t.Errorf("entry_no: got %d %q, want 200 and no candidates", status, got)
	}
	if status, got := clerk.completions(ids[0], "full_name", ""); status != http.StatusOK || len(got) != 0 {
		t.Errorf("empty prefix: got %d %q, want 200 and no candidates", status, got)
	}
	if status, _ := clerk.completions(ids[0], "full_name", strings.Repeat("a", 201)); status != http.StatusUnprocessableEntity {
		t.Errorf("a 201-character prefix: got %d, want 422", status)
	}

	// A place confirmed in the commune comes first for the next entries.
	held := clerk.next() // a decision needs the entry's lease
	other := ids[0]
	if held == ids[0] {
		other = ids[1]
	}
	resp := clerk.post(fmt.Sprintf("/review/records/%d/confirm", held), confirmForm(0, 1))
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: got %d, want 303", resp.StatusCode)
	}
	if status, got := clerk.completions(other, "birth_place", "tram y te x"); status != http.StatusOK || len(got) == 0 || got[0] != "Trạm y tế xã Gia Sàng" {
		t.Errorf("birth_place after a confirmation: got %d %q, want the confirmed place first", status, got)
	}

	// The same access rules as the entry: a clerk of another commune is refused, a stranger
	// is sent to log in.
	if status, _ := b.login(t, "canbo-khac").completions(ids[0], "full_name", "ng"); status != http.StatusForbidden {
		t.Errorf("clerk of another commune: got %d, want 403", status)
	}
	if resp, _ := b.client(t).get(fmt.Sprintf("/review/records/%d/complete?field=full_name&q=ng", ids[0])); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("not logged in: got %d, want 303 to the login page", resp.StatusCode)
	}
	if status, _ := clerk.completions(999999, "full_name", "ng"); status != http.StatusNotFound {
		t.Errorf("no such entry: got %d, want 404", status)
	}
}
