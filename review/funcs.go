package review

import (
	"encoding/json"
	"fmt"
	"html/template"
	"strings"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/domain"
)

// funcs are the template helpers; they hold no state.
var funcs = template.FuncMap{
	"crop":      cropStyle,
	"outline":   outlineStyle,
	"marked":    markedText,
	"inc":       func(i int) int { return i + 1 },
	"hasIssues": func(f domain.Field) bool { return len(f.Issues) > 0 },
	"ratio": func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return float64(a) / float64(b)
	},
	"roles":           func() []domain.Role { return domain.Roles },
	"absent":          absent,
	"suggestionList":  suggestionList,
	"suggestionsJSON": suggestionsJSON,
	"completes":       func(field string) bool { return complete.TypeOf(field) != "" },
}

// cropStyle shows a field's box of the page image, scaled to fit the form column, as a CSS
// background: one page image serves every crop, so the server decodes nothing per field.
func cropStyle(b *domain.Box, pageW, pageH int) template.CSS {
	if b == nil || pageW == 0 || pageH == 0 {
		return "display:none"
	}
	// Small enough that crop and input share one row and an entry of eleven fields fits a
	// laptop screen; large enough that handwriting stays legible.
	const pad, maxW, maxH = 12, 380.0, 34.0
	x0, y0 := max(b[0]-pad, 0), max(b[1]-pad, 0)
	x1, y1 := min(b[2]+pad, pageW), min(b[3]+pad, pageH)
	w, h := float64(x1-x0), float64(y1-y0)
	if w <= 0 || h <= 0 {
		return "display:none"
	}
	scale := min(maxW/w, maxH/h, 1.0)
	return template.CSS(fmt.Sprintf("width:%.0fpx;height:%.0fpx;background-size:%.0fpx %.0fpx;background-position:-%.0fpx -%.0fpx",
		w*scale, h*scale, float64(pageW)*scale, float64(pageH)*scale, float64(x0)*scale, float64(y0)*scale))
}

// outlineStyle places the entry's outline over the page image, in percent so it follows zoom.
func outlineStyle(b *domain.Box, pageW, pageH int) template.CSS {
	if b == nil || pageW == 0 || pageH == 0 {
		return "display:none"
	}
	pw, ph := float64(pageW)/100, float64(pageH)/100
	return template.CSS(fmt.Sprintf("left:%.2f%%;top:%.2f%%;width:%.2f%%;height:%.2f%%",
		float64(b[0])/pw, float64(b[1])/ph, float64(b[2]-b[0])/pw, float64(b[3]-b[1])/ph))
}

// markedText wraps the words of the OCR text that an issue names (an invalid syllable, say) in
// <mark>, so the clerk sees which characters are uncertain.
func markedText(f domain.Field) template.HTML {
	bad := map[string]bool{}
	for _, is := range f.Issues {
		for _, w := range quoted(is.VI) {
			bad[w] = true
		}
	}
	var b strings.Builder
	for i, w := range strings.Fields(f.OCRText) {
		if i > 0 {
			b.WriteByte(' ')
		}
		esc := template.HTMLEscapeString(w)
		if bad[w] || bad[strings.Trim(w, ".,;:")] {
			b.WriteString("<mark>" + esc + "</mark>")
		} else {
			b.WriteString(esc)
		}
	}
	return template.HTML(b.String())
}

// quoted returns the words quoted with "…" or “…” in a message.
func quoted(s string) []string {
	var out []string
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}} {
		rest := s
		for {
			i := strings.Index(rest, q[0])
			if i < 0 {
				break
			}
			rest = rest[i+len(q[0]):]
			j := strings.Index(rest, q[1])
			if j < 0 {
				break
			}
			out = append(out, strings.Fields(rest[:j])...)
			rest = rest[j+len(q[1]):]
		}
	}
	return out
}

// absent reports whether a field is not on the page at all (an optional line this entry does not
// have): shown as such, not as missing.
func absent(f domain.Field) bool {
	for _, is := range f.Issues {
		if is.Code == domain.IssueAbsent {
			return true
		}
	}
	return false
}

// suggestionList is what is worth offering for a field: its suggestions without the value the
// input already holds, without repeats.
func suggestionList(f domain.Field, value string) []string {
	var out []string
	seen := map[string]bool{strings.ToLower(strings.TrimSpace(value)): true}
	for _, s := range f.Suggestions {
		k := strings.ToLower(strings.TrimSpace(s))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// suggestionsJSON is suggestionList as a JSON array for the input's data-suggestions, which the
// completion list offers when the clerk presses ↓; "" when there is none.
func suggestionsJSON(f domain.Field, value string) string {
	list := suggestionList(f, value)
	if len(list) == 0 {
		return ""
	}
	b, _ := json.Marshal(list)
	return string(b)
}
