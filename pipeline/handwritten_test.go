package pipeline_test

import (
	"bytes"
	"context"
	"image/png"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

// TestProcessScanStoresHandwrittenFields sends a handwritten birth-register page through the
// pipeline: its fields are stored as handwritten, with boxes in both the cleaned page and the
// original, and no handwritten name is stored as a value; names come with the issue telling
// the clerk to key them from the image.
func TestProcessScanStoresHandwrittenFields(t *testing.T) {
	t.Parallel()
	b := setup(t)
	p, err := synth.Render(synth.Options{Seed: 11, Kind: domain.KindBirth, Layout: synth.LayoutForm,
		Severity: synth.SeverityLight, Script: synth.ScriptHand}, 0)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Image); err != nil {
		t.Fatal(err)
	}
	sc := b.upload(t, 1, buf.Bytes())[0]
	if got := b.waitFor(t, sc.ID, settled); got.Status != domain.ScanInReview {
		t.Fatalf("got status %s (%s), want in_review", got.Status, got.Error)
	}
	rec, err := b.store.Record(context.Background(), firstRecordID(t, b, sc.ID, 0))
	if err != nil {
		t.Fatal(err)
	}
	if rec.BoxOriginal == nil {
		t.Fatal("record has no box_original")
	}
	hand, keyIt := 0, 0
	for _, f := range rec.Fields {
		if f.Handwritten {
			hand++
		}
		if f.Name == "full_name" || f.Name == "father_name" || f.Name == "mother_name" {
			if f.Value != "" || !f.NeedsReview {
				t.Errorf("%s: got value %q needs_review %v, want empty and for review", f.Name, f.Value, f.NeedsReview)
			}
			if f.Box == nil || f.BoxOriginal == nil {
				t.Errorf("%s: got boxes %v / %v, want both kept for the crop", f.Name, f.Box, f.BoxOriginal)
			}
		}
		for _, is := range f.Issues {
			if is.Code == "handwritten" && is.VI == "Viết tay — nhập theo ảnh" {
				keyIt++
			}
		}
	}
	if hand < len(rec.Fields)/2 || keyIt < 3 {
		t.Fatalf("got %d handwritten fields and %d marked to key from the image, of %d", hand, keyIt, len(rec.Fields))
	}
	truth := p.Truth.Records[rec.Index]
	tf, _ := truth.Field("full_name")
	for _, f := range rec.Fields {
		if f.Name == "full_name" && f.BoxOriginal != nil && overlap(*f.BoxOriginal, *tf.Box) < 0.5 {
			t.Errorf("full_name box_original %v, truth box %v: IoU below 0.5", *f.BoxOriginal, *tf.Box)
		}
	}
}

func overlap(a domain.Box, b domain.Box) float64 {
	ix := min(a[2], b[2]) - max(a[0], b[0])
	iy := min(a[3], b[3]) - max(a[1], b[1])
	if ix <= 0 || iy <= 0 {
		return 0
	}
	in := float64(ix * iy)
	return in / (float64((a[2]-a[0])*(a[3]-a[1])+(b[2]-b[0])*(b[3]-b[1])) - in)
}
