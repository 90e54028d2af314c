package synth

import (
	"embed"
	"fmt"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
)

//go:embed fonts/*.ttf
var fontFiles embed.FS

// fontNames are the embedded font files, GNU FreeFont (GPLv3 with the font exception).
var fontNames = []string{"FreeMono.ttf", "FreeMonoBold.ttf", "FreeSerif.ttf", "FreeSerifBold.ttf"}

// fontSet holds the parsed fonts; an *opentype.Font is safe for concurrent use, a Face is not.
type fontSet struct {
	mono, monoBold, serif, serifBold *opentype.Font
}

// loadFonts parses the embedded fonts once per process; the result is never modified.
var loadFonts = sync.OnceValues(func() (*fontSet, error) {
	parsed := make(map[string]*opentype.Font, len(fontNames))
	for _, name := range fontNames {
		b, err := fontFiles.ReadFile("fonts/" + name)
		if err != nil {
			return nil, fmt.Errorf("read font %s: %w", name, err)
		}
		f, err := opentype.Parse(b)
		if err != nil {
			return nil, fmt.Errorf("parse font %s: %w", name, err)
		}
		parsed[name] = f
	}
	return &fontSet{
		mono:      parsed["FreeMono.ttf"],
		monoBold:  parsed["FreeMonoBold.ttf"],
		serif:     parsed["FreeSerif.ttf"],
		serifBold: parsed["FreeSerifBold.ttf"],
	}, nil
})

// newFace makes a face of f at size points for a 300 dpi page.
func newFace(f *opentype.Font, size float64) (font.Face, error) {
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("new face %.1fpt: %w", size, err)
	}
	return face, nil
}
