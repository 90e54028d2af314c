package review

import (
	"fmt"
	"html/template"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// matchRow is one line of the link-review table: a field, the entry's value and each
// candidate's, each cell classed by how well it agrees (agree, partial, differ, missing).
type matchRow struct {
	Field string
	Entry string
	Cells []matchCell
}

type matchCell struct {
	Value   string
	Class   string
	Outcome string
	Weight  float64
}

// rowFields are the rows of the table; the name's three parts show as one row.
var rowFields = []string{"full_name", "birth_date", "sex", "birth_place", "father_name", "mother_name",
	"father_birth_year", "mother_birth_year"}

// outcomeClass says how a comparison's outcome is shown.
func outcomeClass(o string) string {
	switch o {
	case "exact", "commune":
		return "agree"
	case "differ", "year_off":
		return "differ"
	case "missing", "":
		return "missing"
	}
	return "partial"
}

// worse keeps the more alarming of two classes.
func worse(a, b string) string {
	rank := map[string]int{"": 0, "missing": 1, "agree": 2, "partial": 3, "differ": 4}
	if rank[b] > rank[a] {
		return b
	}
	return a
}

// matchRows lays the candidates' field scores out by field.
func matchRows(cands []domain.MatchCandidate) []matchRow {
	var rows []matchRow
	for _, f := range rowFields {
		row := matchRow{Field: f}
		used := false
		for _, c := range cands {
			cell := matchCell{}
			var entry, value []string
			for _, fs := range c.Fields {
				if fs.Field == f || f == "full_name" && (fs.Field == "surname" || fs.Field == "middle_name" || fs.Field == "given_name") {
					entry, value = append(entry, fs.Entry), append(value, fs.Citizen)
					cell.Class = worse(cell.Class, outcomeClass(fs.Outcome))
					cell.Outcome = strings.TrimPrefix(cell.Outcome+" "+fs.Outcome, " ")
					cell.Weight += fs.Weight
					used = true
				}
			}
			cell.Value = strings.Join(strings.Fields(strings.Join(value, " ")), " ")
			if row.Entry == "" {
				row.Entry = strings.Join(strings.Fields(strings.Join(entry, " ")), " ")
			}
			row.Cells = append(row.Cells, cell)
		}
		if used {
			rows = append(rows, row)
		}
	}
	return rows
}

// entryCrop shows the entry's box of the page image as a CSS background, at most 640×240.
func entryCrop(b *domain.Box, pageW, pageH int) template.CSS {
	if b == nil || pageW == 0 || pageH == 0 {
		return "display:none"
	}
	x0, y0 := max(b[0]-8, 0), max(b[1]-8, 0)
	x1, y1 := min(b[2]+8, pageW), min(b[3]+8, pageH)
	w, h := float64(x1-x0), float64(y1-y0)
	if w <= 0 || h <= 0 {
		return "display:none"
	}
	scale := min(640/w, 240/h, 1.0)
	return template.CSS(fmt.Sprintf("width:%.0fpx;height:%.0fpx;background-size:%.0fpx %.0fpx;background-position:-%.0fpx -%.0fpx",
		w*scale, h*scale, float64(pageW)*scale, float64(pageH)*scale, float64(x0)*scale, float64(y0)*scale))
}
