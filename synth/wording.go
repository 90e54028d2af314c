package synth

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// wording is how one generation of printed books words a kind's entries: its labels, which
// fields it prints on which form rows, its table headers, and how often it gives a birth year
// alone ("Sinh năm: 1916"). A register keeps one wording throughout, so it is drawn per page.
type wording struct {
	name    string
	labels  map[string]string // form labels that differ from formLabels
	rows    [][]slot          // form rows; nil keeps formRows
	headers map[string]string // table headers that differ from tableColumns
	// yearOnly is the share of birth dates written as a year alone, with the label yearLabel.
	yearOnly  float64
	yearLabel string
}

// wordings are the generations of books per kind; the first is the 1999 national form that
// formLabels and formRows describe.
var wordings = map[domain.Kind][]wording{
	domain.KindBirth: {
		{name: "1999"},
		{name: "1960s", labels: map[string]string{
			"full_name": "Họ tên:", "sex": "Nam hay nữ:", "birth_date": "Sinh ngày:",
			"birth_date_in_words": "Ghi bằng chữ:", "father_name": "Họ tên cha:", "mother_name": "Họ tên mẹ:",
			"declarant_name": "Người đi khai:", "registration_date": "Đăng ký ngày:",
		}, rows: [][]slot{
			{{"entry_no", 0}}, {{"full_name", 0}}, {{"sex", 0}, {"birth_date", 0.3}},
			{{"birth_date_in_words", 0}}, {{"birth_place", 0}}, {{"ethnicity", 0}, {"nationality", 0.5}},
			{{"father_name", 0}}, {{"mother_name", 0}}, {{"declarant_name", 0}}, {{"registration_date", 0}},
		}, headers: map[string]string{
			"full_name": "Họ tên", "birth_date": "Sinh ngày", "father_name": "Họ tên cha",
			"mother_name": "Họ tên mẹ", "registration_date": "Đăng ký ngày",
		}},
	},
	domain.KindMarriage: {
		{name: "1999"},
		{name: "1960s", labels: map[string]string{
			"husband_name": "Họ tên chồng:", "husband_birth_date": "Sinh ngày:", "husband_residence": "Nơi cư trú:",
			"husband_nationality": "Quốc tịch:", "wife_name": "Họ tên vợ:", "wife_birth_date": "Sinh ngày:",
			"wife_residence": "Nơi cư trú:", "wife_nationality": "Quốc tịch:", "registration_date": "Đăng ký ngày:",
		}, rows: [][]slot{
			{{"entry_no", 0}}, {{"husband_name", 0}}, {{"husband_birth_date", 0}},
			{{"husband_ethnicity", 0}, {"husband_nationality", 0.5}}, {{"husband_residence", 0}},
			{{"wife_name", 0}}, {{"wife_birth_date", 0}}, {{"wife_ethnicity", 0}, {"wife_nationality", 0.5}},
			{{"wife_residence", 0}}, {{"registration_date", 0}},
		}, headers: map[string]string{
			"husband_name": "Họ tên", "husband_birth_date": "Sinh ngày", "husband_residence": "Nơi cư trú",
			"wife_name": "Họ tên", "wife_birth_date": "Sinh ngày", "wife_residence": "Nơi cư trú",
			"registration_date": "Đăng ký ngày",
		}, yearOnly: 0.3, yearLabel: "Sinh năm:"},
		{name: "1980s", labels: map[string]string{
			"husband_birth_date": "Ngày, tháng, năm sinh:", "husband_residence": "Trú quán:",
			"husband_nationality": "Quốc tịch:", "wife_birth_date": "Ngày, tháng, năm sinh:",
			"wife_residence": "Trú quán:", "wife_nationality": "Quốc tịch:",
			"registration_date": "Ngày, tháng, năm đăng ký:",
		}, rows: [][]slot{
			{{"entry_no", 0}}, {{"husband_name", 0}}, {{"husband_birth_date", 0}},
			{{"husband_ethnicity", 0}, {"husband_nationality", 0.5}}, {{"husband_residence", 0}},
			{{"wife_name", 0}}, {{"wife_birth_date", 0}}, {{"wife_ethnicity", 0}, {"wife_nationality", 0.5}},
			{{"wife_residence", 0}}, {{"registration_date", 0}},
		}, headers: map[string]string{"husband_residence": "Trú quán", "wife_residence": "Trú quán"}},
	},
	domain.KindDeath: {
		{name: "1999"},
		{name: "1960s", labels: map[string]string{
			"full_name": "Họ tên người chết:", "birth_date": "Sinh ngày:", "residence": "Nơi cư trú:",
			"death_time": "Chết lúc:", "death_date": "Ngày chết:", "declarant_name": "Người đi khai:",
			"registration_date": "Đăng ký ngày:",
		}, rows: [][]slot{
			{{"entry_no", 0}}, {{"full_name", 0}}, {{"sex", 0}, {"birth_date", 0.3}},
			{{"ethnicity", 0}, {"nationality", 0.5}}, {{"residence", 0}},
			{{"death_time", 0}, {"death_date", 0.45}}, {{"death_place", 0}}, {{"death_cause", 0}},
			{{"declarant_name", 0}}, {{"registration_date", 0}},
		}, headers: map[string]string{
			"full_name": "Họ tên", "birth_date": "Năm sinh", "residence": "Nơi cư trú", "registration_date": "Đăng ký ngày",
		}, yearOnly: 0.5, yearLabel: "Sinh năm:"},
		{name: "1980s", labels: map[string]string{
			"full_name": "Họ và tên:", "residence": "Trú quán:", "death_time": "Giờ chết:",
			"death_date": "Chết ngày:", "declarant_name": "Họ tên người đi khai:",
			"registration_date": "Ngày, tháng, năm đăng ký:",
		}, rows: [][]slot{
			{{"entry_no", 0}}, {{"full_name", 0}}, {{"sex", 0}, {"birth_date", 0.3}},
			{{"ethnicity", 0}, {"nationality", 0.5}}, {{"residence", 0}},
			{{"death_time", 0}, {"death_date", 0.45}}, {{"death_place", 0}}, {{"death_cause", 0}},
			{{"declarant_name", 0}}, {{"registration_date", 0}},
		}, headers: map[string]string{"residence": "Trú quán", "death_date": "Chết ngày"}, yearOnly: 0.2, yearLabel: "Sinh năm:"},
	},
}

