package review_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/upload"
)

// outlineSeed is a heavy synthetic birth page (form layout) whose second entry's "Số:" line
// the OCR misreads: before the fix the outline of that entry began at its "Họ và tên" line and
// the entry above took the number line into its own outline. It keeps today's wording
// (PlainWording), so the seed renders the page that showed the fault.
const outlineSeed = 5

// Point 8 of issue 12: on a heavy page, the outline the review screen draws around an entry
// takes in the entry's own "Số:" line and not the next entry's. The page goes through the real
// pipeline (cleaning, Tesseract, extraction); each entry is opened in Chromium and its outline
// is measured on screen, taken back to the page as scanned (through the cleaning's geometry)
// and compared with where the page generator put the number lines.
func TestBrowserOutlineHoldsItsOwnNumberLine(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	startPipeline(t, b)
	p, err := synth.Render(synth.Options{Seed: outlineSeed, Kind: domain.KindBirth, Layout: synth.LayoutForm, Severity: synth.SeverityHeavy,
		PlainWording: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Image); err != nil {
		t.Fatal(err)
	}
	// The cleaning moves pixels (crop, deskew, upscale): its geometry takes the screen's
	// outline back to the page as generated. Cleaning is deterministic, so the pipeline's
	// cleaned page is this one.
	img, info, err := imaging.DecodeBytes(buf.Bytes(), imaging.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	cleaned, err := imaging.Clean(context.Background(), img, imaging.Options{DPI: info.DPI})
	if err != nil {
		t.Fatal(err)
	}
	var numberLines []image.Rectangle // the "Số: N" line of each entry, top to bottom
	for _, l := range p.Truth.Lines {
		if strings.HasPrefix(l.Text, "Số:") {
			numberLines = append(numberLines, image.Rect(l.Box[0], l.Box[1], l.Box[2], l.Box[3]))
		}
	}
	if len(numberLines) != len(p.Truth.Records) || len(numberLines) < 2 {
		t.Fatalf("synthetic page: %d number lines for %d entries", len(numberLines), len(p.Truth.Records))
	}

	scanID := b.sendPage(t, buf.Bytes(), 700)
	n, err := b.store.RecordCount(context.Background(), scanID)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(numberLines) {
		t.Fatalf("the page has %d entries, the pipeline found %d", len(numberLines), n)
	}
	tb := newTab(t, b)
	tb.viewport(1366, 657)
	tb.login("giamsat", b.password)
	for i := range n {
		id := storagetest.RecordID(t, b.dbURL, scanID, i)
		tb.open(recordPath(id))
		tb.waitFor(recordPath(id), "")
		// The outline as drawn, in pixels of the cleaned page: the page element may be zoomed
		// and moved onto the entry, which scales both boxes alike.
		pg, ol := boxes(tb, "#page")[0], boxes(tb, "#page .outline")[0]
		if ol.Display == "none" || ol.W < 1 || ol.H < 1 {
			t.Fatalf("entry %d: no outline drawn (%+v)", i+1, ol)
		}
		cw, ch := float64(cleaned.Gray.Bounds().Dx())/pg.W, float64(cleaned.Gray.Bounds().Dy())/pg.H
		drawn := image.Rect(int((ol.X-pg.X)*cw), int((ol.Y-pg.Y)*ch), int((ol.X-pg.X+ol.W)*cw), int((ol.Y-pg.Y+ol.H)*ch))
		onPage := cleaned.Geometry.BoxToOriginal(drawn)
		own := numberLines[i]
		if !holdsLine(onPage, own) {
			t.Errorf("entry %d: its outline %v (on the page as scanned) leaves out its own number line %v", i+1, onPage, own)
		}
		if i+1 < len(numberLines) && overlapsLine(onPage, numberLines[i+1]) {
			t.Errorf("entry %d: its outline %v takes in the next entry's number line %v", i+1, onPage, numberLines[i+1])
		}
		if i > 0 && overlapsLine(onPage, numberLines[i-1]) {
			t.Errorf("entry %d: its outline %v takes in the entry above's number line %v", i+1, onPage, numberLines[i-1])
		}
		t.Logf("entry %d: outline %v, own number line %v", i+1, onPage, own)
	}
}

// holdsLine reports whether the outline takes in the line's middle, top to bottom, and its
// start (the "Số:" label).
func holdsLine(outline, line image.Rectangle) bool {
	mid := (line.Min.Y + line.Max.Y) / 2
	return outline.Min.Y <= mid && mid <= outline.Max.Y && outline.Min.X <= line.Min.X+(line.Dx())/4
}

// overlapsLine reports whether the outline covers more than a third of the line's height.
func overlapsLine(outline, line image.Rectangle) bool {
	in := outline.Intersect(line)
	return !in.Empty() && in.Dy()*3 > line.Dy()
}

// startPipeline runs the scan jobs (cleaning, OCR, extraction) with one worker for the test's
// database; without Tesseract the test is skipped locally and fails in CI.
func startPipeline(t testing.TB, b *bundle) {
	t.Helper()
	reader, err := ocr.New(ocr.Config{})
	if err != nil {
		testenv.Missing(t, "tesseract with vie data is not usable: %v", err)
	}
	t.Cleanup(func() { reader.Close() })
	workers := river.NewWorkers()
	pipeline.Register(workers, b.store, b.objects, reader, storagetest.Logger(t))
	runner, err := b.store.NewJobRunner(workers, 1, storagetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { runner.Stop(context.Background()) })
}

// sendPage uploads a page image to the test's ledger as a station does and waits until its
// entries are in review; it returns the scan.
func (b *bundle) sendPage(t testing.TB, page []byte, number int) int64 {
	t.Helper()
	ctx := context.Background()
	res, err := upload.New(b.store, b.objects, upload.Config{}, storagetest.Logger(t)).Upload(ctx,
		upload.Request{LedgerID: b.ledger.ID, Page: number, From: "test", Body: bytes.NewReader(page)})
	if err != nil {
		t.Fatal(err)
	}
	id := res.Scans[0].ID
	for end := time.Now().Add(5 * time.Minute); ; time.Sleep(200 * time.Millisecond) {
		sc, err := b.store.Scan(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if sc.Status == domain.ScanInReview {
			return id
		}
		if sc.Status == domain.ScanFailed || time.Now().After(end) {
			t.Fatalf("scan %d: %s %s", id, sc.Status, sc.Error)
		}
	}
}
