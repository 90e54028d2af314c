package photo

import (
	"image"
	"image/color"
	"image/draw"
)

// cutAway whitens, in the evenly lit page g, what is not page: a thin margin where the desk or
// the facing page may show past an imprecise edge, and large dark shapes that reach in from
// the edge of the page as photographed (raw): fingers holding the book open. Writing is thin:
// at an eighth of the size, after a small dilation of the paper, it is gone, and what is left
// much darker than the paper and touching the edge is not page. A region over a sixth of the
// page is left alone (a shadow over writing is the lighting's business, not this).
func cutAway(raw, g *image.Gray) *image.Gray {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	const f = 8
	small := rankFilter(shrink(raw, f), 2, true)
	sw, sh := small.Rect.Dx(), small.Rect.Dy()
	paper := float64(percentileOf(small, 0.9))
	dark := func(i int) bool { return float64(small.Pix[(i/sw)*small.Stride+i%sw]) < 0.72*paper }
	seen := fromBorder(sw, sh, dark)
	out := image.NewGray(g.Rect)
	copy(out.Pix, g.Pix)
	white := image.NewUniform(color.Gray{255})
	n := 0
	for _, s := range seen {
		if s {
			n++
		}
	}
	for i, s := range seen {
		if s && n < sw*sh/6 {
			x, y := (i%sw)*f, (i/sw)*f
			draw.Draw(out, image.Rect(x-f, y-f, x+2*f, y+2*f).Intersect(out.Rect), white, image.Point{}, draw.Src)
		}
	}
	m := max(4, w/250)
	for _, r := range []image.Rectangle{
		image.Rect(0, 0, w, m), image.Rect(0, h-m, w, h), image.Rect(0, 0, m, h), image.Rect(w-m, 0, w, h),
	} {
		draw.Draw(out, r, white, image.Point{}, draw.Src)
	}
	return out
}

// drawOutline is the proxy with the pages found drawn on it, for the steps.
func drawOutline(pl *plan) *image.Gray {
	g := image.NewGray(pl.proxy.Rect)
	copy(g.Pix, pl.proxy.Pix)
	for _, pp := range pl.pages {
		for i := range 4 {
			a, b := pp.quad[i], pp.quad[(i+1)%4]
			n := int(a.dist(b)) + 1
			for k := 0; k <= n; k++ {
				p := lerp(a, b, float64(k)/float64(n))
				for d := -1; d <= 1; d++ {
					x, y := int(p.X)+d, int(p.Y)
					if image.Pt(x, y).In(g.Rect) {
						g.SetGray(x, y, color.Gray{0})
					}
					if image.Pt(int(p.X), y+d).In(g.Rect) {
						g.SetGray(int(p.X), y+d, color.Gray{0})
					}
				}
			}
		}
	}
	return g
}
