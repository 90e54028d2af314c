package review_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// waitForPicks waits until the commune list under the focused picker shows the hits for all
// that was typed, and returns their texts.
func (tb *tab) waitForPicks() []string {
	tb.t.Helper()
	for end := time.Now().Add(stepTimeout); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		got := eval[[]string](tb, `(() => {
			const l = document.activeElement.parentElement.querySelector(".picklist");
			return l && l.dataset.q === document.activeElement.value.trim() ? [...l.querySelectorAll(".pick")].map(b => b.textContent) : [];
		})()`)
		if len(got) > 0 {
			return got
		}
	}
	tb.t.Fatal("the commune list did not appear")
	return nil
}

// Points 15 and 16: a supervisor creates and edits a ledger in the browser, picking the commune
// by its name typed without diacritics, and sees the unit it became in 2025. The account form
// is TestBrowserAccountCommuneByName.
func TestBrowserLedgerFormWithCommuneSearch(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	tb := newTab(t, b)
	tb.viewport(1366, 657)
	tb.login("quantri", b.password)
	tb.open("/ledgers/new")
	tb.waitFor("/ledgers/new", "commune")
	tb.typeText("gia sang")
	picks := tb.waitForPicks()
	const want = "Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái Nguyên (05461) → Phường Gia Sàng, Tỉnh Thái Nguyên (05467)"
	if picks[0] != want {
		t.Errorf("first commune for \"gia sang\": got %q, want %q", picks[0], want)
	}
	tb.press(kb.ArrowDown)
	if got := eval[string](tb, `document.activeElement.textContent`); got != picks[0] {
		t.Errorf("↓ focused %q, want the first commune", got)
	}
	tb.press(kb.Enter)
	tb.waitFor("/ledgers/new", "commune")
	tb.shot("ledger-form")
	tb.press(kb.Tab, kb.Tab) // the kind stays "Khai sinh"
	tb.waitFor("/ledgers/new", "book")
	for _, v := range []string{"07", "1985", "1989", "250"} {
		tb.typeText(v)
		tb.press(kb.Tab)
	}
	tb.press(kb.Enter)
	tb.waitForFlash("/ledgers", "ledger.created")
	ls, err := b.store.Ledgers(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	l := ls[0]
	if l.CommuneCode != "05461" || l.Kind != domain.KindBirth || l.Book != "07" || l.YearFrom != 1985 || l.YearTo != 1989 || l.ExpectedEntries != 250 {
		t.Fatalf("new ledger: got %+v, want 05461 khai-sinh book 07 1985–1989 with 250 entries", l)
	}

	// Edit it: 300 entries expected.
	edit := fmt.Sprintf("/ledgers/%d/edit", l.ID)
	tb.open(edit)
	tb.waitFor(edit, "commune")
	if got := eval[string](tb, `document.getElementById("commune-after").textContent`); !strings.Contains(got, "Phường Gia Sàng, Tỉnh Thái Nguyên (05467)") {
		t.Errorf("edit form: after 2025 got %q", got)
	}
	for range 5 {
		tb.press(kb.Tab)
	}
	tb.waitFor(edit, "expected_entries")
	tb.ctrl("a")
	tb.typeText("300")
	tb.press(kb.Enter)
	tb.waitForFlash("/ledgers", "saved")
	if got, err := b.store.Ledger(context.Background(), l.ID); err != nil || got.ExpectedEntries != 300 || got.CommuneCode != "05461" {
		t.Errorf("edited ledger: got %+v (%v), want 300 entries expected, still 05461", got, err)
	}

	// The same ledger again is refused with a plain message, the form kept.
	tb.open("/ledgers/new")
	tb.waitFor("/ledgers/new", "commune")
	tb.typeText("Phường Gia Sàng")
	tb.waitForPicks()
	tb.press(kb.ArrowDown, kb.Enter, kb.Tab, kb.Tab)
	for _, v := range []string{"07", "1985", "1989"} {
		tb.typeText(v)
		tb.press(kb.Tab)
	}
	tb.press(kb.Enter)
	tb.waitFor("/ledgers", "")
	if got := eval[string](tb, `document.getElementById("form-error")?.textContent ?? ""`); !strings.Contains(got, "Sổ này đã có") {
		t.Errorf("duplicate ledger: got message %q, want \"Sổ này đã có…\"", got)
	}
}

// Point 16 on the account form: an admin picks an account's commune by its name typed
// without diacritics, not by its GSO code.
func TestBrowserAccountCommuneByName(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	tb := newTab(t, b)
	tb.viewport(1366, 657)
	tb.login("quantri", b.password)
	tb.open("/admin/users")
	tb.waitFor("/admin/users", "")
	tb.do("focus the commune finder", chromedp.Focus("#commune-find"))
	tb.typeText("Gia Sàng")
	tb.waitForPicks()
	tb.press(kb.ArrowDown, kb.Enter)
	if got := eval[string](tb, `document.getElementById("communes").value`); got != "05461" {
		t.Errorf("account communes after picking Gia Sàng: got %q, want 05461", got)
	}
}
