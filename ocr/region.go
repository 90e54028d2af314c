package ocr

import (
	"image"
	"slices"

	"github.com/sohoa/sohoa/domain"
)

// Where a value must be even when no word of it was read: on forms, right of its printed
// label up to the next label; in ruled tables, its cell between the column's rules and the
// entry's row rules. A handwritten value Tesseract cannot segment still has its box, cut
// from the ink found there, so the clerk gets the crop.

// setRegion records where field's value lies on the page.
func (e *entry) setRegion(field int, r image.Rectangle) {
	if r.Empty() {
		return
	}
	if e.regions == nil {
		e.regions = map[int]image.Rectangle{}
	}
	e.regions[field] = e.regions[field].Union(r)
}

// formRegion is the value region of a label found on a line: from the label's end to the
// next label's start (or right, the page's text edge), from half a label height above it
// to a third below (handwriting sits above the line more than under it).
func formRegion(label image.Rectangle, next, right int) image.Rectangle {
	h := label.Dy()
	return image.Rect(label.Max.X+h/4, label.Min.Y-h/2, next-h/4, label.Max.Y+h/3)
}

// inkBox is the box of the letters in r of the binary page: components at least a third of
// the typical letter height mh tall and no taller than a few letters (stains, rules) set its
// extent, those of the band of lines with the most ink (show-through and stains a line-gap
// away are left out); from the band's first letter the value runs right while the next letter
// is no more than a word gap away, so specks, stains and leaders further along are left out;
// small components (diacritics, dots, faded strokes) join when they lie over or beside it.
// Empty when r holds no letter.
func inkBox(bin *image.Gray, r image.Rectangle, mh int) image.Rectangle {
	r = r.Intersect(bin.Rect)
	if r.Dx() < 4 || r.Dy() < 4 {
		return image.Rectangle{}
	}
	gs := slices.DeleteFunc(glyphsIn(bin, r, true), func(g glyphBox) bool {
		w, h := g.x1-g.x0, g.y1-g.y0
		return mh > 0 && (h > 3*mh || w > 4*mh && h < mh/2) // a stain, a rule or a dotted leader
	})
	core := densestBand(gs, max(4, mh/3), max(8, mh))
	if core.Empty() {
		return image.Rectangle{}
	}
	core = chainRight(gs, core, max(4, mh/3), 2*max(mh, 8))
	box := core
	for _, g := range gs {
		cx := (g.x0 + g.x1) / 2
		small := g.x1-g.x0 <= 3*mh/2 && g.y1-g.y0 <= 3*mh/2
		if small && cx >= core.Min.X-mh/2 && cx < core.Max.X+mh/2 && g.y1 > core.Min.Y-mh/2 && g.y0 < core.Max.Y+mh/4 {
			box = box.Union(image.Rect(g.x0, g.y0, g.x1, g.y1))
		}
	}
	return box.Add(r.Min)
}

// chainRight narrows band (the densest band of letters at least minH tall) to the run of its
// letters that starts with its leftmost one and goes on while each next letter begins no more
// than gap right of the run.
func chainRight(gs []glyphBox, band image.Rectangle, minH, gap int) image.Rectangle {
	var in []glyphBox
	for _, g := range gs {
		if g.y1-g.y0 >= minH && g.y0 >= band.Min.Y && g.y1 <= band.Max.Y {
			in = append(in, g)
		}
	}
	slices.SortFunc(in, func(a, b glyphBox) int { return a.x0 - b.x0 })
	var out image.Rectangle
	for i, g := range in {
		if i > 0 && g.x0 > out.Max.X+gap {
			break
		}
		out = out.Union(image.Rect(g.x0, g.y0, g.x1, g.y1))
	}
	if out.Empty() {
		return band
	}
	return out
}

// CodeUnread marks a value whose ink is on the page but whose words Tesseract did not read.
const CodeUnread = "unread"

func issueUnread() domain.Issue {
	return domain.Issue{Code: CodeUnread, Severity: domain.SeverityError, VI: "Không đọc được — nhập theo ảnh", EN: "Not read — key it from the image"}
}

// unreadField is the field of a value with ink in its region but no word read: empty, with
// the ink's box, for review.
func (fr fieldReader) unreadField(spec FieldSpec, region image.Rectangle) (Field, bool) {
	if fr.bin == nil {
		return Field{}, false
	}
	b := inkBox(fr.bin, region, fr.mh)
	if b.Empty() {
		return Field{}, false
	}
	return Field{Name: spec.Name, Type: spec.Type, Box: toBox(b), Issues: []domain.Issue{issueUnread()}, NeedsReview: true,
		Handwritten: fr.hand}, true
}

// boxedFields counts the fields of rec that have a box.
func boxedFields(rec Record) int {
	n := 0
	for _, f := range rec.Fields {
		if f.Box != (domain.Box{}) {
			n++
		}
	}
	return n
}

// handBox is the box of a handwritten value: the ink of its region when there is any, else
// the box of its words.
func (fr fieldReader) handBox(words domain.Box, region image.Rectangle) domain.Box {
	if fr.bin == nil || region.Empty() {
		return words
	}
	if b := inkBox(fr.bin, region, fr.mh); !b.Empty() {
		return toBox(b)
	}
	return words
}

// densestBand groups the glyphs at least minH tall into bands of lines no more than gap
// apart vertically and returns the box of the band with the most glyph area.
func densestBand(gs []glyphBox, minH, gap int) image.Rectangle {
	var core []glyphBox
	for _, g := range gs {
		if g.y1-g.y0 >= minH {
			core = append(core, g)
		}
	}
	slices.SortFunc(core, func(a, b glyphBox) int { return a.y0 - b.y0 })
	var best, cur image.Rectangle
	bestArea, area, bottom := 0, 0, 0
	for i, g := range core {
		if i > 0 && g.y0 > bottom+gap {
			if area > bestArea {
				best, bestArea = cur, area
			}
			cur, area = image.Rectangle{}, 0
		}
		cur = cur.Union(image.Rect(g.x0, g.y0, g.x1, g.y1))
		area += (g.x1 - g.x0) * (g.y1 - g.y0)
		bottom = max(bottom, g.y1)
		if i == 0 || cur == image.Rect(g.x0, g.y0, g.x1, g.y1) {
			bottom = g.y1
		}
	}
	if area > bestArea {
		best = cur
	}
	return best
}
