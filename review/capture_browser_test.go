package review_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

// A clerk on a phone (360×800): logs in, picks a ledger whose pages go up to 12, photographs a
// single page and an open book in one go, and within the wait sees three pages — 13, 14 (left)
// and 15 (right) — each with its verdict; the next photo would be page 16.
//
//	go test ./review/ -run TestBrowserCapture -screenshots docs/screenshots   # refreshes capture.png
func TestBrowserCaptureOnAPhone(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ctx := context.Background()
	book := domain.Ledger{CommuneCode: "05461", Kind: domain.KindDeath, Book: "03", YearFrom: 1980, YearTo: 1984}
	if err := b.store.CreateLedger(ctx, &book); err != nil {
		t.Fatal(err)
	}
	// Twelve pages already photographed (rows only: no worker runs here).
	var earlier []domain.Scan
	for p := 1; p <= 12; p++ {
		earlier = append(earlier, domain.Scan{LedgerID: book.ID, Page: p, SHA256: fmt.Sprintf("%064d", p),
			ObjectKey: domain.OriginalKey(fmt.Sprintf("%064d", p)), Bytes: 1, ContentType: "image/jpeg", Station: "test"})
	}
	if _, _, err := b.store.CommitScans(ctx, "earlier", earlier); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	single := writePhoto(t, dir, "trang.jpg", []int{0})
	spread := writePhoto(t, dir, "hai-trang.jpg", []int{1, 2})

	tb := newTab(t, b)
	tb.do("phone screen", chromedp.EmulateViewport(360, 800, chromedp.EmulateMobile))
	tb.login("canbo", b.password)
	tb.open("/capture")
	tb.waitFor("/capture", "")
	tb.do("pick the ledger", chromedp.SetValue("#ledger", fmt.Sprint(book.ID)))
	eval[bool](tb, `document.getElementById("ledger").dispatchEvent(new Event("change"))`)
	if got := eval[string](tb, `document.getElementById("page").value`); got != "13" {
		t.Fatalf("page of the next photo: got %q, want 13 (after the ledger's 12)", got)
	}
	if got := eval[int](tb, `document.documentElement.scrollWidth`); got > 360 {
		t.Errorf("page width on a 360 px screen: got %d px, want no sideways scrolling", got)
	}
	tb.do("take two photos", chromedp.SetUploadFiles("#photos", []string{single, spread}))

	// Each photo is judged on the server (decoded, its pages found) as it arrives.
	pollCtx, cancel := context.WithTimeout(tb.ctx, 3*time.Minute)
	defer cancel()
	if _, err := chromedp.Run(pollCtx, chromedp.Poll[bool](`document.querySelectorAll("#shots > li.good, #shots > li.bad").length === 2`,
		chromedp.WithPollingTimeout(3*time.Minute))); err != nil {
		t.Fatalf("the two photos were not answered: %v; page shows %q", err, eval[string](tb, `document.getElementById("shots").innerText`))
	}
	got := eval[[]string](tb, `[...document.querySelectorAll("#shots .page-ok")].map(e => e.textContent)`)
	want := []string{"Trang 13: Đạt", "Trang 14 (trái): Đạt", "Trang 15 (phải): Đạt"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("pages shown: got %q, want %q", got, want)
	}
	if got := eval[string](tb, `document.getElementById("page").value`); got != "16" {
		t.Errorf("page of the next photo: got %q, want 16", got)
	}
	tb.shot("capture")
	prog, err := b.store.LedgerProgress(ctx, book.ID)
	if err != nil || prog.PagesUploaded != 15 {
		t.Errorf("ledger pages: got %d (%v), want 15 (12 before, 3 from the two photos)", prog.PagesUploaded, err)
	}
}

// writePhoto photographs synthetic pages (one, or two facing ones) as a phone JPEG file.
func writePhoto(t *testing.T, dir, name string, pages []int) string {
	t.Helper()
	opts := synth.Options{Seed: 41, Layout: synth.LayoutForm, Severity: synth.SeverityLight}
	ps, err := synthphoto.RenderPages(opts, pages)
	if err != nil {
		t.Fatal(err)
	}
	ph, err := synthphoto.Photograph(ps, opts.Seed, pages[0], "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := synthphoto.EncodeJPEG(ph.Image)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
