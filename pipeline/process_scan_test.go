package pipeline_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"testing"
	"time"

	"github.com/riverqueue/river"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/pipeline"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

type bundle struct {
	store   *storage.Store
	objects *storage.Objects
	ledger  domain.Ledger
}

func setup(t *testing.T) bundle {
	t.Helper()
	ctx := context.Background()
	b := bundle{store: storagetest.Store(t), objects: storagetest.Objects(t)}
	b.ledger = domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, YearFrom: 1990, YearTo: 1995}
	if err := b.store.CreateLedger(ctx, &b.ledger); err != nil {
		t.Fatal(err)
	}
	workers := river.NewWorkers()
	pipeline.Register(workers, b.store, b.objects, storagetest.Logger(t))
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

// upload stores data as an original and inserts its scan with the processing job, as the upload API does.
func (b bundle) upload(t *testing.T, page int, data []byte) domain.Scan {
	t.Helper()
	ctx := context.Background()
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	sc := domain.Scan{LedgerID: b.ledger.ID, Page: page, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes, ContentType: "image/png"}
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		if err := tx.InsertScan(ctx, &sc); err != nil {
			return err
		}
		return tx.Enqueue(ctx, domain.ProcessScanJob{ScanID: sc.ID})
	})
	if err != nil {
		t.Fatal(err)
	}
	return sc
}

func (b bundle) waitFor(t *testing.T, id int64, done func(domain.Scan) bool) domain.Scan {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		sc, err := b.store.Scan(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		if done(sc) {
			return sc
		}
		if time.Now().After(deadline) {
			t.Fatalf("scan %d still %+v after 30 s", id, sc)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func TestProcessScanMeasuresTheOriginal(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewGray(image.Rect(0, 0, 620, 877))); err != nil {
		t.Fatal(err)
	}
	sc := b.upload(t, 1, buf.Bytes())
	got := b.waitFor(t, sc.ID, func(s domain.Scan) bool { return s.Width != 0 })
	if got.Width != 620 || got.Height != 877 || got.Status == domain.ScanFailed {
		t.Fatalf("got %dx%d status %s, want 620x877 and not failed", got.Width, got.Height, got.Status)
	}
}

func TestProcessScanFailsAnUnreadablePageWithItsReason(t *testing.T) {
	t.Parallel()
	b := setup(t)
	sc := b.upload(t, 2, []byte("%PDF-1.4 this is not an image"))
	got := b.waitFor(t, sc.ID, func(s domain.Scan) bool { return s.Status == domain.ScanFailed })
	if got.Error == "" {
		t.Fatal("failed scan has no reason")
	}
	// A neighbour uploaded after the bad page is still processed.
	var buf bytes.Buffer
	_ = png.Encode(&buf, image.NewGray(image.Rect(0, 0, 300, 400)))
	ok := b.upload(t, 3, buf.Bytes())
	b.waitFor(t, ok.ID, func(s domain.Scan) bool { return s.Width == 300 })
}
