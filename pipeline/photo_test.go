package pipeline_test

import (
	"context"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

// A phone photo of an open book, uploaded once, becomes two pages (left N, right N+1); each is
// flattened, read, and its entries land in review with the values of its own page, not of the
// facing one.
func TestProcessScanReadsBothPagesOfASpreadPhoto(t *testing.T) {
	t.Parallel()
	b := setup(t)
	opts := synth.Options{Seed: 21, Kind: domain.KindBirth, Layout: synth.LayoutForm, Severity: synth.SeverityLight}
	pages, err := synthphoto.RenderPages(opts, []int{0, 1})
	if err != nil {
		t.Fatal(err)
	}
	ph, err := synthphoto.Photograph(pages, opts.Seed, 0, "")
	if err != nil {
		t.Fatal(err)
	}
	data, err := synthphoto.EncodeJPEG(ph.Image)
	if err != nil {
		t.Fatal(err)
	}
	scans := b.upload(t, 7, data)
	if len(scans) != 2 || scans[0].Page != 7 || scans[0].Side != "left" || scans[1].Page != 8 || scans[1].Side != "right" {
		t.Fatalf("got %+v, want pages 7 (left) and 8 (right)", scans)
	}
	for k, sc := range scans {
		got := b.waitFor(t, sc.ID, settled)
		if got.Status != domain.ScanInReview {
			t.Fatalf("page %d: got status %s (%s), want in_review", sc.Page, got.Status, got.Error)
		}
		truth := pages[k].Truth
		n, err := b.store.RecordCount(context.Background(), sc.ID)
		if err != nil || n != len(truth.Records) {
			t.Fatalf("page %d: got %d entries (%v), want its %d", sc.Page, n, err, len(truth.Records))
		}
		right, total := 0, 0
		for i := range n {
			rec, err := b.store.Record(context.Background(), firstRecordID(t, b, sc.ID, i))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range rec.Fields {
				if tf, ok := truth.Records[rec.Index].Field(f.Name); ok && tf.Printed {
					total++
					if tf.Value == f.Value {
						right++
					}
				}
			}
		}
		t.Logf("page %d (%s): %d of %d printed fields right", sc.Page, sc.Side, right, total)
		if right*100 < total*75 {
			t.Errorf("page %d: %d of %d printed fields right, want at least 75%%", sc.Page, right, total)
		}
	}
}
