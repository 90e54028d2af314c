package review_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// Point 3: the validator's suggestions are taken from the keyboard, the way completions are:
// ↓ in the field opens them, Enter takes the highlighted one, Enter again confirms. None equals
// the value, and a misread name word gets its usual name, not three variants.
func TestBrowserSuggestionTakenByKeyboard(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	id, misread, right := b.seedWithIssues(t, b.ledger)
	next := b.seed(t, b.ledger, 1)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(id)
	tb.waitFor(path, "f-entry_no")

	var offered []string
	raw := eval[string](tb, `document.getElementById("f-full_name").dataset.suggestions ?? ""`)
	if err := json.Unmarshal([]byte(raw), &offered); err != nil || len(offered) != 1 || offered[0] != right {
		t.Fatalf("data-suggestions of the misread name: got %s (%v), want [%q] only", raw, err, right)
	}
	for _, f := range []string{"f-entry_no", "f-sex", "f-ethnicity"} {
		if got := eval[string](tb, `document.getElementById("`+f+`").dataset.suggestions ?? ""`); got != "" {
			t.Errorf("#%s read right: got suggestions %s, want none", f, got)
		}
	}

	tb.resetKeys()
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.press(kb.ArrowDown)
	tb.waitUntil(`!document.getElementById("cl-list").classList.contains("hidden") && document.querySelectorAll("#cl-list li").length > 0`)
	tb.press(kb.Enter)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != right {
		t.Fatalf("after ↓ Enter: got %q, want the suggestion %q (was %q)", got, right, misread)
	}
	tb.press(kb.Enter)
	tb.waitFor(recordPath(next[0]), "f-entry_no")
	if tb.keys != 4 {
		t.Errorf("taking the suggestion and confirming: got %d keys, want 4 (Tab, ↓, Enter, Enter)", tb.keys)
	}
	rec := record(t, b, id)
	if f := rec.Fields[1]; rec.Status != domain.RecordConfirmed || f.Value != right || f.Status != domain.FieldCorrected {
		t.Errorf("got %s, name %q %s; want confirmed, corrected to %q", rec.Status, f.Value, f.Status, right)
	}
}

// waitUntil polls a JavaScript condition until it holds.
func (tb *tab) waitUntil(cond string) {
	tb.t.Helper()
	for end := time.Now().Add(stepTimeout); time.Now().Before(end); time.Sleep(25 * time.Millisecond) {
		if eval[bool](tb, cond) {
			return
		}
	}
	tb.t.Fatalf("waiting for %s: timed out", cond)
}
