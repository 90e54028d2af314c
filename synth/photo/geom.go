package photo

import "math"

// homography maps the four points src onto dst (3×3, row-major, h[8] = 1).
func homography(src, dst [4][2]float64) [9]float64 {
	var m [8][9]float64
	for i := range 4 {
		u, v, x, y := src[i][0], src[i][1], dst[i][0], dst[i][1]
		m[2*i] = [9]float64{u, v, 1, 0, 0, 0, -u * x, -v * x, x}
		m[2*i+1] = [9]float64{0, 0, 0, u, v, 1, -u * y, -v * y, y}
	}
	for c := range 8 {
		p := c
		for r := c + 1; r < 8; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		m[c], m[p] = m[p], m[c]
		for r := range 8 {
			if r != c {
				f := m[r][c] / m[c][c]
				for k := c; k < 9; k++ {
					m[r][k] -= f * m[c][k]
				}
			}
		}
	}
	var h [9]float64
	for i := range 8 {
		h[i] = m[i][8] / m[i][i]
	}
	h[8] = 1
	return h
}

func apply(h [9]float64, u, v float64) (float64, float64) {
	w := h[6]*u + h[7]*v + h[8]
	return (h[0]*u + h[1]*v + h[2]) / w, (h[3]*u + h[4]*v + h[5]) / w
}

// invert3 inverts a 3×3 matrix (by its adjugate; the scale does not matter for a homography).
func invert3(m [9]float64) [9]float64 {
	return [9]float64{
		m[4]*m[8] - m[5]*m[7], m[2]*m[7] - m[1]*m[8], m[1]*m[5] - m[2]*m[4],
		m[5]*m[6] - m[3]*m[8], m[0]*m[8] - m[2]*m[6], m[2]*m[3] - m[0]*m[5],
		m[3]*m[7] - m[4]*m[6], m[1]*m[6] - m[0]*m[7], m[0]*m[4] - m[1]*m[3],
	}
}

// curlAt is how far the sheet's curl moves row y at column x, towards the middle of the page
// height (sheet pixels): strongest at the gutter, fading away from it, and proportional to
// the distance from the middle row, as a page bending away from the camera looks shorter.
func (s *scene) curlAt(x float64) float64 {
	if s.curl == 0 {
		return 0
	}
	var d float64
	switch {
	case s.pages == 2:
		d = math.Abs(x - pageW)
	case s.curlOne > 0:
		d = pageW - x
	default:
		d = x
	}
	return s.curl * math.Exp(-max(0, d)/s.curlW)
}

// curlY moves sheet row y at column x by the curl (sheet → curled sheet).
func (s *scene) curlY(x, y float64) float64 {
	return y - s.curlAt(x)*(y-pageH/2)/(pageH/2)
}

// uncurlY is curlY's inverse.
func (s *scene) uncurlY(x, yc float64) float64 {
	k := 1 - s.curlAt(x)/(pageH/2)
	return pageH/2 + (yc-pageH/2)/k
}

// toPhoto maps a point of the flat sheet to the photograph.
func (s *scene) toPhoto(x, y float64) (float64, float64) { return apply(s.h2p, x, s.curlY(x, y)) }
