package ocr

import (
	"image"
	"strings"
	"unicode/utf8"
)

// line builds the words of one printed line at baseline row y, starting at x: each word is
// 20 px per character wide, 40 px tall, with a 20 px space.
func line(y, x int, text string) []Word {
	var ws []Word
	for _, t := range strings.Fields(text) {
		w := 20 * utf8.RuneCountInString(t)
		ws = append(ws, Word{Text: t, Box: image.Rect(x, y, x+w, y+40), Conf: 0.95})
		x += w + 20
	}
	return ws
}

// page joins lines of words, as Tesseract returns them, in any order.
func page(lines ...[]Word) []Word {
	var out []Word
	for _, l := range lines {
		out = append(out, l...)
	}
	return out
}

func mustTemplate(t interface{ Fatal(...any) }, name string) Template {
	ts, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ts.All() {
		if tp.Name == name {
			return tp
		}
	}
	t.Fatal("no template " + name)
	return Template{}
}
