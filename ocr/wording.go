package ocr

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/sohoa/sohoa/domain"
)

// Registers are worded differently from one generation of books to the next ("Họ tên chồng",
// "Sinh ngày", "Nơi cư trú", "Đăng ký ngày"). The templates list those labels as variants; what
// follows handles what the wording changes about values: a label the template does not know
// ends the field above it, "Sinh năm: 1916" gives a year alone, and a time of death ("20 giờ
// 20 phút") is a value of its own.

// maxLabelWords is the longest printed label, in words ("Họ và tên người được khai sinh:").
const maxLabelWords = 7

// labelRun reports whether ws begins with what reads as a printed label: one to maxLabelWords
// words of letters, the first capitalised, the last ending with a colon ("Người đi khai:").
// It returns the number of words the label takes (0 when there is none).
func labelRun(ws []Word) int {
	for i := 0; i < len(ws) && i < maxLabelWords; i++ {
		text := ws[i].Text
		colon := strings.HasSuffix(text, ":")
		word := strings.TrimSuffix(strings.TrimRight(text, ":"), ",")
		if word == "" || strings.IndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return 0
		}
		if i == 0 && !unicode.IsUpper([]rune(word)[0]) {
			return 0
		}
		if colon {
			return i + 1
		}
	}
	return 0
}

// cutAtLabel returns the value words before a printed label that is not the template's
// ("Già yếu Người đi khai: Lê Văn Ba" keeps "Già yếu"): what follows such a label is another
// field's value, not this one's.
func cutAtLabel(ws []Word) []Word {
	for i := 1; i < len(ws); i++ {
		if labelRun(ws[i:]) > 0 {
			return ws[:i]
		}
	}
	return ws
}

// yearLabels are the folded labels that announce a year alone ("Sinh năm:", "Năm sinh").
var yearLabels = []string{"sinhnam", "namsinh"}

// yearOnly drops the incomplete-date note of a date that is a year alone when its label said it
// would be ("Sinh năm: 1916"): the book gives no more, so there is nothing for a clerk to check.
func (fr fieldReader) yearOnly(f Field, label string) Field {
	if !slices.Contains(yearLabels, label) || len(f.Value) != 4 {
		return f
	}
	kept := f.Issues[:0:0]
	for _, is := range f.Issues {
		if is.Code != "date_partial" {
			kept = append(kept, is)
		}
	}
	f.Issues = kept
	f.NeedsReview = f.Confidence < rawTrust || len(f.Issues) > 0
	return f
}

// timeWords are the folded words of a written time.
var timeWords = map[string]string{"gio": "h", "g": "h", "h": "h", "phut": "m", "ph": "m", "p": "m", "luc": "", "hoi": "", "khoang": ""}

// parseTime reads a time of day as registers write it ("20 giờ 20 phút", "7 giờ", "20g20",
// "20h20", "20:20") and returns it as HH:MM.
func parseTime(s string) (string, bool) {
	var nums []int
	var units []string
	for _, tok := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(":.,;-'", r) }) {
		for _, part := range splitLetterDigits(tok) {
			if n, err := strconv.Atoi(part); err == nil {
				nums = append(nums, n)
				continue
			}
			u, ok := timeWords[fold(part)]
			if !ok {
				return "", false
			}
			if u != "" {
				units = append(units, u)
			}
		}
	}
	h, m := 0, 0
	switch len(nums) {
	case 1:
		if len(units) > 0 && units[0] == "m" {
			return "", false
		}
		h = nums[0]
	case 2:
		h, m = nums[0], nums[1]
	default:
		return "", false
	}
	if h > 24 || m > 59 || h == 24 && m > 0 {
		return "", false
	}
	return fmt.Sprintf("%02d:%02d", h%24, m), true
}

func splitLetterDigits(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || unicode.IsDigit(rs[i]) != unicode.IsDigit(rs[i-1]) {
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return out
}

// CodeTimeUnreadable is the issue of a time of death that does not read as hours and minutes.
const CodeTimeUnreadable = "time_unreadable"

// checkTime is the check of a "time" field.
func checkTime(text string) Checked {
	if v, ok := parseTime(text); ok {
		return Checked{Value: v, Penalty: 1, Issues: []domain.Issue{}}
	}
	return Checked{Value: strings.Join(strings.Fields(text), " "), Penalty: 0.3, Issues: []domain.Issue{{
		Code: CodeTimeUnreadable, Severity: domain.SeverityError,
		VI: fmt.Sprintf("Không đọc được giờ %q", text), EN: fmt.Sprintf("Cannot read the time %q", text)}}}
}

// splitTime separates a time written in front of a date ("20 giờ 20 phút, ngày 05/03/1987")
// into the time and the rest, when the words up to "ngày" read as a time.
func splitTime(text string) (hour, date string, ok bool) {
	ws := strings.Fields(text)
	for i, w := range ws {
		if fold(w) == "ngay" && i > 0 {
			if _, ok := parseTime(strings.Join(ws[:i], " ")); ok {
				return strings.Join(ws[:i], " "), strings.Join(ws[i:], " "), true
			}
			return "", "", false
		}
	}
	return "", "", false
}

// timeOfDeath gives a death date read with its time in front its own death_time field, when the
// template has one and the page printed no separate time.
func (fr fieldReader) timeOfDeath(t Template, rec *Record) {
	df, ok := rec.Fields["death_date"]
	if _, has := rec.Fields["death_time"]; has || !ok {
		return
	}
	var spec FieldSpec
	for _, s := range t.Fields {
		if s.Name == "death_time" {
			spec = s
		}
	}
	hour, rest, ok := splitTime(df.Text)
	if spec.Name == "" || !ok {
		return
	}
	tf := Field{Name: spec.Name, Type: spec.Type, Text: hour, Confidence: df.Confidence, Box: df.Box, Handwritten: df.Handwritten}
	c := checkTime(hour)
	tf.Value, tf.Issues = c.Value, c.Issues
	tf.NeedsReview = tf.Confidence < rawTrust || len(c.Issues) > 0
	rec.Fields[spec.Name] = tf
	rec.Absent = slices.DeleteFunc(rec.Absent, func(s string) bool { return s == spec.Name })
	var dspec FieldSpec
	for _, s := range t.Fields {
		if s.Name == "death_date" {
			dspec = s
		}
	}
	d := fr.check(dspec, rest)
	df.Text, df.Value, df.Issues, df.Suggestions = rest, d.Value, d.Issues, d.Suggestions
	if df.Issues == nil {
		df.Issues = []domain.Issue{}
	}
	df.NeedsReview = df.Confidence < rawTrust || len(df.Issues) > 0
	rec.Fields["death_date"] = df
}

// heard notes the label field f was found under.
func (e *entry) heard(f int, label []Word) {
	if e.labels == nil {
		e.labels = map[int]string{}
	}
	e.labels[f] = fold(joinWords(label))
}
