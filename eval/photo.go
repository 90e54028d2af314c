package eval

import (
	"context"
	"fmt"
	"image"

	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// decode is the page eval reads: the image file, or for a page photographed (sohoa synth
// --capture photo) its side of the photo, flattened as the pipeline flattens it.
func (p *evalPage) decode(ctx context.Context) (image.Image, imaging.Info, error) {
	img, info, err := imaging.DecodeFile(p.path)
	if err != nil || p.truth.Capture == nil {
		return img, info, err
	}
	if !photo.IsPhoto(img, info) {
		return nil, info, fmt.Errorf("%s is not taken for a photo", p.path)
	}
	res, err := photo.Flatten(ctx, img, photo.Options{})
	if err != nil {
		return nil, info, fmt.Errorf("flatten %s: %w", p.path, err)
	}
	for _, pg := range res.Pages {
		if string(pg.Side) == p.truth.Capture.Side {
			info.DPI = 300
			return pg.Image, info, nil
		}
	}
	return nil, info, fmt.Errorf("%s: no %q page found (%d pages)", p.path, p.truth.Capture.Side, len(res.Pages))
}
