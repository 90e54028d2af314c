package review_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// seedOnPage is seed for tests whose screens go into the README: with -screenshots the n
// entries (at most 3) are those of a rendered register page, with their values, boxes and
// outlines, so the page and the crops show what the fields hold; otherwise it is seed.
func (b *bundle) seedOnPage(t testing.TB, ledger domain.Ledger, n int) []int64 {
	t.Helper()
	if *screenshots == "" {
		return b.seed(t, ledger, n)
	}
	ctx := context.Background()
	p := renderedPage(t)
	if n > len(p.Truth.Records) {
		t.Fatalf("the rendered page has %d entries, want %d", len(p.Truth.Records), n)
	}
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(append(bytes.Clone(p.Encoded), []byte(fmt.Sprint(13, ledger.ID))...)))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: 13, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: p.Image.Bounds().Dx(), Height: p.Image.Bounds().Dy()}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		for i := range n {
			pg := synthEntry(t, p, i)
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: domain.KindBirth, Confidence: 0.5 + 0.4*float64(i)/float64(n), Box: pg.entry}
			for pos, name := range domain.KindBirth.Fields() {
				r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, OCRText: pg.written[name], Value: pg.values[name],
					Confidence: 0.9, Box: pg.boxes[name]})
			}
			if err := tx.InsertRecord(ctx, r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}
