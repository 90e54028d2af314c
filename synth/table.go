package synth

import (
	"sort"

	"github.com/sohoa/sohoa/domain"
)

// column is one ruled column of the table layout; group is a header spanning several columns.
type column struct {
	name, header, group string
	weight              float64
}

// tableColumns are the columns per kind: the fields that fit an A4 width. The others are kept in
// the ground truth with Printed false.
var tableColumns = map[domain.Kind][]column{
	domain.KindBirth: {
		{"entry_no", "Số", "", 0.05}, {"full_name", "Họ và tên", "", 0.15}, {"sex", "Giới tính", "", 0.065},
		{"birth_date", "Ngày, tháng, năm sinh", "", 0.13}, {"birth_place", "Nơi sinh", "", 0.15},
		{"ethnicity", "Dân tộc", "", 0.075}, {"father_name", "Họ và tên cha", "", 0.125},
		{"mother_name", "Họ và tên mẹ", "", 0.125}, {"registration_date", "Ngày đăng ký", "", 0.13},
	},
	domain.KindMarriage: {
		{"entry_no", "Số", "", 0.05},
		{"husband_name", "Họ và tên", "Chồng", 0.13}, {"husband_birth_date", "Ngày sinh", "Chồng", 0.13},
		{"husband_residence", "Nơi thường trú", "Chồng", 0.15},
		{"wife_name", "Họ và tên", "Vợ", 0.13}, {"wife_birth_date", "Ngày sinh", "Vợ", 0.13},
		{"wife_residence", "Nơi thường trú", "Vợ", 0.15},
		{"registration_date", "Ngày đăng ký", "", 0.13},
	},
	domain.KindDeath: {
		{"entry_no", "Số", "", 0.05}, {"full_name", "Họ và tên", "", 0.14}, {"sex", "Giới tính", "", 0.065},
		{"birth_date", "Ngày sinh", "", 0.13}, {"residence", "Nơi thường trú", "", 0.15},
		{"death_date", "Ngày chết", "", 0.13}, {"death_place", "Nơi chết", "", 0.11},
		{"death_cause", "Nguyên nhân chết", "", 0.105}, {"registration_date", "Ngày đăng ký", "", 0.13},
	},
}

const (
	tableMargin = 150 // tables use more of the width than forms
	cellPad     = 14
	headPitch   = 44 // between header baselines
	rowPitch    = 52 // between typed baselines in a cell
)

// tablePage draws the table of records from top and returns how many rows it drew.
func (c *canvas) tablePage(f *faces, ct *content, top int) int {
	cols := ct.wording.columns(ct.kind)
	left, right := tableMargin, pageWidth-tableMargin
	xs := columnEdges(cols, left, right)
	headBottom := c.tableHeader(f, cols, xs, top)

	// Rows, one record each, as long as they fit.
	y := headBottom
	c.hline(left, right, y, 4)
	n := 0
	for n < len(ct.records) {
		rec := &ct.records[n]
		cells, bottom := tableRow(f, rec, cols, xs, y)
		if bottom > pageHeight-marginBottom {
			break
		}
		for i := range rec.Fields {
			rec.Fields[i].Printed = false
		}
		for _, col := range cols {
			rec.Fields[fieldIndex(rec, col.name)].Printed = true
		}
		c.drawLines(cells, rec)
		c.hline(left, right, bottom, 2)
		y = bottom
		n++
	}
	c.rule(left, top, right, top+4, 0.85)
	for i, x := range xs {
		vTop := top
		if i > 0 && i < len(cols) && cols[i-1].group != "" && cols[i-1].group == cols[i].group {
			vTop = headBottom
		}
		c.vline(x-1, vTop, y+2, 3)
	}
	return n
}

// columnEdges shares the width from left to right among the columns by weight.
func columnEdges(cols []column, left, right int) []int {
	xs := make([]int, len(cols)+1)
	total := 0.0
	for _, col := range cols {
		total += col.weight
	}
	acc := 0.0
	for i, col := range cols {
		xs[i] = left + int(acc/total*float64(right-left))
		acc += col.weight
	}
	xs[len(cols)] = right
	return xs
}

