package imaging

import "image"

// CropBorder removes the dark bands a scanner leaves around a page: starting at each edge it
// drops rows (columns) while more than half of their pixels are darker than half the paper
// level, at most a quarter of the page per side. It returns a copy of the kept area and that
// area in g's coordinates; a page without such bands comes back whole.
func CropBorder(g *image.Gray) (*image.Gray, image.Rectangle) {
	sub, r := cropBorderView(g)
	return cloneGray(sub), r
}

// cropBorderView is CropBorder without the copy: the kept area is a sub-image sharing g's
// pixels, for callers that make their own new image from it anyway.
func cropBorderView(g *image.Gray) (*image.Gray, image.Rectangle) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	thr := uint8(paperLevel(g) / 2)
	row := func(y int) []uint8 { return g.Pix[g.PixOffset(g.Rect.Min.X, g.Rect.Min.Y+y):][:w] }
	darkRow := func(y, x0, x1 int) bool {
		n := 0
		for _, v := range row(y)[x0:x1] {
			if v < thr {
				n++
			}
		}
		return 2*n > x1-x0
	}
	top, bottom := 0, h
	for top < h/4 && darkRow(top, 0, w) {
		top++
	}
	for bottom > h-h/4 && darkRow(bottom-1, 0, w) {
		bottom--
	}
	// Count dark pixels per column in the outer quarters only, over the rows kept.
	q := w / 4
	cols := make([]int, w)
	for y := top; y < bottom; y++ {
		r := row(y)
		for x := 0; x < q; x++ {
			if r[x] < thr {
				cols[x]++
			}
		}
		for x := w - q; x < w; x++ {
			if r[x] < thr {
				cols[x]++
			}
		}
	}
	left, right := 0, w
	for left < q && 2*cols[left] > bottom-top {
		left++
	}
	for right > w-q && 2*cols[right-1] > bottom-top {
		right--
	}
	// Rows were judged across the full width; judge them again without the side bands.
	for top < h/4 && darkRow(top, left, right) {
		top++
	}
	for bottom > h-h/4 && darkRow(bottom-1, left, right) {
		bottom--
	}
	r := image.Rect(left, top, right, bottom)
	return g.SubImage(r.Add(g.Rect.Min)).(*image.Gray), r
}

// paperLevel estimates the brightness of the paper from the middle half of the page, where
// scanner borders cannot be: the 90th percentile grey level.
func paperLevel(g *image.Gray) int {
	b := g.Rect
	mid := image.Rect(b.Min.X+b.Dx()/4, b.Min.Y+b.Dy()/4, b.Max.X-b.Dx()/4, b.Max.Y-b.Dy()/4)
	if mid.Empty() {
		mid = b
	}
	return percentile(histogram(g.SubImage(mid).(*image.Gray)), 0.9)
}