// pickWording draws the wording of a register: the 1999 form on two pages in five.
func pickWording(r *rand.Rand, kind domain.Kind) *wording {
	ws := wordings[kind]
	if len(ws) == 0 || r.Float64() < 0.4 {
		return &wording{name: "1999"}
	}
	return &ws[r.IntN(len(ws))]
}

// label is the form label of a field in this wording.
func (w *wording) label(kind domain.Kind, name string) string {
	if w != nil {
		if l, ok := w.labels[name]; ok {
			return l
		}
	}
	return formLabels[kind][name]
}

// formRows are the form rows of this wording.
func (w *wording) formRows(kind domain.Kind) [][]slot {
	if w != nil && w.rows != nil {
		return w.rows
	}
	return formRows[kind]
}

// prints reports whether the wording's form has a place for the field.
func (w *wording) prints(kind domain.Kind, name string) bool {
	for _, row := range w.formRows(kind) {
		for _, s := range row {
			if s.name == name {
				return true
			}
		}
	}
	return false
}

// columns are the table columns with this wording's headers.
func (w *wording) columns(kind domain.Kind) []column {
	cols := append([]column(nil), tableColumns[kind]...)
	for i := range cols {
		if w != nil {
			if h, ok := w.headers[cols[i].name]; ok {
				cols[i].header = h
			}
		}
	}
	return cols
}

// applyWording gives rec the wording's labels and marks the fields its form does not print; some
// birth dates become a year alone, drawn from the wording's stream r (nil with today's wording, which
// writes none so). A birth register's declarant is no field of its kind: it is printed when the
// wording has it but kept out of the fields extraction is measured on.
func (c *content) applyWording(r *rand.Rand, rec *Record) {
	kinds := c.kind.Fields()
	for i := range rec.Fields {
		f := &rec.Fields[i]
		f.Label = c.wording.label(c.kind, f.Name)
		f.Printed = c.wording.prints(c.kind, f.Name)
		if !containsString(kinds, f.Name) {
			f.Printed = false
		}
		if strings.HasSuffix(f.Name, "birth_date") && c.wording.yearOnly > 0 && r != nil && r.Float64() < c.wording.yearOnly {
			year := f.Value[:4]
			f.Written, f.Value, f.Label = year, year, c.wording.yearLabel
		}
	}
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// deathTime draws the hour of a death as a register writes it ("20 giờ 20 phút", "7 giờ") and
// its value as HH:MM.
func deathTime(r *rand.Rand) (written, value string) {
	h, m := r.IntN(24), r.IntN(12)*5
	if r.Float64() < 0.25 {
		m = 0
	}
	written = strconv.Itoa(h) + " giờ"
	if m > 0 || r.Float64() < 0.5 {
		written += fmt.Sprintf(" %02d phút", m)
	}
	return written, fmt.Sprintf("%02d:%02d", h, m)
}

// declarant draws who declared a death: mostly a relative of the dead, sharing the surname.
func declarant(d *world.Data, r *rand.Rand, dead string) string {
	surname := ""
	if r.Float64() < 0.6 {
		surname = strings.Fields(dead)[0]
	}
	sex := world.SexMale
	if r.Float64() < 0.35 {
		sex = world.SexFemale
	}
	return d.PersonName(r, sex, surname)
}

// spouseNationality is almost always Việt Nam; now and then a neighbouring country.
func spouseNationality(r *rand.Rand) string {
	if r.Float64() < 0.96 {
		return nationality
	}
	return []string{"Lào", "Cam-pu-chia", "Trung Quốc"}[r.IntN(3)]
}
