package pipeline_test

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
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/upload"
)

type bundle struct {
	store   *storage.Store
	dbURL   string
	objects *storage.Objects
	ledger  domain.Ledger
}

func setup(t *testing.T) bundle {
	t.Helper()
	ctx := context.Background()
	b := bundle{objects: storagetest.Objects(t)}
	b.store, b.dbURL = storagetest.StoreURL(t)
	b.ledger = domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, YearFrom: 1975, YearTo: 1999}
	if err := b.store.CreateLedger(ctx, &b.ledger); err != nil {
		t.Fatal(err)
	}
	reader, err := ocr.New(ocr.Config{})
	if err != nil {
		testenv.Missing(t, "tesseract with vie data is not usable: %v", err)
	}
	t.Cleanup(func() { reader.Close() })
	workers := river.NewWorkers()
	pipeline.Register(workers, b.store, b.objects, reader, storagetest.Logger(t))
	runner, err := b.store.NewJobRunner(workers, 2, storagetest.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := runner.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { runner.Stop(context.Background()) })
	return b
}

// upload sends data through the upload service, the one way in the API and the capture page use.
func (b bundle) upload(t *testing.T, page int, data []byte) []domain.Scan {
	t.Helper()
	svc := upload.New(b.store, b.objects, upload.Config{TempDir: t.TempDir()}, storagetest.Logger(t))
	res, err := svc.Upload(context.Background(), upload.Request{LedgerID: b.ledger.ID, Page: page, From: "test", Body: bytes.NewReader(data)})
	if err != nil {
		t.Fatal(err)
	}
	return res.Scans
}

// plant stores data and commits its scan beneath the upload service, which would refuse it: for
// checking the pipeline's own defence against an original that is not an image.
func (b bundle) plant(t *testing.T, page int, data []byte) domain.Scan {
	t.Helper()
	ctx := context.Background()
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sc := domain.Scan{LedgerID: b.ledger.ID, Page: page, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes, ContentType: "image/png"}
	scans, _, err := b.store.CommitScans(ctx, "test-plant", []domain.Scan{sc})
	if err != nil {
		t.Fatal(err)
	}
	return scans[0]
}

func (b bundle) waitFor(t *testing.T, id int64, done func(domain.Scan) bool) domain.Scan {
	t.Helper()
	deadline := time.Now().Add(3 * time.Minute)
	for {
		sc, err := b.store.Scan(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if done(sc) {
			return sc
		}
		if time.Now().After(deadline) {
			t.Fatalf("scan %d still %+v after 3 minutes", id, sc)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func settled(s domain.Scan) bool {
	return s.Status == domain.ScanInReview || s.Status == domain.ScanFailed
}

// TestProcessScanPutsEntriesInReview takes a rendered birth-register page through the whole
// pipeline: it is cleaned, read, and its entries land in the review queue with their fields,
// boxes on the stored cleaned page, and values matching the page's ground truth.
func TestProcessScanPutsEntriesInReview(t *testing.T) {
	t.Parallel()
	b := setup(t)
	p, err := synth.Render(synth.Options{Seed: 5, Kind: domain.KindBirth, Layout: synth.LayoutForm, Severity: synth.SeverityLight}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Image); err != nil {
		t.Fatal(err)
	}
	sc := b.upload(t, 1, buf.Bytes())[0]
	got := b.waitFor(t, sc.ID, settled)
	if got.Status != domain.ScanInReview {
		t.Fatalf("got status %s (%s), want in_review", got.Status, got.Error)
	}
	if got.Width != p.Image.Bounds().Dx() {
		t.Errorf("got width %d, want the original's %d", got.Width, p.Image.Bounds().Dx())
	}
	n, err := b.store.RecordCount(context.Background(), sc.ID)
	if err != nil || n != len(p.Truth.Records) {
		t.Fatalf("got %d entries (%v), want the page's %d", n, err, len(p.Truth.Records))
	}
	// Read the entries back and compare with the truth.
	right, total := 0, 0
	for i := range n {
		recID := firstRecordID(t, b, sc.ID, i)
		rec, err := b.store.Record(context.Background(), recID)
		if err != nil {
			t.Fatal(err)
		}
		place, err := b.store.RecordPlace(context.Background(), recID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(place.ImageKey, "derived/scans/") || place.Width == 0 {
			t.Fatalf("entry image %q %dx%d, want the stored cleaned page", place.ImageKey, place.Width, place.Height)
		}
		if len(rec.Fields) != len(domain.KindBirth.Fields()) {
			t.Fatalf("got %d fields, want %d", len(rec.Fields), len(domain.KindBirth.Fields()))
		}
		truth := p.Truth.Records[rec.Index]
		for _, f := range rec.Fields {
			total++
			if tf, ok := truth.Field(f.Name); ok && tf.Value == f.Value {
				right++
			}
			if f.Box != nil && (f.Box[2] > place.Width || f.Box[3] > place.Height) {
				t.Errorf("field %s box %v outside the %dx%d cleaned page", f.Name, *f.Box, place.Width, place.Height)
			}
		}
	}
	if right*100 < total*80 {
		t.Errorf("got %d of %d fields right, want at least 80%% on a light page", right, total)
	}
	t.Logf("%d of %d fields right", right, total)
}

func TestProcessScanFailsAnUnreadablePageWithItsReason(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sc := b.plant(t, 2, []byte("%PDF-1.4 this is not an image"))
	got := b.waitFor(t, sc.ID, settled)
	if got.Status != domain.ScanFailed || got.Error == "" {
		t.Fatalf("got %s %q, want failed with a reason", got.Status, got.Error)
	}
	// A dark, empty page is sent back for rescanning with the reason.
	dark := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range dark.Pix {
		dark.Pix[i] = 30
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, dark)
	sc = b.upload(t, 3, buf.Bytes())[0]
	got = b.waitFor(t, sc.ID, settled)
	if got.Status != domain.ScanFailed || !strings.Contains(got.Error, "quét lại") {
		t.Fatalf("dark page: got %s %q, want failed with a rescan reason", got.Status, got.Error)
	}
}

// firstRecordID finds the entry with index idx on a scan.
func firstRecordID(t *testing.T, b bundle, scanID int64, idx int) int64 {
	t.Helper()
	return storagetest.RecordID(t, b.dbURL, scanID, idx)
}
