package synth

import (
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"
)

// vietnameseLetters lists every precomposed Vietnamese letter, lower and upper case, all tones.
func vietnameseLetters() []rune {
	const bases = "aăâeêioôơuưy"
	const tones = "\u0300\u0301\u0303\u0309\u0323" // huyền, sắc, ngã, hỏi, nặng
	var out []rune
	for _, b := range bases {
		for _, s := range []string{string(b), string(upper(b))} {
			out = append(out, []rune(s)...)
			for _, t := range tones {
				out = append(out, []rune(norm.NFC.String(s+string(t)))...)
			}
		}
	}
	return append(out, 'đ', 'Đ')
}

func upper(r rune) rune {
	switch r {
	case 'ă':
		return 'Ă'
	case 'â':
		return 'Â'
	case 'ê':
		return 'Ê'
	case 'ô':
		return 'Ô'
	case 'ơ':
		return 'Ơ'
	case 'ư':
		return 'Ư'
	}
	return r - 'a' + 'A'
}

func TestFontsCoverVietnamese(t *testing.T) {
	letters := vietnameseLetters()
	if got, want := len(letters), 12*2*6+2; got != want {
		t.Fatalf("got %d letters, want %d", got, want)
	}
	for _, l := range letters {
		if len([]rune(norm.NFC.String(string(l)))) != 1 {
			t.Fatalf("letter %q is not precomposed", l)
		}
	}
	for _, name := range fontNames {
		t.Run(name, func(t *testing.T) {
			b, err := fontFiles.ReadFile("fonts/" + name)
			if err != nil {
				t.Fatal(err)
			}
			f, err := sfnt.Parse(b)
			if err != nil {
				t.Fatal(err)
			}
			var buf sfnt.Buffer
			for _, l := range letters {
				idx, err := f.GlyphIndex(&buf, l)
				if err != nil {
					t.Fatalf("glyph index %q: %v", l, err)
				}
				if idx == 0 {
					t.Errorf("%s has no glyph for %q (U+%04X)", name, l, l)
				}
			}
		})
	}
}
