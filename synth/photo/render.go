package photo

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"

	dimg "github.com/disintegration/imaging"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

// Options says what to photograph: the pages of Pages (its Seed, Kind, Layout; Pages is the
// number of pages), single or as spreads.
type Options struct {
	Pages synth.Options
	// Faults makes every other photograph faulty on purpose (blurred, dark, glare, cut off, too
	// small, in turn), for measuring the capture verdict.
	Faults bool
}

// FaultNames are the defects Options.Faults makes, in turn.
var FaultNames = []string{"blurred", "dark", "glare", "cut_off", "too_small"}

// Photo is one photograph and the pages it shows.
type Photo struct {
	Index int
	Image image.Image // its pixels (Save writes them as JPEG)
	Pages []synth.Page
	Fault string
}

// Name is the photograph's file name, e.g. photo-0001.jpg for index 0.
func (p Photo) Name() string { return fmt.Sprintf("photo-%04d.jpg", p.Index+1) }

// Groups decides which pages each photograph shows: one, or two facing pages of a spread.
func Groups(seed int64, pages int) [][]int {
	r := rand.New(rand.NewPCG(uint64(seed)^0x9407, 13))
	var gs [][]int
	for i := 0; i < pages; {
		if i+1 < pages && r.IntN(2) == 0 {
			gs = append(gs, []int{i, i + 1})
			i += 2
			continue
		}
		gs = append(gs, []int{i})
		i++
	}
	return gs
}

// Generate renders every photograph in order and calls fn with each.
func Generate(ctx context.Context, opts Options, fn func(Photo) error) error {
	for i, g := range Groups(opts.Pages.Seed, opts.Pages.Pages) {
		if err := ctx.Err(); err != nil {
			return err
		}
		fault := ""
		if opts.Faults && i%2 == 1 {
			fault = FaultNames[(i/2)%len(FaultNames)]
		}
		p, err := Render(opts.Pages, i, g, fault)
		if err != nil {
			return err
		}
		if err := fn(p); err != nil {
			return fmt.Errorf("photo %d: %w", i, err)
		}
	}
	return nil
}

// Render photographs pages (indexes into the corpus of opts) as photograph index.
func Render(opts synth.Options, index int, pages []int, fault string) (Photo, error) {
	ps, err := RenderPages(opts, pages)
	if err != nil {
		return Photo{}, err
	}
	return Photograph(ps, opts.Seed, index, fault)
}

// RenderPages renders the pages of the corpus of opts with their clean rendering kept, ready to
// be photographed.
func RenderPages(opts synth.Options, pages []int) ([]synth.Page, error) {
	opts.Clean = true
	var ps []synth.Page
	for _, i := range pages {
		p, err := synth.Render(opts, i)
		if err != nil {
			return nil, err
		}
		p.Image, p.Encoded = nil, nil
		ps = append(ps, p)
	}
	return ps, nil
}

// Photograph takes photograph index of one page or two facing pages (rendered by
// RenderPages), with the fault named (or none); seed and index choose the scene.
func Photograph(pages []synth.Page, seed int64, index int, fault string) (Photo, error) {
	if len(pages) < 1 || len(pages) > 2 {
		return Photo{}, fmt.Errorf("photograph: %d pages, want 1 or 2", len(pages))
	}
	ph := Photo{Index: index, Fault: fault, Pages: slices.Clone(pages)}
	var sheets []*image.Gray
	for _, p := range pages {
		sheets = append(sheets, p.Clean)
	}
	r := rand.New(rand.NewPCG(uint64(seed)^0xca3e7a, uint64(index)))
	s := newScene(r, len(pages), fault)
	img := s.paint(sheets, uint64(seed)*7919+uint64(index))
	ph.Image = img
	if s.blur > 0 {
		ph.Image = dimg.Blur(img, s.blur)
	}
	for k := range ph.Pages {
		ph.Pages[k].Truth = s.truth(ph.Pages[k].Truth, k, ph.Name())
	}
	return ph, nil
}

