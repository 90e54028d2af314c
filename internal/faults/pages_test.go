//go:build faults

package faults_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"

	xdraw "golang.org/x/image/draw"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

// makePages renders a few synthetic birth-register pages and cuts n small, distinct pages from
// them: the top of a page (heading and first entries), so reading one is cheap, with the
// page's number drawn as dots in a corner so no two have the same bytes.
func makePages(ctx context.Context, n, height int, scale float64) ([][]byte, error) {
	var sources []image.Image
	err := synth.Generate(ctx, synth.Options{Seed: 17, Pages: 4, Kind: domain.KindBirth, Severity: synth.SeverityLight,
		Layout: synth.LayoutForm, PlainWording: true, Workers: 2}, func(p synth.Page) error {
		sources = append(sources, p.Image)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("synth: %w", err)
	}
	pages := make([][]byte, n)
	for i := range pages {
		src := sources[i%len(sources)]
		b := src.Bounds()
		h := min(height, b.Dy())
		w, ht := int(float64(b.Dx())*scale), int(float64(h)*scale)
		img := image.NewGray(image.Rect(0, 0, w, ht))
		xdraw.ApproxBiLinear.Scale(img, img.Bounds(), src, image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+h), xdraw.Src, nil)
		for bit := 0; bit < 16; bit++ { // the index, as dark dots in the bottom-right corner
			if i>>bit&1 == 1 {
				img.Pix[(ht-3)*img.Stride+w-4-2*bit] = 0
			}
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return nil, err
		}
		pages[i] = buf.Bytes()
	}
	return pages, nil
}

// drop puts a page into a station's folder the way a scanner would finish a file: written
// elsewhere on the same disk, then moved in whole.
func drop(stage, dir, name string, data []byte) error {
	tmp := filepath.Join(stage, name)
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(dir, name))
}
