package photo

import (
	"image"

	"github.com/sohoa/sohoa/imaging"
)

// Problem is one reason to take a photo again, in Vietnamese and English.
type Problem struct {
	Code       string // "no_page", "cut_off", "dark", "glare", "blurred" or "too_small"
	Vietnamese string
	English    string
}

// The problems a capture can have, most basic first.
var (
	ProblemNoPage = Problem{"no_page",
		"Không tìm thấy trang sổ trong ảnh; hãy đặt sổ trên nền tối, chụp thẳng từ trên xuống.",
		"No page found in the photo; put the book on a dark surface and shoot from straight above."}
	ProblemCutOff = Problem{"cut_off",
		"Trang bị cắt mất ở mép ảnh; hãy lùi máy ra cho thấy đủ cả trang.",
		"The page is cut off at the edge of the photo; step back so that the whole page shows."}
	ProblemDark = Problem{"dark",
		"Ảnh quá tối; hãy bật thêm đèn hoặc chụp ở chỗ sáng hơn.",
		"The photo is too dark; turn on more light or move somewhere brighter."}
	ProblemGlare = Problem{"glare",
		"Ảnh bị lóa sáng trên chữ; hãy nghiêng sổ hoặc tránh đèn chiếu thẳng vào trang.",
		"Glare hides the writing; tilt the book or keep the lamp from shining straight at the page."}
	ProblemBlurred = Problem{"blurred",
		"Ảnh bị mờ (rung tay hoặc chưa lấy nét); hãy giữ chắc máy, chạm vào trang để lấy nét.",
		"The photo is blurred (camera shake or out of focus); hold the phone still and tap the page to focus."}
	ProblemTooSmall = Problem{"too_small",
		"Chữ quá nhỏ trong ảnh; hãy đưa máy lại gần cho trang đầy khung hình.",
		"The writing is too small in the photo; move closer so that the page fills the frame."}
)

// Verdict says whether a photo can be used and, if not, why: "chụp lại" (take it again).
type Verdict struct {
	Retake     bool
	Problems   []Problem
	Sharpness  float64 // imaging.BlurScore of the writing, contrast-stretched
	Paper      float64 // paper brightness, 0..1
	Glare      float64 // share of the page burnt out to white
	DPI        float64 // the smallest page's resolution, were it A4
	EdgesTaken int     // photo edges the page runs past
}

// Thresholds of the verdict, measured on synthetic photos (see the package tests).
const (
	minPaper     = 0.40
	maxGlare     = 0.008
	minSharpness = 200
	minDPI       = 140
)

// judge measures the photo the plan was made from.
func judge(pl *plan) Verdict {
	v := Verdict{EdgesTaken: pl.out.touches}
	v.Paper, v.Glare = paperAndGlare(pl.proxy, pl.out.mask)
	v.DPI = 1e9
	for _, pp := range pl.pages {
		q := pp.quad.scale(pl.factor)
		long, short := max(q.height(), q.width()), min(q.height(), q.width())
		v.DPI = min(v.DPI, long/11.69, short/8.27)
	}
	v.Sharpness = sharpness(pl)
	w, h := float64(pl.proxy.Rect.Dx()), float64(pl.proxy.Rect.Dy())
	tol := 0.005 * (w + h)
	for _, c := range pl.out.quad {
		if c.X < -tol || c.Y < -tol || c.X > w+tol || c.Y > h+tol {
			v.EdgesTaken = max(v.EdgesTaken, 1)
		}
	}
	add := func(cond bool, p Problem) {
		if cond {
			v.Problems = append(v.Problems, p)
		}
	}
	add(v.EdgesTaken > 0, ProblemCutOff)
	add(v.Paper < minPaper, ProblemDark)
	add(v.Glare > maxGlare, ProblemGlare)
	add(v.Paper >= minPaper && v.Sharpness < minSharpness, ProblemBlurred)
	add(v.DPI < minDPI, ProblemTooSmall)
	v.Retake = len(v.Problems) > 0
	return v
}

// paperAndGlare measures the paper's brightness (the 90th percentile inside the page) and the
// share of the page burnt out to white, unless the whole page is (then nothing is lost to it).
func paperAndGlare(p *image.Gray, mask []bool) (float64, float64) {
	var hist [256]int
	w := p.Rect.Dx()
	n := 0
	for i, m := range mask {
		if m {
			hist[p.Pix[(i/w)*p.Stride+i%w]]++
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	pct := func(q float64) int {
		want, c := int(q*float64(n)), 0
		for v, k := range hist {
			c += k
			if c > want {
				return v
			}
		}
		return 255
	}
	burnt := 0
	for v := 250; v < 256; v++ {
		burnt += hist[v]
	}
	glare := float64(burnt) / float64(n)
	if pct(0.5) >= 245 {
		glare = 0
	}
	return float64(pct(0.9)) / 255, glare
}

// sharpness is the blur score of up to three windows of the full photo in the middle of the
// pages, each stretched to full contrast first so that faint or dim writing is not called
// blurred.
func sharpness(pl *plan) float64 {
	best := 0.0
	for _, pp := range pl.pages {
		q := pp.quad.scale(pl.factor)
		for _, t := range []Point{{0.5, 0.35}, {0.5, 0.6}, {0.35, 0.5}} {
			top := lerp(q[0], q[1], t.X)
			bot := lerp(q[3], q[2], t.X)
			c := lerp(top, bot, t.Y)
			r := image.Rect(int(c.X)-256, int(c.Y)-256, int(c.X)+256, int(c.Y)+256).Intersect(pl.gray.Rect)
			if r.Dx() < 64 || r.Dy() < 64 {
				continue
			}
			win := cropCopy(pl.gray, r)
			best = max(best, imaging.BlurScore(imaging.StretchContrast(win, 0.01, 0.99)))
		}
	}
	return best
}

// cropCopy copies r of g into a new image starting at (0, 0).
func cropCopy(g *image.Gray, r image.Rectangle) *image.Gray {
	out := image.NewGray(image.Rect(0, 0, r.Dx(), r.Dy()))
	for y := range r.Dy() {
		copy(out.Pix[y*out.Stride:][:r.Dx()], g.Pix[g.PixOffset(r.Min.X, r.Min.Y+y):][:r.Dx()])
	}
	return out
}
