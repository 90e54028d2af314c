package review_test

import (
	"testing"

	kb "github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/review"
)

// TestBrowserReviewScreenWorksUnderTheCSP: with the Content-Security-Policy the server sends (no
// inline style or script), the page box keeps its proportions, the entry's outline and every
// crop are placed (data-style applied by static/styles.js), and no violation is reported.
func TestBrowserReviewScreenWorksUnderTheCSP(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	tb := newTab(t, b)
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[0]), "f-entry_no")
	got := eval[map[string]any](tb, `(() => {
		const crops = [...document.querySelectorAll(".crop")];
		return {
			aspect: document.getElementById("page").style.aspectRatio,
			outlineTop: document.querySelector(".outline").style.top,
			crops: crops.length,
			cropsPlaced: crops.filter(c => c.style.backgroundImage.includes("/image")).length,
		};
	})()`)
	if got["aspect"] == "" || got["outlineTop"] == "" || got["crops"] == float64(0) || got["cropsPlaced"] != got["crops"] {
		t.Errorf("under the CSP: got %v, want the page's aspect ratio, the outline and every crop placed", got)
	}
	if v := eval[float64](tb, `performance.getEntriesByType("resource").filter(e => e.name.includes("/static/styles.js")).length`); v != 1 {
		t.Errorf("styles.js loaded %v times, want 1", v)
	}
}