// tableHeader draws the column headers from top, a group's title above its columns, and
// returns the header's bottom.
func (c *canvas) tableHeader(f *faces, cols []column, xs []int, top int) int {
	var head []placed
	headAsc := f.colHeader.Metrics().Ascent.Ceil()
	grouped := false
	for _, col := range cols {
		grouped = grouped || col.group != ""
	}
	groupH := 0
	if grouped {
		groupH = headPitch + 2*cellPad
	}
	headLines := 1
	for i, col := range cols {
		headLines = max(headLines, len(wrap(f.colHeader, col.header, xs[i+1]-xs[i]-2*cellPad, xs[i+1]-xs[i]-2*cellPad)))
	}
	headBottom := top + groupH + headLines*headPitch + 2*cellPad
	for i := 0; i < len(cols); i++ {
		colTop := top
		if col := cols[i]; col.group != "" {
			j := i
			for j < len(cols) && cols[j].group == col.group {
				j++
			}
			head = append(head, centeredIn(f, col.group, xs[i], xs[j], top+cellPad+headAsc))
			c.hline(xs[i], xs[j], top+groupH, 2)
			for k := i; k < j; k++ {
				head = append(head, c.headerCell(f, cols[k].header, xs[k], xs[k+1], top+groupH)...)
			}
			for k := i + 1; k < j; k++ {
				c.vline(xs[k], top+groupH, headBottom, 2)
			}
			i = j - 1
			continue
		}
		head = append(head, c.headerCell(f, cols[i].header, xs[i], xs[i+1], colTop)...)
	}
	c.drawLines(head, nil)
	return headBottom
}

// tableRow lays out a record's cells in the row starting at y (labelling its fields with their
// column headers) and returns them with the row's bottom.
func tableRow(f *faces, rec *Record, cols []column, xs []int, y int) ([]placed, int) {
	asc := f.typedSmall.Metrics().Ascent.Ceil()
	var cells []placed
	lines := 1
	for i, col := range cols {
		fi := fieldIndex(rec, col.name)
		rec.Fields[fi].Label = col.header
		cw := xs[i+1] - xs[i] - 2*cellPad
		for k, text := range wrap(f.typedSmall, rec.Fields[fi].Written, cw, cw) {
			s := span{face: f.typedSmall, x: xs[i] + cellPad, y: y + cellPad + asc + k*rowPitch, text: text, typed: true}
			cells = append(cells, placed{s, fi})
			lines = max(lines, k+1)
		}
	}
	return cells, y + lines*rowPitch + 2*cellPad
}

// headerCell places a column header's lines, centred, from top.
func (c *canvas) headerCell(f *faces, text string, x0, x1, top int) []placed {
	var out []placed
	asc := f.colHeader.Metrics().Ascent.Ceil()
	for k, l := range wrap(f.colHeader, text, x1-x0-2*cellPad, x1-x0-2*cellPad) {
		out = append(out, centeredIn(f, l, x0, x1, top+cellPad+asc+k*headPitch))
	}
	return out
}

func centeredIn(f *faces, text string, x0, x1, y int) placed {
	return placed{span{face: f.colHeader, x: (x0 + x1 - width(f.colHeader, text)) / 2, y: y, text: text}, -1}
}

// drawLines draws spans, groups them into visual lines by baseline for the ground truth, and
// sets the clean boxes of rec's fields (rec may be nil for headers).
func (c *canvas) drawLines(spans []placed, rec *Record) {
	sort.SliceStable(spans, func(i, j int) bool {
		if spans[i].y != spans[j].y {
			return spans[i].y < spans[j].y
		}
		return spans[i].x < spans[j].x
	})
	var text string
	var b domain.Box
	typed := false
	for i, s := range spans {
		sb := c.draw(s.span)
		if rec != nil && s.field >= 0 {
			fd := &rec.Fields[s.field]
			var fb domain.Box
			if fd.CleanBox != nil {
				fb = *fd.CleanBox
			}
			fb = fb.Union(sb)
			fd.CleanBox = &fb
			fd.Handwritten = fd.Handwritten || c.pens != nil && s.typed
		}
		text += " " + s.text
		b = b.Union(sb)
		typed = typed || s.typed
		if i+1 == len(spans) || spans[i+1].y != s.y {
			c.addLine(text, typed, typed && c.pens != nil, b)
			text, b, typed = "", domain.Box{}, false
		}
	}
}
