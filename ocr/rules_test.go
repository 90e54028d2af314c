package ocr

import (
	"image"
	"image/color"
	"testing"
)

func TestFindTable(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 1200, 1600))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	for _, x := range []int{100, 300, 700, 1100} { // 3 columns
		for y := 200; y < 1500; y++ {
			for d := range 3 {
				g.SetGray(x+d, y, color.Gray{})
			}
		}
	}
	for _, y := range []int{200, 300, 500, 700} {
		for x := 100; x < 1103; x++ {
			g.SetGray(x, y, color.Gray{})
			g.SetGray(x, y+1, color.Gray{})
		}
	}
	tg, ok := findTable(g, 3)
	if !ok {
		t.Fatal("got no table, want one")
	}
	if len(tg.cols) != 4 || abs(tg.cols[0]-101) > 2 || abs(tg.cols[3]-1101) > 2 {
		t.Errorf("got columns %v, want about [101 301 701 1101]", tg.cols)
	}
	if len(tg.rows) != 4 {
		t.Errorf("got rows %v, want 4 rules", tg.rows)
	}
}
