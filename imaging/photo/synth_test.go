package photo_test

import (
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging/photo"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

var (
	photoPages = flag.Int("photo-pages", 5, "pages photographed by TestFlattenSyntheticPhotos (the figures in the README come from 30)")
	photoDir   = flag.String("photo-dir", "", "write the flattened pages of the synthetic photos here, to look at")
	photoOnly  = flag.Int("photo-only", -1, "flatten only this photo (0-based), to look into it")
	photoSeed  = flag.Int64("photo-seed", 11, "seed of the synthetic corpus photographed (the dewarp was tuned on 11; other seeds measure it on pages it has not seen)")
)

// measured is what flattening one synthetic page gave.
type measured struct {
	name      string
	cornerErr float64 // worst corner, as a share of the page's diagonal
	drift     float64 // worst line's vertical drift over its length, as a share of page height
	lines     int
	worst     string
}

// Synthetic phone photos (single pages and spreads, curled, unevenly lit, some with fingers):
// the corners found and the straightness of the lines after flattening.
func TestFlattenSyntheticPhotos(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders and flattens twelve-megapixel photos: not with -short or -race")
	}
	opts := synth.Options{Seed: *photoSeed, Pages: *photoPages}
	var all []measured
	for i, g := range synthphoto.Groups(opts.Seed, opts.Pages) {
		if *photoOnly >= 0 && i != *photoOnly {
			continue
		}
		ph, err := synthphoto.Render(opts, i, g, "")
		if err != nil {
			t.Fatal(err)
		}
		res, err := photo.Flatten(context.Background(), ph.Image, photo.Options{})
		if err != nil {
			t.Fatalf("%s: %v", ph.Name(), err)
		}
		if len(res.Pages) != len(ph.Pages) {
			t.Errorf("%s: got %d pages, want %d", ph.Name(), len(res.Pages), len(ph.Pages))
			continue
		}
		if res.Verdict.Retake {
			t.Errorf("%s: a good photo refused: %+v", ph.Name(), res.Verdict)
		}
		for k, p := range ph.Pages {
			m := measure(t, p, res.Pages[k])
			m.name = fmt.Sprintf("%s %s", ph.Name(), p.Truth.Capture.Side)
			all = append(all, m)
			t.Logf("%s: corners off by %.2f%% of the diagonal (%s), worst line drift %.2f%% of the height over %d lines",
				m.name, 100*m.cornerErr, m.worst, 100*m.drift, m.lines)
			if *photoDir != "" {
				save(t, filepath.Join(*photoDir, p.Name()+".flat.png"), res.Pages[k].Image)
			}
		}
	}
	corners, straight := 0, 0
	var drifts []float64
	for _, m := range all {
		if m.cornerErr <= 0.01 {
			corners++
		}
		if m.drift < 0.005 {
			straight++
		}
		drifts = append(drifts, m.drift)
	}
	slices.Sort(drifts)
	t.Logf("%d pages: corners within 1%% of the diagonal on %d (%.0f%%); line drift under 0.5%% of the height on %d; median drift %.2f%%, worst %.2f%%",
		len(all), corners, 100*float64(corners)/float64(len(all)), straight, 100*drifts[len(drifts)/2], 100*drifts[len(drifts)-1])
	if float64(corners) < 0.95*float64(len(all)) {
		t.Errorf("corners within 1%% of the diagonal on %d of %d pages, want at least 95%%", corners, len(all))
	}
	if float64(straight) < 0.95*float64(len(all)) {
		t.Errorf("lines straight to 0.5%% of the page height on %d of %d pages, want at least 95%%", straight, len(all))
	}
}

func measure(t *testing.T, truth synth.Page, got photo.Page) measured {
	c := truth.Truth.Capture
	q := photo.Quad{}
	for i, p := range c.Corners {
		q[i] = photo.Point{X: p[0], Y: p[1]}
	}
	diag := math.Hypot(q[0].X-q[2].X, q[0].Y-q[2].Y)
	m := measured{}
	for i := range 4 {
		e := math.Hypot(q[i].X-got.Corners[i].X, q[i].Y-got.Corners[i].Y) / diag
		if e > m.cornerErr {
			m.cornerErr, m.worst = e, fmt.Sprintf("corner %d off by (%.0f, %.0f) px", i, got.Corners[i].X-q[i].X, got.Corners[i].Y-q[i].Y)
		}
	}
	flat := got.Image
	if flat.Rect.Dx() != truth.Clean.Rect.Dx() || flat.Rect.Dy() != truth.Clean.Rect.Dy() {
		t.Errorf("flattened page is %v, want the page's %v", flat.Rect.Size(), truth.Clean.Rect.Size())
		m.drift = 1
		return m
	}
	for _, ln := range truth.Truth.Lines {
		b := ln.CleanBox
		if b[2]-b[0] < flat.Rect.Dx()/3 {
			continue // short lines say little about bending
		}
		if d, ok := lineDrift(truth.Clean, flat, b); ok {
			m.drift = max(m.drift, d/float64(flat.Rect.Dy()))
			m.lines++
		}
	}
	return m
}

// lineDrift compares where a line's ink sits, segment by segment along it, in the clean
// rendering and in the flattened page: the spread of the differences is how far the line
// drifts up or down over its length in the flattened page.
func lineDrift(clean, flat *image.Gray, b domain.Box) (float64, bool) {
	const segs, pad = 8, 60
	offset := bestOffset(clean, flat, b, pad)
	var diffs []float64
	for s := range segs {
		x0 := b[0] + (b[2]-b[0])*s/segs
		x1 := b[0] + (b[2]-b[0])*(s+1)/segs
		cy, cw := centroid(clean, x0, x1, b[1]-4, b[3]+4)
		fy, fw := centroid(flat, x0, x1, b[1]-4+offset, b[3]+4+offset)
		if cw < 200 || fw < 200 {
			continue
		}
		diffs = append(diffs, fy-cy)
	}
	if len(diffs) < segs/2 {
		return 0, false
	}
	return slices.Max(diffs) - slices.Min(diffs), true
}

// bestOffset is how far down the line sits in flat compared with clean, within pad.
func bestOffset(clean, flat *image.Gray, b domain.Box, pad int) int {
	prof := func(g *image.Gray, y int) float64 {
		if y < 0 || y >= g.Rect.Dy() {
			return 0
		}
		s := 0.0
		for x := b[0]; x < b[2]; x++ {
			s += 255 - float64(g.Pix[y*g.Stride+x])
		}
		return s
	}
	best, bo := -1.0, 0
	for d := -pad; d <= pad; d++ {
		s := 0.0
		for y := b[1]; y < b[3]; y++ {
			s += prof(clean, y) * prof(flat, y+d)
		}
		if s > best {
			best, bo = s, d
		}
	}
	return bo
}

func centroid(g *image.Gray, x0, x1, y0, y1 int) (float64, float64) {
	var sy, sw float64
	for y := max(0, y0); y < min(g.Rect.Dy(), y1); y++ {
		for x := x0; x < x1; x++ {
			if v := 255 - float64(g.Pix[y*g.Stride+x]); v > 100 {
				sy += v * float64(y)
				sw += v
			}
		}
	}
	if sw == 0 {
		return 0, 0
	}
	return sy / sw, sw / 255
}

func save(t *testing.T, path string, g image.Image) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, g); err != nil {
		t.Fatal(err)
	}
}
