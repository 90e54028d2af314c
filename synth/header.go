package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/sohoa/sohoa/domain"
	"golang.org/x/image/font"
)

// Page margins, in pixels at 300 dpi.
const (
	marginX      = 190
	marginTop    = 170
	marginBottom = 200
)

// faces are the faces one page is drawn with; a Face is not safe for concurrent use, so every
// page makes its own.
type faces struct {
	national, title, year, label, colHeader, footer font.Face
	typed, typedSmall                               font.Face
}

func newFaces(fs *fontSet, r *rand.Rand) (*faces, error) {
	heavy := r.Float64() < 0.4 // a heavy typewriter face on some pages, FreeMono's thin one on others
	specs := []struct {
		size       float64
		bold, mono bool
	}{
		{12.5, true, false},
		{22, true, false},
		{15, true, false},
		{11.5, false, false},
		{9.5, true, false},
		{10, false, false},
		{11.5 + r.Float64(), heavy, true}, // ≈ 48–52 px em: what Tesseract reads best at 300 dpi
		{10, heavy, true},
	}
	f := &faces{}
	dsts := []*font.Face{&f.national, &f.title, &f.year, &f.label, &f.colHeader, &f.footer, &f.typed, &f.typedSmall}
	for i, s := range specs {
		src := fs.serif
		switch {
		case s.mono && s.bold:
			src = fs.monoBold
		case s.mono:
			src = fs.mono
		case s.bold:
			src = fs.serifBold
		}
		face, err := newFace(src, s.size)
		if err != nil {
			return nil, err
		}
		*dsts[i] = face
	}
	return f, nil
}

// centered draws printed text centred on the page at baseline y and records it as a line.
func (c *canvas) centered(f font.Face, y int, text string) domain.Box {
	s := span{face: f, x: (pageWidth - width(f, text)) / 2, y: y, text: text}
	c.draw(s)
	b := s.box()
	c.addLine(text, false, false, b)
	return b
}

// header draws the national title, the commune's people's committee, the register's title and
// year; it returns the y where the body may start.
func (c *canvas) header(f *faces, ct *content, r *rand.Rand) int {
	y := marginTop + 40
	if r.Float64() < 0.75 {
		c.centered(f.national, y, ct.national)
		motto := "Độc lập - Tự do - Hạnh phúc"
		if ct.national == "CỘNG HÒA MIỀN NAM VIỆT NAM" {
			motto = "Độc lập - Dân chủ - Hòa bình - Trung lập"
		}
		b := c.centered(f.national, y+62, motto)
		c.hline(b[0]+40, b[2]-40, b[3]+6, 3)
		y += 150
	}
	committee := "UBND " + ct.home.CommuneText() + ", " + ct.home.DistrictText() + ", " + ct.home.ProvinceText()
	if width(f.label, committee) > pageWidth-2*marginX {
		c.centered(f.label, y, "UBND "+ct.home.CommuneText())
		y += 60
		committee = ct.home.DistrictText() + ", " + ct.home.ProvinceText()
	}
	c.centered(f.label, y, committee)
	y += 130
	c.centered(f.title, y, ct.kind.Title())
	y += 95
	c.centered(f.year, y, fmt.Sprintf("Năm %d", ct.year))
	y += 60
	c.centered(f.label, y, fmt.Sprintf("Quyển số: %02d", ct.book))
	y += 40
	c.hline(marginX, pageWidth-marginX, y, 4)
	c.hline(marginX, pageWidth-marginX, y+10, 2)
	return y + 40
}

// footer draws the page number at the bottom.
func (c *canvas) footer(f *faces, page int) {
	c.centered(f.footer, pageHeight-marginBottom+110, fmt.Sprintf("Trang %d", page))
}
