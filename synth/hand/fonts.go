package hand

import (
	"embed"
	"fmt"
	"path"
	"sort"
	"sync"

	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
)

// The fonts are @fontsource's latin, latin-ext and vietnamese subsets of each hand, unchanged
// (fonts/NOTICE); a rune is drawn with the first subset that has it.
//
//go:embed fonts/*/*.woff
var fontFiles embed.FS

// Hand is one handwriting: a font's subsets, together covering Vietnamese.
type Hand struct {
	Name    string
	subsets []*opentype.Font
	// scale sizes the hand so that its letters are about as tall as the typewriter's: the
	// fonts differ much in x-height (Charm's is small, Itim's large).
	scale float64
}

// handScale is each hand's size relative to the nominal one, chosen by eye so that x-heights
// roughly match across hands.
var handScale = map[string]float64{
	"charm": 1.15, "itim": 1.0, "mali": 1.0, "pangolin": 1.0, "patrick-hand": 1.15, "sriracha": 1.05,
}

// Hands returns every embedded hand, by name; they are parsed once per process.
func Hands() ([]*Hand, error) { return loadHands() }

var loadHands = sync.OnceValues(func() ([]*Hand, error) {
	dirs, err := fontFiles.ReadDir("fonts")
	if err != nil {
		return nil, fmt.Errorf("read hand fonts: %w", err)
	}
	var out []*Hand
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		h := &Hand{Name: d.Name(), scale: handScale[d.Name()]}
		if h.scale == 0 {
			h.scale = 1
		}
		for _, subset := range []string{"latin", "latin-ext", "vietnamese"} {
			name := path.Join("fonts", d.Name(), d.Name()+"-"+subset+"-400-normal.woff")
			b, err := fontFiles.ReadFile(name)
			if err != nil {
				return nil, fmt.Errorf("read hand font: %w", err)
			}
			raw, err := woffToSFNT(b)
			if err != nil {
				return nil, fmt.Errorf("unpack %s: %w", name, err)
			}
			f, err := opentype.Parse(raw)
			if err != nil {
				return nil, fmt.Errorf("parse %s: %w", name, err)
			}
			h.subsets = append(h.subsets, f)
		}
		out = append(out, h)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
})

// Covers reports whether the hand can write r (spaces always).
func (h *Hand) Covers(r rune) bool { return r == ' ' || h.subsetOf(r) >= 0 }

// subsetOf is the index of the first subset with a glyph for r, -1 when none has one.
func (h *Hand) subsetOf(r rune) int {
	var buf sfnt.Buffer
	for i, f := range h.subsets {
		if idx, err := f.GlyphIndex(&buf, r); err == nil && idx != 0 {
			return i
		}
	}
	return -1
}
