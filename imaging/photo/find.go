package photo

import (
	"errors"
	"image"
)

// errNoPage means no page stands out from the background.
var errNoPage = errors.New("no page found against the background")

// outline is what page finding learns on the proxy, in proxy pixels.
type outline struct {
	quad    Quad
	mask    []bool // paper pixels, row-major over the proxy
	touches int    // photo edges the paper reaches along a long run (page cut off)
	area    float64
}

// findOutline finds the paper: a closing drops the writing, Otsu's threshold separates paper
// from desk, the largest bright region with its holes filled is the paper, and its four edges
// are lines fitted robustly to its boundary, whose crossings are the corners.
func findOutline(p *image.Gray) (outline, error) {
	w, h := p.Rect.Dx(), p.Rect.Dy()
	r := max(2, w/300)
	closed := rankFilter(rankFilter(p, r, true), r, false)
	t := otsu(histogramOf(closed))
	mask := largestRegion(closed, t)
	area := 0
	for _, m := range mask {
		if m {
			area++
		}
	}
	if area < w*h/10 {
		return outline{}, errNoPage
	}
	o := outline{mask: mask, area: float64(area)}
	q, ok := fitQuad(mask, w, h)
	if !ok {
		return outline{}, errNoPage
	}
	o.quad = q
	o.touches = edgesTouched(mask, w, h)
	return o, nil
}

// largestRegion is the biggest 4-connected region brighter than t, with its holes filled.
func largestRegion(g *image.Gray, t uint8) []bool {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	label, best := labelBright(g, t)
	// Everything not reachable from the photo's border without crossing the region is inside it.
	outside := fromBorder(w, h, func(k int) bool { return label[k] != best })
	mask := make([]bool, w*h)
	for i := range mask {
		mask[i] = !outside[i]
	}
	return mask
}

// labelBright labels the 4-connected regions of pixels brighter than t (1, 2, …; 0 for the
// others) and returns the labels with the largest region's.
func labelBright(g *image.Gray, t uint8) (label []int32, best int32) {
	w, h := g.Rect.Dx(), g.Rect.Dy()
	label = make([]int32, w*h)
	bestN := 0
	next := int32(1)
	stack := []int{}
	for i := range label {
		if label[i] != 0 || g.Pix[(i/w)*g.Stride+i%w] <= t {
			continue
		}
		n := 0
		label[i] = next
		stack = append(stack[:0], i)
		for len(stack) > 0 {
			j := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			n++
			x := j % w
			for _, k := range [4]int{j - 1, j + 1, j - w, j + w} {
				switch {
				case k == j-1 && x == 0, k == j+1 && x == w-1, k < 0, k >= w*h:
					continue
				}
				if label[k] == 0 && g.Pix[(k/w)*g.Stride+k%w] > t {
					label[k] = next
					stack = append(stack, k)
				}
			}
		}
		if n > bestN {
			best, bestN = next, n
		}
		next++
	}
	return label, best
}

// fitQuad finds the corners roughly as the extreme points along the diagonals, then fits a line
// to each edge's boundary points between them and intersects neighbouring lines.
func fitQuad(mask []bool, w, h int) (Quad, bool) {
	var c Quad
	var best [4]float64
	for i := range best {
		best[i] = -1e18
	}
	dirs := [4][2]float64{{-1, -1}, {1, -1}, {1, 1}, {-1, 1}}
	for y := range h {
		for x := range w {
			if !mask[y*w+x] {
				continue
			}
			for k, d := range dirs {
				if s := d[0]*float64(x) + d[1]*float64(y); s > best[k] {
					best[k], c[k] = s, Point{float64(x), float64(y)}
				}
			}
		}
	}
	top := scanEdge(mask, w, h, c[0].X, c[1].X, func(x int) (Point, bool) { return firstDown(mask, w, h, x) })
	bottom := scanEdge(mask, w, h, c[3].X, c[2].X, func(x int) (Point, bool) { return firstUp(mask, w, h, x) })
	left := scanEdge(mask, w, h, c[0].Y, c[3].Y, func(y int) (Point, bool) { return firstRight(mask, w, y) })
	right := scanEdge(mask, w, h, c[1].Y, c[2].Y, func(y int) (Point, bool) { return firstLeft(mask, w, y) })
	var ls [4]line
	for i, pts := range [][]Point{top, right, bottom, left} {
		l, ok := robustLine(pts)
		if !ok {
			return Quad{}, false
		}
		ls[i] = l
	}
	var q Quad
	for i := range 4 {
		p, ok := intersect(ls[(i+3)%4], ls[i]) // left∩top, top∩right, right∩bottom, bottom∩left
		if !ok {
			return Quad{}, false
		}
		q[i] = p
	}
	return q, true
}

