package imaging_test

import (
	"context"
	"testing"

	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/synth"
)

// BenchmarkCleanLedger cleans a rendered register page: the first page of
// `sohoa synth --seed 7 --severity medium`, 2480×3508 at 300 dpi, skewed 2.94° with a scanner
// border, stains, bleed-through and noise. scripts/bench-unpaper.sh runs unpaper on the same page.
func BenchmarkCleanLedger(b *testing.B) {
	page, err := synth.Render(synth.Options{Seed: 7, Severity: synth.SeverityMedium}, 0)
	if err != nil {
		b.Fatal(err)
	}
	if s := page.Image.Bounds().Size(); s.X != 2480 || s.Y != 3508 {
		b.Fatalf("page is %v, want 2480×3508", s)
	}
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		res, err := imaging.Clean(ctx, page.Image, imaging.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if res.Rescan {
			b.Fatalf("got rescan %+v, want none", res.Reasons)
		}
	}
}
