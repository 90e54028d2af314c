package photo

import (
	"image"
	"math"
	"math/rand/v2"
	"runtime"
	"sync"
)

// paint renders the photograph of sheets (one or two 2480×3508 grey pages side by side).
func (s *scene) paint(sheets []*image.Gray, seed uint64) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, s.w, s.h))
	rows := make(chan int, s.h)
	for y := range s.h {
		rows <- y
	}
	close(rows)
	var wg sync.WaitGroup
	for w := range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(w)))
			for y := range rows {
				s.paintRow(img, sheets, y, r)
			}
		}()
	}
	wg.Wait()
	return img
}

func (s *scene) paintRow(img *image.RGBA, sheets []*image.Gray, y int, r *rand.Rand) {
	sw, sh := s.sheetSize()
	row := img.Pix[y*img.Stride:][:4*s.w]
	fy := float64(y) + 0.5
	for x := range s.w {
		fx := float64(x) + 0.5
		c := s.desk
		tex := 1 + 0.06*math.Sin(fx*0.013+math.Sin(fy*0.002)*6)*math.Sin(fy*0.004) // wood grain / cloth
		c = [3]float64{c[0] * tex, c[1] * tex, c[2] * tex}
		u, vc := apply(s.p2h, fx, fy)
		if u >= 0 && u < sw {
			if v := s.uncurlY(u, vc); v >= 0 && v < sh {
				i := int(u) / pageW
				t := sample(sheets[min(i, len(sheets)-1)], u-float64(i*pageW), v) / 255
				shade := 1.0
				if s.pages == 2 {
					shade = 1 - 0.3*math.Exp(-math.Abs(u-pageW)/(0.035*pageW))
				} else if s.curl > 0 {
					shade = 1 - 0.25*s.curlAt(u)/s.curl*s.curlAt(u)/s.curl
				}
				for k := range 3 {
					c[k] = s.paper[k] * (0.12 + 0.88*t) * shade
				}
			}
		}
		l := s.bright * s.lightAt(fx, fy)
		for k := range 3 {
			c[k] *= l
		}
		for _, f := range s.fingers {
			if d := capsule(f, fx, fy); d < f.r {
				e := math.Sqrt(1 - (d/f.r)*(d/f.r))
				c = [3]float64{(120 + 50*e) * s.bright, (82 + 40*e) * s.bright, (62 + 30*e) * s.bright}
			}
		}
		if g := s.glare; g[2] > 0 {
			d := math.Hypot(fx-g[0], fy-g[1]) / g[2]
			a := min(1, 1.6*math.Exp(-d*d*1.5))
			for k := range 3 {
				c[k] += (275 - c[k]) * a
			}
		}
		n := r.NormFloat64() * s.noise
		o := 4 * x
		for k := range 3 {
			row[o+k] = uint8(max(0, min(255, c[k]+n+0.5)))
		}
		row[o+3] = 255
	}
}

// lightAt is the illumination at a photo pixel: a gradient, a vignette and the shadow.
func (s *scene) lightAt(x, y float64) float64 {
	nx, ny := x/float64(s.w)-0.5, y/float64(s.h)-0.5
	l := (1 + s.light[0]*nx*2) * (1 + s.light[1]*ny*2) * (1 - s.light[2]*(nx*nx+ny*ny)*2)
	if len(s.shadow) == 3 {
		a, b, c := s.shadow[0], s.shadow[1], s.shadow[2]
		if inTriangle(x, y, a, b, c) {
			// Soft towards the long side, as a shadow cast from a little way above.
			d := lineDist(x, y, b, c)
			l *= 1 - s.shadowK*min(1, d/120)
		}
	}
	return l
}

func inTriangle(x, y float64, a, b, c image.Point) bool {
	side := func(p, q image.Point) float64 {
		return (float64(q.X-p.X))*(y-float64(p.Y)) - (float64(q.Y-p.Y))*(x-float64(p.X))
	}
	d1, d2, d3 := side(a, b), side(b, c), side(c, a)
	neg := d1 < 0 || d2 < 0 || d3 < 0
	pos := d1 > 0 || d2 > 0 || d3 > 0
	return !(neg && pos)
}

func lineDist(x, y float64, p, q image.Point) float64 {
	dx, dy := float64(q.X-p.X), float64(q.Y-p.Y)
	return math.Abs(dy*(x-float64(p.X))-dx*(y-float64(p.Y))) / math.Hypot(dx, dy)
}

// capsule is the distance from (x, y) to the finger's axis.
func capsule(f finger, x, y float64) float64 {
	ax, ay, bx, by := f.a[0], f.a[1], f.b[0], f.b[1]
	dx, dy := bx-ax, by-ay
	t := max(0, min(1, ((x-ax)*dx+(y-ay)*dy)/(dx*dx+dy*dy)))
	return math.Hypot(x-ax-t*dx, y-ay-t*dy)
}

// sample reads g bilinearly at (x, y), white outside.
func sample(g *image.Gray, x, y float64) float64 {
	x, y = x-0.5, y-0.5
	w, h := g.Rect.Dx(), g.Rect.Dy()
	if x < 0 || y < 0 || x >= float64(w-1) || y >= float64(h-1) {
		return 255
	}
	xi, yi := int(x), int(y)
	fx, fy := x-float64(xi), y-float64(yi)
	p := g.Pix[yi*g.Stride+xi:]
	q := g.Pix[(yi+1)*g.Stride+xi:]
	top := float64(p[0])*(1-fx) + float64(p[1])*fx
	bot := float64(q[0])*(1-fx) + float64(q[1])*fx
	return top*(1-fy) + bot*fy
}
