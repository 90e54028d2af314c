package ocr

import (
	"image"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Line is one visual line of words, left to right.
type Line struct {
	Words []Word
	Box   image.Rectangle
}

// Text joins the line's words with spaces.
func (l Line) Text() string { return joinWords(l.Words) }

// Conf is the mean confidence of the line's words.
func (l Line) Conf() float64 { return meanConf(l.Words) }

func joinWords(ws []Word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
	}
	return strings.Join(parts, " ")
}

func meanConf(ws []Word) float64 {
	if len(ws) == 0 {
		return 0
	}
	s := 0.0
	for _, w := range ws {
		s += w.Conf
	}
	return s / float64(len(ws))
}

func unionBox(ws []Word) image.Rectangle {
	var b image.Rectangle
	for _, w := range ws {
		b = b.Union(w.Box)
	}
	return b
}

// medianHeight is the median height of the words' boxes.
func medianHeight(ws []Word) int {
	if len(ws) == 0 {
		return 0
	}
	hs := make([]int, len(ws))
	for i, w := range ws {
		hs[i] = w.Box.Dy()
	}
	slices.Sort(hs)
	return hs[len(hs)/2]
}

// splitColons splits "sinh:05/03/1987" into "sinh:" and "05/03/1987", sharing the box by
// character count, so that a label glued to its value is still found.
func splitColons(ws []Word) []Word {
	out := make([]Word, 0, len(ws))
	for _, w := range ws {
		i := strings.IndexByte(w.Text, ':')
		if i < 0 || i == len(w.Text)-1 {
			out = append(out, w)
			continue
		}
		a, b := w.Text[:i+1], w.Text[i+1:]
		n := utf8.RuneCountInString(w.Text)
		cut := w.Box.Min.X + w.Box.Dx()*utf8.RuneCountInString(a)/n
		wa, wb := w, w
		wa.Text, wa.Box.Max.X = a, cut
		wb.Text, wb.Box.Min.X = b, cut
		out = append(out, wa)
		out = append(out, splitColons([]Word{wb})...)
	}
	return out
}

// groupLines regroups words into visual lines by their vertical position, whatever block
// Tesseract put them in: labels and values in two columns come back as one line each.
// Words much taller than the median (ruling lines read as "|") are dropped.
func groupLines(words []Word) []Line {
	mh := medianHeight(words)
	ws := make([]Word, 0, len(words))
	for _, w := range splitColons(words) {
		if mh > 0 && w.Box.Dy() > 3*mh {
			continue
		}
		ws = append(ws, w)
	}
	sort.SliceStable(ws, func(i, j int) bool { return ws[i].Box.Min.X < ws[j].Box.Min.X })
	var lines []Line
	for _, w := range ws {
		best, bestOv := -1, 0.0
		for i := range lines {
			l := &lines[i]
			ov := overlapY(w.Box, l.Words[len(l.Words)-1].Box)
			if ov > bestOv {
				best, bestOv = i, ov
			}
		}
		if best >= 0 && bestOv >= 0.5 {
			lines[best].Words = append(lines[best].Words, w)
			lines[best].Box = lines[best].Box.Union(w.Box)
			continue
		}
		lines = append(lines, Line{Words: []Word{w}, Box: w.Box})
	}
	sort.SliceStable(lines, func(i, j int) bool {
		ci, cj := lines[i].Box.Min.Y+lines[i].Box.Max.Y, lines[j].Box.Min.Y+lines[j].Box.Max.Y
		if abs(ci-cj) > mh {
			return ci < cj
		}
		return lines[i].Box.Min.X < lines[j].Box.Min.X
	})
	return lines
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// PageText lays the words out as text in reading order: one visual line per text line.
func PageText(words []Word) string {
	var b strings.Builder
	for _, l := range groupLines(words) {
		b.WriteString(l.Text())
		b.WriteByte('\n')
	}
	return b.String()
}
