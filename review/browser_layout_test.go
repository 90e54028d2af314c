package review_test

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
)

// viewport sets the tab's inner size: a screen size less the browser's own chrome.
func (tb *tab) viewport(w, h int64) {
	tb.t.Helper()
	tb.do(fmt.Sprintf("viewport %dx%d", w, h), chromedp.EmulateViewport(w, h))
}

// onScreen lists the elements of selector that are not wholly inside the viewport.
func offScreen(tb *tab, selector string) []string {
	tb.t.Helper()
	return eval[[]string](tb, fmt.Sprintf(`[...document.querySelectorAll(%q)].filter(e => {
		const r = e.getBoundingClientRect();
		return r.width < 1 || r.height < 1 || r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth;
	}).map(e => (e.id || e.className) + " " + JSON.stringify(e.getBoundingClientRect()))`, selector))
}

// Point 1 of issue 12: on the usual commune PC, a 1366×768 laptop whose browser leaves about
// 1366×657 to the page, a birth entry's eleven fields (crop and input each) and the confirm
// button are all on screen at once, without scrolling, with the page image beside them. At
// 1920×1080 and 1280×720 the same holds.
func TestBrowserReviewFitsALaptopScreen(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	id, _, _ := b.seedWithIssues(t, b.ledger)
	tb := newTab(t, b)
	if n := len(domain.KindBirth.Fields()); n != 11 {
		t.Fatalf("a birth entry has %d fields, want 11", n)
	}
	for _, sz := range []struct {
		name string
		w, h int64
	}{{"1366x768", 1366, 657}, {"1920x1080", 1920, 969}, {"1280x720", 1280, 609}} {
		tb.viewport(sz.w, sz.h)
		if sz.name == "1366x768" {
			tb.login("canbo", b.password)
			tb.press(kb.Enter)
		} else {
			tb.open(recordPath(id))
		}
		tb.waitFor(recordPath(id), "f-entry_no")
		if n := eval[int](tb, `document.querySelectorAll("#confirm-form .field input").length`); n != 11 {
			t.Fatalf("%s: got %d inputs, want 11", sz.name, n)
		}
		for _, sel := range []string{"#confirm-form .field input", "#confirm-form .crop", "#confirm", "#field-full_name .note"} {
			if off := offScreen(tb, sel); len(off) > 0 {
				t.Errorf("%s: %s outside the %dx%d viewport: %v", sz.name, sel, sz.w, sz.h, off)
			}
		}
		if got := eval[float64](tb, `document.scrollingElement.scrollTop`); got != 0 {
			t.Errorf("%s: the page scrolled to %v to show the focused field, want 0", sz.name, got)
		}
		page, entry := boxes(tb, "#pagebox")[0], boxes(tb, ".entry")[0]
		if page.X+page.W > entry.X || page.W < 300 || page.H < 400 {
			t.Errorf("%s: page image %+v, want it beside the form %+v, at least 300×400", sz.name, page, entry)
		}
		t.Logf("%s: confirm button bottom at %.0f of %d", sz.name, boxes(tb, "#confirm")[0].Y+boxes(tb, "#confirm")[0].H, sz.h)
		if sz.name == "1366x768" {
			tb.shot("review")
		}
	}
}
