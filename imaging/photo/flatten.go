package photo

import (
	"context"
	"errors"
	"fmt"
	"image"
	"math"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// Side says which page of a spread a page is.
type Side string

// Sides; a photo of a single page has one page with side Whole.
const (
	Whole Side = ""
	Left  Side = "left"
	Right Side = "right"
)

// Options tunes Flatten. The zero value suits register pages.
type Options struct {
	// Paper forces the page size: "A4" or "A3"; empty chooses from the photo (A4, unless the
	// photo holds more detail than A4 at 300 dpi can keep).
	Paper string
	// CollectSteps keeps intermediate images in Result.Steps.
	CollectSteps bool
}

// Page is one page found in a photo.
type Page struct {
	Side    Side
	Corners Quad        // top-left, top-right, bottom-right, bottom-left, in the photo's pixels
	Image   *image.Gray // the flat page at 300 dpi; nil from Inspect
}

// Result is what Flatten (or Inspect) found in a photo.
type Result struct {
	Pages   []Page
	Spread  bool
	Verdict Verdict
	Steps   []imaging.Step // only with Options.CollectSteps
}

// proxyLong is the long side of the copy the geometry is found on.
const proxyLong = 1400

// plan is the geometry found on the proxy, ready for the one pass over the full photo.
type plan struct {
	gray   *image.Gray // full photo, grey
	proxy  *image.Gray
	factor float64 // photo pixels per proxy pixel
	out    outline
	pages  []planned
	spread bool
}

type planned struct {
	side  Side
	quad  Quad // proxy pixels
	w, h  int  // output size
	field *field
	rect  *image.Gray // rectified proxy, for the steps
}

// Inspect finds the pages of a photo and judges it, without making the pages: what an upload
// needs to know (how many pages, and whether to ask for another photo), on a small copy.
func Inspect(ctx context.Context, img image.Image) (*Result, error) {
	pl, err := analyse(ctx, img, Options{}, false)
	if errors.Is(err, errNoPage) {
		return &Result{Verdict: Verdict{Retake: true, Problems: []Problem{ProblemNoPage}}}, nil
	}
	if err != nil {
		return nil, err
	}
	return pl.result(), nil
}

// Flatten finds the page or pages in a photo and returns each one flat, at 300 dpi, evenly lit
// and without what surrounds it. It fails with domain.ErrInvalid when no page can be found.
func Flatten(ctx context.Context, img image.Image, opts Options) (*Result, error) {
	pl, err := analyse(ctx, img, opts, true)
	if err != nil {
		return nil, err
	}
	res := pl.result()
	if opts.CollectSteps {
		res.Steps = append(res.Steps, imaging.Step{Name: "photo-outline", Image: drawOutline(pl)})
	}
	for i, pp := range pl.pages {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("flatten photo: %w", err)
		}
		h, ok := rectToQuad(float64(pp.w), float64(pp.h), pp.quad.scale(pl.factor))
		if !ok {
			return nil, fmt.Errorf("flatten photo: degenerate page outline: %w", domain.ErrInvalid)
		}
		page := remap(pl.gray, h, pp.field, pp.w, pp.h, 255)
		lit := imaging.FlattenBackground(page, 50)
		cut := cutAway(page, lit)
		if opts.CollectSteps {
			n := string(pp.side)
			if n == "" {
				n = "page"
			}
			res.Steps = append(res.Steps,
				imaging.Step{Name: "photo-" + n + "-perspective", Image: pp.rect},
				imaging.Step{Name: "photo-" + n + "-dewarped", Image: page},
				imaging.Step{Name: "photo-" + n + "-light", Image: lit},
				imaging.Step{Name: "photo-" + n + "-cut", Image: cut})
		}
		res.Pages[i].Image = cut
	}
	return res, nil
}

func (pl *plan) result() *Result {
	res := &Result{Spread: pl.spread}
	for _, pp := range pl.pages {
		res.Pages = append(res.Pages, Page{Side: pp.side, Corners: pp.quad.scale(pl.factor)})
	}
	res.Verdict = judge(pl)
	return res
}

// analyse finds the outline, the gutter and, when dewarp is set, each page's displacement.
func analyse(ctx context.Context, img image.Image, opts Options, dewarp bool) (*plan, error) {
	g := imaging.Grayscale(img)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	f := max(1, int(math.Ceil(float64(max(w, h))/proxyLong)))
	pl := &plan{gray: g, proxy: shrink(g, f), factor: float64(f)}
	var err error
	if pl.out, err = findOutline(pl.proxy); err != nil {
		return nil, fmt.Errorf("flatten photo: %w: %w", domain.ErrInvalid, err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q := pl.out.quad
	ow, oh := int(q.width()), int(q.height())
	whole, hm, ok := warpQuad(pl.proxy, q, ow, oh)
	if !ok {
		return nil, fmt.Errorf("flatten photo: %w: degenerate page outline", domain.ErrInvalid)
	}
	sides := []struct {
		side Side
		quad Quad
		ref  float64
	}{{Whole, q, 0.5}}
	if t, b, ok := gutter(whole); ok {
		gx, gy := hm.apply(t*float64(ow), 0)
		bx, by := hm.apply(b*float64(ow), float64(oh))
		gt, gb := Point{gx, gy}, Point{bx, by}
		// The fitted edges pass through the flat outer parts of the pages; at the gutter the
		// curled paper ends nearer the middle: follow the fold to where the paper starts.
		gt, gb = pl.out.snap(gt, gb, pl.proxy.Rect.Dx()), pl.out.snap(gb, gt, pl.proxy.Rect.Dx())
		pl.spread = true
		sides = sides[:0]
		sides = append(sides, struct {
			side Side
			quad Quad
			ref  float64
		}{Left, Quad{q[0], gt, gb, q[3]}, 0.2}, struct {
			side Side
			quad Quad
			ref  float64
		}{Right, Quad{gt, q[1], q[2], gb}, 0.8})
	}
	for _, s := range sides {
		pw, ph := paperSize(s.quad.width()*pl.factor, s.quad.height()*pl.factor, opts.Paper)
		pp := planned{side: s.side, quad: s.quad, w: pw, h: ph}
		if dewarp {
			rw := max(8, int(s.quad.width()))
			rh := max(8, int(float64(rw)*float64(ph)/float64(pw)))
			pp.rect, _, _ = warpQuad(pl.proxy, s.quad, rw, rh)
			if pp.rect != nil {
				pp.field = estimateField(pp.rect, s.ref, pw, ph)
			}
		}
		pl.pages = append(pl.pages, pp)
	}
	return pl, nil
}
