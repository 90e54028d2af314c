package review

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// bar is one bar of a chart: its label under or beside it, its value and the value as shown.
type bar struct {
	Label, Shown string
	Value        float64
}

// columnChart draws vertical bars as inline SVG, made here on the server: no script, no CDN.
func columnChart(title string, bars []bar) template.HTML {
	const w, h, top, bottom, left = 720, 220, 20, 40, 10
	maxV := 1.0
	for _, b := range bars {
		maxV = max(maxV, b.Value)
	}
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-label="%s">`, w, h, w, h, html.EscapeString(title))
	fmt.Fprintf(&s, `<title>%s</title>`, html.EscapeString(title))
	step := float64(w-2*left) / float64(max(len(bars), 1))
	for i, b := range bars {
		bh := b.Value / maxV * float64(h-top-bottom)
		x := float64(left) + float64(i)*step
		fmt.Fprintf(&s, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#2f6f4f"><title>%s: %s</title></rect>`,
			x+1, float64(h-bottom)-bh, step-2, bh, html.EscapeString(b.Label), html.EscapeString(b.Shown))
		if i%5 == 0 || i == len(bars)-1 {
			fmt.Fprintf(&s, `<text x="%.1f" y="%d" font-size="11" text-anchor="middle">%s</text>`, x+step/2, h-bottom+14, html.EscapeString(b.Label))
		}
		if b.Value > 0 && step >= 18 {
			fmt.Fprintf(&s, `<text x="%.1f" y="%.1f" font-size="10" text-anchor="middle">%s</text>`, x+step/2, float64(h-bottom)-bh-3, html.EscapeString(b.Shown))
		}
	}
	fmt.Fprintf(&s, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#555"/></svg>`, left, h-bottom, w-left, h-bottom)
	return template.HTML(s.String())
}

// rowChart draws horizontal bars of shares (0–1) with their labels, as inline SVG.
func rowChart(title string, bars []bar) template.HTML {
	const w, row, label = 720, 22, 230
	h := row*len(bars) + 10
	var s strings.Builder
	fmt.Fprintf(&s, `<svg class="chart" role="img" viewBox="0 0 %d %d" width="%d" height="%d" aria-label="%s">`, w, h, w, h, html.EscapeString(title))
	fmt.Fprintf(&s, `<title>%s</title>`, html.EscapeString(title))
	for i, b := range bars {
		y := 5 + i*row
		bw := min(max(b.Value, 0), 1) * float64(w-label-80)
		fmt.Fprintf(&s, `<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>`, label-6, y+15, html.EscapeString(b.Label))
		fmt.Fprintf(&s, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="#b5651d"></rect>`, label, y+3, bw, row-6)
		fmt.Fprintf(&s, `<text x="%.1f" y="%d" font-size="12">%s</text>`, float64(label)+bw+6, y+15, html.EscapeString(b.Shown))
	}
	s.WriteString(`</svg>`)
	return template.HTML(s.String())
}