// truth moves a page's truth to the photograph: boxes in the flattened page are the clean
// rendering's, and PhotoBox ones are where the page shows in the photo.
func (s *scene) truth(gt synth.GroundTruth, k int, name string) synth.GroundTruth {
	off := float64(k * pageW)
	side := ""
	if s.pages == 2 {
		side = []string{"left", "right"}[k]
	}
	c := &synth.Capture{Photo: name, Side: side, Size: [2]int{s.w, s.h}, Faults: s.faults}
	for i, p := range [4][2]float64{{0, 0}, {pageW, 0}, {pageW, pageH}, {0, pageH}} {
		x, y := s.toPhoto(p[0]+off, p[1])
		c.Corners[i] = [2]float64{x, y}
	}
	c.Curl = s.curl
	photoBox := func(b domain.Box) *domain.Box {
		x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
		for _, p := range [4][2]int{{b[0], b[1]}, {b[2], b[1]}, {b[2], b[3]}, {b[0], b[3]}} {
			x, y := s.toPhoto(float64(p[0])+off, float64(p[1]))
			x0, y0, x1, y1 = min(x0, x), min(y0, y), max(x1, x), max(y1, y)
		}
		return &domain.Box{int(x0), int(y0), int(math.Ceil(x1)), int(math.Ceil(y1))}
	}
	for i := range gt.Lines {
		gt.Lines[i].Box = gt.Lines[i].CleanBox
		gt.Lines[i].PhotoBox = photoBox(gt.Lines[i].CleanBox)
	}
	for i := range gt.Records {
		for j := range gt.Records[i].Fields {
			f := &gt.Records[i].Fields[j]
			if f.CleanBox != nil {
				b := *f.CleanBox
				f.Box, f.PhotoBox = &b, photoBox(b)
			}
		}
	}
	gt.Image, gt.Capture = name, c
	gt.DPI, gt.Size, gt.BoxSpace, gt.SkewDeg, gt.Degradations = 300, [2]int{pageW, pageH}, "flattened", 0, nil
	return gt
}

// EncodeJPEG saves a photograph as a phone does: JPEG, a JFIF header saying 72 dpi and an
// EXIF block naming the camera.
func EncodeJPEG(img image.Image) ([]byte, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		return nil, fmt.Errorf("encode photo: %w", err)
	}
	b := buf.Bytes()
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 72, 0, 72, 0, 0}
	out := append([]byte{}, b[:2]...)
	out = append(out, app0...)
	out = append(out, exifMake("sohoa synth phone")...)
	return append(out, b[2:]...), nil
}

// exifMake is an APP1 Exif segment whose IFD0 holds only the Make tag.
func exifMake(make string) []byte {
	val := append([]byte(make), 0)
	var t bytes.Buffer
	t.WriteString("II*\x00")
	_ = binary.Write(&t, binary.LittleEndian, uint32(8))
	_ = binary.Write(&t, binary.LittleEndian, uint16(1))
	_ = binary.Write(&t, binary.LittleEndian, uint16(0x010f))
	_ = binary.Write(&t, binary.LittleEndian, uint16(2)) // ASCII
	_ = binary.Write(&t, binary.LittleEndian, uint32(len(val)))
	_ = binary.Write(&t, binary.LittleEndian, uint32(8+2+12+4))
	_ = binary.Write(&t, binary.LittleEndian, uint32(0))
	t.Write(val)
	seg := append([]byte("Exif\x00\x00"), t.Bytes()...)
	head := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(head[2:], uint16(len(seg)+2))
	return append(head, seg...)
}

// Save writes the photograph and, for each page it shows, page-NNNN.json (the page's corpus
// index) into dir.
func (p Photo) Save(dir string) error {
	enc, err := EncodeJPEG(p.Image)
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, p.Name()), enc, 0o644); err != nil {
		return fmt.Errorf("save photo: %w", err)
	}
	for _, pg := range p.Pages {
		if err := pg.SaveTruth(dir); err != nil {
			return err
		}
	}
	return nil
}
