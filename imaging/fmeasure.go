package imaging

import "image"

// Score is how well a binarisation matches the ground truth, DIBCO style, in percent: precision
// is the share of pixels marked ink that are ink, recall the share of ink pixels marked, F their
// harmonic mean.
type Score struct {
	F, Precision, Recall float64
}

// ScoreBinary compares bin (ink 0, paper anything else) with ink, the true ink mask of the
// same width and height, row by row. A page with no ink anywhere scores 100 when nothing is
// marked.
func ScoreBinary(bin *image.Gray, ink []bool) Score {
	w, h := bin.Rect.Dx(), bin.Rect.Dy()
	var tp, fp, fn int
	for y := range h {
		row := bin.Pix[bin.PixOffset(bin.Rect.Min.X, bin.Rect.Min.Y+y):][:w]
		truth := ink[y*w:][:w]
		for x, v := range row {
			switch marked := v == 0; {
			case marked && truth[x]:
				tp++
			case marked:
				fp++
			case truth[x]:
				fn++
			}
		}
	}
	if tp+fp+fn == 0 {
		return Score{100, 100, 100}
	}
	var s Score
	if tp+fp > 0 {
		s.Precision = 100 * float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		s.Recall = 100 * float64(tp) / float64(tp+fn)
	}
	if s.Precision+s.Recall > 0 {
		s.F = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}
