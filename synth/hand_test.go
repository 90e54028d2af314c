package synth

import (
	"image/color"
	"io/fs"
	"strings"
	"testing"
	"unicode"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/hand"
	"github.com/sohoa/sohoa/synth/world"
)

// corpusRunes is every character a page's entries can hold: all letters of the data files, every
// Vietnamese letter, and the written values of many generated records of each kind (dates in
// figures and in words, places, numbers).
func corpusRunes(t *testing.T) map[rune]bool {
	t.Helper()
	set := map[rune]bool{}
	add := func(s string) {
		for _, r := range s {
			if !unicode.IsSpace(r) && !unicode.IsControl(r) {
				set[r] = true
			}
		}
	}
	files := world.Files()
	err := fs.WalkDir(files, "data", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(files, path)
		add(string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	add(string(vietnameseLetters()))
	data, err := world.Load()
	if err != nil {
		t.Fatal(err)
	}
	for _, g := range data.Groups { // the ethnic groups live in package ethnic, not in data/
		add(g.Name + strings.Join(g.Older, ""))
	}
	for i, kind := range domain.Kinds {
		for seed := range 40 {
			ct := newContent(data, pageRand(int64(seed), i, streamContent), pageRand(int64(seed), i, streamWording), kind, 24)
			for _, rec := range ct.records {
				for _, f := range rec.Fields {
					add(f.Written)
				}
			}
		}
	}
	return set
}

func TestHandsCoverCorpus(t *testing.T) {
	hands, err := hand.Hands()
	if err != nil {
		t.Fatal(err)
	}
	if len(hands) < 4 {
		t.Fatalf("got %d hands, want at least 4", len(hands))
	}
	runes := corpusRunes(t)
	if !runes['ữ'] || !runes['Đ'] || !runes['/'] {
		t.Fatalf("corpus runes miss ữ, Đ or /: %d runes", len(runes))
	}
	for _, h := range hands {
		t.Run(h.Name, func(t *testing.T) {
			var missing []string
			for r := range runes {
				if !h.Covers(r) {
					missing = append(missing, string(r))
				}
			}
			if len(missing) > 0 {
				t.Errorf("hand %s has no glyph for %d characters: %s", h.Name, len(missing), strings.Join(missing, " "))
			}
		})
	}
}

func TestRenderHandwrittenPage(t *testing.T) {
	for _, layout := range []Layout{LayoutForm, LayoutTable} {
		t.Run(string(layout), func(t *testing.T) {
			p, err := Render(Options{Seed: 3, Kind: domain.KindDeath, Layout: layout, Severity: SeverityLight, Script: ScriptHand, Clean: true}, 0)
			if err != nil {
				t.Fatal(err)
			}
			if p.Truth.Script != ScriptHand || p.Truth.Hand == "" {
				t.Fatalf("got script %q hand %q, want hand and a font name", p.Truth.Script, p.Truth.Hand)
			}
			n := 0
			for _, rec := range p.Truth.Records {
				for _, f := range rec.Fields {
					if !f.Printed {
						continue
					}
					n++
					if !f.Handwritten || f.CleanBox == nil || f.Box == nil {
						t.Fatalf("field %s: handwritten %v, boxes %v %v", f.Name, f.Handwritten, f.CleanBox, f.Box)
					}
					b := *f.CleanBox
					if dark := darkPixels(p.Clean, b); dark < 20 {
						t.Errorf("field %s %q: %d dark pixels in its box %v, want the ink there", f.Name, f.Written, dark, b)
					}
				}
			}
			if n < 6 {
				t.Fatalf("got %d printed fields, want a page of entries", n)
			}
		})
	}
}

func TestTypedPagesUnchangedByScript(t *testing.T) {
	a, err := Render(Options{Seed: 9, Severity: SeverityLight}, 1)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(Options{Seed: 9, Severity: SeverityLight, Script: ScriptTyped}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if string(a.Encoded) != string(b.Encoded) {
		t.Fatal("an explicit typed script changed the page")
	}
	for _, rec := range a.Truth.Records {
		for _, f := range rec.Fields {
			if f.Handwritten {
				t.Fatalf("typed page has handwritten field %s", f.Name)
			}
		}
	}
}

func darkPixels(g interface{ GrayAt(x, y int) color.Gray }, b domain.Box) int {
	n := 0
	for y := b[1]; y < b[3]; y++ {
		for x := b[0]; x < b[2]; x++ {
			if g.GrayAt(x, y).Y < 128 {
				n++
			}
		}
	}
	return n
}