// scanEdge samples an edge between two corner coordinates, leaving out a tenth at each end
// where the neighbouring edge and the rounding of corners interfere.
func scanEdge(_ []bool, _, _ int, a, b float64, at func(int) (Point, bool)) []Point {
	if a > b {
		a, b = b, a
	}
	lo, hi := int(a+(b-a)*0.08), int(b-(b-a)*0.08)
	var pts []Point
	for i := lo; i <= hi; i++ {
		if p, ok := at(i); ok {
			pts = append(pts, p)
		}
	}
	return pts
}

func firstDown(mask []bool, w, h, x int) (Point, bool) {
	for y := range h {
		if mask[y*w+x] {
			return Point{float64(x) + 0.5, float64(y)}, true
		}
	}
	return Point{}, false
}

func firstUp(mask []bool, w, h, x int) (Point, bool) {
	for y := h - 1; y >= 0; y-- {
		if mask[y*w+x] {
			return Point{float64(x) + 0.5, float64(y + 1)}, true
		}
	}
	return Point{}, false
}

func firstRight(mask []bool, w, y int) (Point, bool) {
	for x := range w {
		if mask[y*w+x] {
			return Point{float64(x), float64(y) + 0.5}, true
		}
	}
	return Point{}, false
}

func firstLeft(mask []bool, w, y int) (Point, bool) {
	for x := w - 1; x >= 0; x-- {
		if mask[y*w+x] {
			return Point{float64(x + 1), float64(y) + 0.5}, true
		}
	}
	return Point{}, false
}

// edgesTouched counts the photo's sides along which the paper runs for over a twentieth of
// the side: the page goes on beyond the photo there.
func edgesTouched(mask []bool, w, h int) int {
	count := func(n int, at func(int) bool) bool {
		run, best := 0, 0
		for i := range n {
			if at(i) {
				run++
				best = max(best, run)
			} else {
				run = 0
			}
		}
		return best > n/20
	}
	t := 0
	for _, b := range []bool{
		count(w, func(i int) bool { return mask[i] }),
		count(w, func(i int) bool { return mask[(h-1)*w+i] }),
		count(h, func(i int) bool { return mask[i*w] }),
		count(h, func(i int) bool { return mask[i*w+w-1] }),
	} {
		if b {
			t++
		}
	}
	return t
}

// snap moves the end p of the fold p–q to where the paper begins along it: inwards (towards q)
// while p is off the paper, outwards while the paper goes on. Columns a little to either side
// of the fold count too, as the fold itself may be too shaded to pass for paper.
func (o outline) snap(p, q Point, w int) Point {
	h := len(o.mask) / w
	dir := q.sub(p)
	n := dir.dist(Point{})
	if n < 1 {
		return p
	}
	dir = dir.scale(1 / n)
	side := Point{-dir.Y, dir.X}.scale(float64(w) / 100)
	paper := func(c Point) bool {
		for _, d := range []float64{-1, 0, 1} {
			x, y := int(c.X+side.X*d), int(c.Y+side.Y*d)
			if x >= 0 && y >= 0 && x < w && y < h && o.mask[y*w+x] {
				return true
			}
		}
		return false
	}
	limit := int(n / 15)
	if paper(p) {
		for k := 1; k <= limit; k++ {
			if c := p.sub(dir.scale(float64(k))); !paper(c) {
				return p.sub(dir.scale(float64(k) - 0.5))
			}
		}
		return p
	}
	for k := 1; k <= limit; k++ {
		if c := p.add(dir.scale(float64(k))); paper(c) {
			return p.add(dir.scale(float64(k) - 0.5))
		}
	}
	return p
}

// fromBorder marks the cells of a w×h grid reachable from its border through cells where pass
// holds, 4-connected.
func fromBorder(w, h int, pass func(i int) bool) []bool {
	reached := make([]bool, w*h)
	var stack []int
	push := func(k int) {
		if !reached[k] && pass(k) {
			reached[k] = true
			stack = append(stack, k)
		}
	}
	for x := range w {
		push(x)
		push((h-1)*w + x)
	}
	for y := range h {
		push(y * w)
		push(y*w + w - 1)
	}
	for len(stack) > 0 {
		j := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		x := j % w
		if x > 0 {
			push(j - 1)
		}
		if x < w-1 {
			push(j + 1)
		}
		if j >= w {
			push(j - w)
		}
		if j+w < w*h {
			push(j + w)
		}
	}
	return reached
}
