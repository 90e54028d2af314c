package review_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/review"
)

// The completion list on an entry of a register page, at 1366×768 with browser chrome: the
// clerk retypes the name, the list offers only names that begin with what was typed, and ↓
// Enter takes the first. With -screenshots DIR the page is a rendered register page and the
// screen is saved as complete.png.
func TestBrowserCompletionOnAnEntry(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	id, _, _ := b.seedWithIssues(t, b.ledger)
	tb := newTab(t, b)
	tb.viewport(1366, 657)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(id)
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	const typed = "Nguyễn Thị Th"
	tb.typeText(typed)
	var items []string
	for end := time.Now().Add(stepTimeout); len(items) < 2 && time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		items, _ = listItems(tb)
	}
	if len(items) < 2 {
		t.Fatalf("completion list for %q: got %q, want several names", typed, items)
	}
	for _, it := range items {
		if !strings.HasPrefix(it, typed) {
			t.Errorf("completion list for %q offers %q", typed, it)
		}
	}
	if off := offScreen(tb, "#cl-list"); len(off) > 0 {
		t.Errorf("the completion list is not wholly on screen: %v", off)
	}
	tb.shot("complete")
	tb.press(kb.ArrowDown, kb.Enter)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != items[0] {
		t.Errorf("after ↓ Enter: got %q, want the first candidate %q", got, items[0])
	}
}
