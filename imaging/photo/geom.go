package photo

import "math"

// Point is a position in pixels.
type Point struct{ X, Y float64 }

// Quad is a page outline: top-left, top-right, bottom-right, bottom-left.
type Quad [4]Point

func (p Point) sub(q Point) Point      { return Point{p.X - q.X, p.Y - q.Y} }
func (p Point) add(q Point) Point      { return Point{p.X + q.X, p.Y + q.Y} }
func (p Point) scale(f float64) Point  { return Point{p.X * f, p.Y * f} }
func (p Point) dist(q Point) float64   { return math.Hypot(p.X-q.X, p.Y-q.Y) }
func lerp(p, q Point, t float64) Point { return Point{p.X + (q.X-p.X)*t, p.Y + (q.Y-p.Y)*t} }
func (q Quad) scale(f float64) Quad {
	return Quad{q[0].scale(f), q[1].scale(f), q[2].scale(f), q[3].scale(f)}
}
func (q Quad) width() float64    { return (q[0].dist(q[1]) + q[3].dist(q[2])) / 2 }
func (q Quad) height() float64   { return (q[0].dist(q[3]) + q[1].dist(q[2])) / 2 }
func (q Quad) diagonal() float64 { return math.Hypot(q.width(), q.height()) }

// Area is the quadrilateral's area (shoelace formula).
func (q Quad) Area() float64 {
	s := 0.0
	for i := range 4 {
		a, b := q[i], q[(i+1)%4]
		s += a.X*b.Y - b.X*a.Y
	}
	return math.Abs(s) / 2
}

// line is a*x + b*y = c with a² + b² = 1.
type line struct{ a, b, c float64 }

// fitLine fits a line to points by total least squares.
func fitLine(pts []Point) (line, bool) {
	if len(pts) < 2 {
		return line{}, false
	}
	var mx, my float64
	for _, p := range pts {
		mx += p.X
		my += p.Y
	}
	n := float64(len(pts))
	mx, my = mx/n, my/n
	var sxx, sxy, syy float64
	for _, p := range pts {
		dx, dy := p.X-mx, p.Y-my
		sxx += dx * dx
		sxy += dx * dy
		syy += dy * dy
	}
	// The normal is the eigenvector of the smaller eigenvalue of the scatter matrix.
	theta := 0.5 * math.Atan2(2*sxy, sxx-syy) // direction of the line
	a, b := -math.Sin(theta), math.Cos(theta)
	return line{a, b, a*mx + b*my}, true
}

func (l line) dist(p Point) float64 { return math.Abs(l.a*p.X + l.b*p.Y - l.c) }

// robustLine fits a line, then refits twice on the points closest to it, so that a finger or a
// shadow over part of an edge does not pull the line.
func robustLine(pts []Point) (line, bool) {
	l, ok := fitLine(pts)
	for range 3 {
		if !ok || len(pts) < 8 {
			return l, ok
		}
		ds := make([]float64, len(pts))
		for i, p := range pts {
			ds[i] = l.dist(p)
		}
		lim := quantile(ds, 0.6)
		keep := pts[:0:0]
		for i, p := range pts {
			if ds[i] <= max(lim, 0.75) {
				keep = append(keep, p)
			}
		}
		pts = keep
		l, ok = fitLine(pts)
	}
	return l, ok
}

func intersect(l, m line) (Point, bool) {
	det := l.a*m.b - l.b*m.a
	if math.Abs(det) < 1e-9 {
		return Point{}, false
	}
	return Point{(l.c*m.b - l.b*m.c) / det, (l.a*m.c - l.c*m.a) / det}, true
}

// homography maps (u, v) in a rectangle to (x, y) in the photo.
type homography [9]float64

func (h homography) apply(u, v float64) (float64, float64) {
	w := h[6]*u + h[7]*v + h[8]
	return (h[0]*u + h[1]*v + h[2]) / w, (h[3]*u + h[4]*v + h[5]) / w
}

// rectToQuad is the homography taking the rectangle [0,w]×[0,h] to q (corners in order).
func rectToQuad(w, h float64, q Quad) (homography, bool) {
	src := [4]Point{{0, 0}, {w, 0}, {w, h}, {0, h}}
	var m [8][9]float64
	for i := range 4 {
		u, v, x, y := src[i].X, src[i].Y, q[i].X, q[i].Y
		m[2*i] = [9]float64{u, v, 1, 0, 0, 0, -u * x, -v * x, x}
		m[2*i+1] = [9]float64{0, 0, 0, u, v, 1, -u * y, -v * y, y}
	}
	sol, ok := solve8(m)
	if !ok {
		return homography{}, false
	}
	return homography{sol[0], sol[1], sol[2], sol[3], sol[4], sol[5], sol[6], sol[7], 1}, true
}

// solve8 solves an 8×8 linear system given as an augmented matrix, with partial pivoting.
func solve8(m [8][9]float64) ([8]float64, bool) {
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return [8]float64{}, false
		}
		m[c], m[p] = m[p], m[c]
		for r := range 8 {
			if r == c {
				continue
			}
			f := m[r][c] / m[c][c]
			for k := c; k < 9; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	var x [8]float64
	for i := range 8 {
		x[i] = m[i][8] / m[i][i]
	}
	return x, true
}

// quantile returns the q-quantile of xs (xs is not modified).
func quantile(xs []float64, q float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sortFloats(s)
	return s[min(len(s)-1, int(q*float64(len(s))))]
}
