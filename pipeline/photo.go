package pipeline

import (
	"context"
	"fmt"
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// flatPage turns a phone photo into the flat 300-dpi page the scan is (its side of a spread);
// a scan is returned as it is. A photo was judged sharp enough when it was uploaded (the
// capture verdict); the page made from it is upsampled, so the scan's blur limit does not apply
// and the options say so.
func flatPage(ctx context.Context, img image.Image, info imaging.Info, sc domain.Scan, opts *imaging.Options) (image.Image, imaging.Info, error) {
	if !photo.IsPhoto(img, info) {
		return img, info, nil
	}
	opts.MinBlur = 1
	res, err := photo.Flatten(ctx, img, photo.Options{})
	if err != nil {
		if ctx.Err() != nil {
			return nil, info, err
		}
		return nil, info, domain.Permanent(fmt.Sprintf("không tìm thấy trang trong ảnh / no page found in the photo (%v)", err), err)
	}
	for _, p := range res.Pages {
		if string(p.Side) == sc.Side {
			info.DPI = 300
			return p.Image, info, nil
		}
	}
	if sc.Side == "" && len(res.Pages) > 0 {
		// Judged a single page at upload; take the first, the page the number was given to.
		info.DPI = 300
		return res.Pages[0].Image, info, nil
	}
	return nil, info, domain.Permanent(fmt.Sprintf("ảnh không còn thấy trang %s / the photo no longer shows its %s page", sc.Side, sc.Side), nil)
}
