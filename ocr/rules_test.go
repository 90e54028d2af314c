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
	// The rules run from y 200 to 1499; findRules alone knows that only to a 160-px strip.
	if tg.top != 200 || tg.bot != 1499 {
		t.Errorf("got table from y %d to %d, want 200 to 1499", tg.top, tg.bot)
	}
}

func TestWithoutRules(t *testing.T) {
	g := image.NewGray(image.Rect(0, 0, 400, 600))
	for i := range g.Pix {
		g.Pix[i] = 255
	}
	ink := func(x0, y0, x1, y1 int) {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				g.SetGray(x, y, color.Gray{})
			}
		}
	}
	// A vertical rule that wanders by a pixel half-way down, a horizontal rule, and a
	// letter-sized stroke and bar touching the vertical rule.
	ink(50, 0, 53, 300)
	ink(51, 300, 54, 600)
	ink(0, 100, 400, 103)
	ink(54, 200, 60, 240) // a stroke glued to the rule's right side
	ink(100, 300, 180, 306)
	r := image.Rect(10, 10, 390, 590)
	out := withoutRules(g, r)
	if out.Rect != r {
		t.Fatalf("got bounds %v, want %v", out.Rect, r)
	}
	for _, p := range []image.Point{{51, 50}, {52, 400}, {200, 101}, {380, 102}} {
		if v := out.GrayAt(p.X, p.Y).Y; v != 255 {
			t.Errorf("rule pixel %v is %d, want erased (255)", p, v)
		}
	}
	for _, p := range []image.Point{{55, 220}, {59, 239}, {100, 300}, {179, 305}} {
		if v := out.GrayAt(p.X, p.Y).Y; v != 0 {
			t.Errorf("letter pixel %v is %d, want kept (0)", p, v)
		}
	}
	if g.GrayAt(51, 50).Y != 0 {
		t.Error("the source image was changed")
	}
}

func TestMapColumnsByHeader(t *testing.T) {
	tpl := mustTemplate(t, "khai-tu-table")
	// An empty strip between a dark page edge and the table's first rule, then the columns
	// "Số", "Họ và tên", "Giới tính" and a column with an unknown header.
	tg := tableGeometry{cols: []int{10, 100, 200, 600, 800, 1100}, top: 500, bot: 2000}
	words := page(
		line(520, 120, "Số"), line(520, 220, "Họ và tên"), line(520, 620, "Giới"), line(570, 620, "tính"),
		line(520, 820, "Ghi chú"),
	)
	got := mapColumns(tg, words, 620, tpl)
	want := []int{-1, 0, 1, 2, -1}
	if len(got) != len(want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d: got field %d, want %d (all: %v)", i, got[i], want[i], got)
		}
	}
}
