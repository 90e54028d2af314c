package synth

import "github.com/sohoa/sohoa/domain"

// slot places a field on a form row: its label starts at fraction at of the text width.
type slot struct {
	name string
	at   float64
}

// formRows are the rows of one entry of the form layout, per kind.
var formRows = map[domain.Kind][][]slot{
	domain.KindBirth: {
		{{"entry_no", 0}}, {{"full_name", 0}}, {{"sex", 0}, {"birth_date", 0.3}},
		{{"birth_date_in_words", 0}}, {{"birth_place", 0}}, {{"ethnicity", 0}, {"nationality", 0.5}},
		{{"father_name", 0}}, {{"mother_name", 0}}, {{"registration_date", 0}},
	},
	domain.KindMarriage: {
		{{"entry_no", 0}}, {{"husband_name", 0}}, {{"husband_birth_date", 0}, {"husband_ethnicity", 0.55}},
		{{"husband_residence", 0}}, {{"wife_name", 0}}, {{"wife_birth_date", 0}, {"wife_ethnicity", 0.55}},
		{{"wife_residence", 0}}, {{"registration_date", 0}},
	},
	domain.KindDeath: {
		{{"entry_no", 0}}, {{"full_name", 0}}, {{"sex", 0}, {"birth_date", 0.3}},
		{{"ethnicity", 0}, {"nationality", 0.5}}, {{"residence", 0}}, {{"death_date", 0}},
		{{"death_place", 0}}, {{"death_cause", 0}}, {{"registration_date", 0}},
	},
}

const (
	formPitch = 86 // distance between baselines of form rows
	formPad   = 34 // space inside an entry above the first and below the last row
)

// placed is a span that belongs to a field (field < 0 for labels and headers).
type placed struct {
	span
	field int
}

// entryPlan is an entry laid out from top, not yet drawn.
type entryPlan struct {
	spans   []placed
	leaders [][3]int // x0, x1, y
	bottom  int
}

// planEntry lays out rec from top (a y in pixels).
func planEntry(f *faces, rows [][]slot, rec *Record, top, pitch int) entryPlan {
	left, right := marginX+30, pageWidth-marginX-30
	w := right - left
	asc := f.typed.Metrics().Ascent.Ceil()
	p := entryPlan{}
	line := 0
	for _, row := range rows {
		rowLines := 1
		for j, s := range row {
			fi := fieldIndex(rec, s.name)
			fd := &rec.Fields[fi]
			x := left + int(s.at*float64(w))
			end := right
			if j+1 < len(row) {
				end = left + int(row[j+1].at*float64(w)) - 40
			}
			contX := x
			if len(row) == 1 {
				contX = left + 60
			}
			yb := top + formPad + line*pitch + asc
			p.spans = append(p.spans, placed{span{face: f.label, x: x, y: yb, text: fd.Label}, -1})
			vx := x + width(f.label, fd.Label) + 18
			for k, text := range wrap(f.typed, fd.Written, end-vx, end-contX) {
				sx := vx
				if k > 0 {
					sx = contX
				}
				y := yb + k*pitch
				p.spans = append(p.spans, placed{span{face: f.typed, x: sx, y: y, text: text, typed: true}, fi})
				p.leaders = append(p.leaders, [3]int{sx - 8, end, y + 20})
				rowLines = max(rowLines, k+1)
			}
		}
		line += rowLines
	}
	p.bottom = top + 2*formPad + line*pitch
	return p
}

// fieldIndex finds a field by name; records always hold every field of their kind.
func fieldIndex(rec *Record, name string) int {
	for i := range rec.Fields {
		if rec.Fields[i].Name == name {
			return i
		}
	}
	panic("synth: record has no field " + name)
}

// drawEntry draws a planned entry, records its lines and sets the fields' clean boxes.
func (c *canvas) drawEntry(p entryPlan, rec *Record, leaders bool) {
	for _, l := range p.leaders {
		if !leaders {
			break
		}
		c.dotted(l[0], l[1], l[2])
	}
	c.drawLines(p.spans, rec)
}

// formPage lays out as many of the records as fit (at most want) and returns how many it drew.
// Entries are spread out when there is room, as on printed forms with generous rows.
func (c *canvas) formPage(f *faces, ct *content, top, want int) int {
	const gap = 24
	bottom := pageHeight - marginBottom
	n, lines, y := 0, 0, top
	for n < want && n < len(ct.records) {
		p := planEntry(f, ct.wording.formRows(ct.kind), &ct.records[n], y, formPitch)
		if p.bottom > bottom {
			break
		}
		lines += (p.bottom - y - 2*formPad) / formPitch
		y = p.bottom + gap
		n++
	}
	if n == 0 {
		return 0
	}
	pitch := formPitch
	if lines > 0 {
		pitch = min(112, (bottom-top-n*(2*formPad+gap))/lines)
	}
	framed := c.r.Float64() < 0.5
	// Dotted leaders are true to the printed forms but make Tesseract's layout analysis drop
	// whole rows, so only some pages have them.
	leaders := c.r.Float64() < 0.35
	y = top
	for i := range n {
		rec := &ct.records[i]
		p := planEntry(f, ct.wording.formRows(ct.kind), rec, y, pitch)
		if framed {
			c.rule(marginX, y, pageWidth-marginX, y+3, 0.85)
			c.rule(marginX, p.bottom-3, pageWidth-marginX, p.bottom, 0.85)
			c.rule(marginX, y, marginX+3, p.bottom, 0.85)
			c.rule(pageWidth-marginX-3, y, pageWidth-marginX, p.bottom, 0.85)
		} else if i > 0 {
			c.hline(marginX, pageWidth-marginX, y, 3)
		}
		c.drawEntry(p, rec, leaders)
		y = p.bottom + gap
	}
	return n
}
