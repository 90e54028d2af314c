package synth

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"image"
	"math/rand/v2"

	dimg "github.com/disintegration/imaging"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/age"
)

// Page is one rendered page and its ground truth.
type Page struct {
	Index int         // 0-based index within the run
	Image image.Image // the final, degraded page as saved
	// Clean is the undegraded 2480×3508 rendering, set when Options.Clean is.
	Clean   *image.Gray
	Encoded []byte // the image file's bytes
	Ext     string // ".png" or ".jpg"
	Truth   GroundTruth
}

// Name is the page's file name without extension, e.g. page-0001 for index 0.
func (p Page) Name() string { return PageName(p.Index) }

// PageName is the file name, without extension, of the page with the given 0-based index.
func PageName(index int) string { return fmt.Sprintf("page-%04d", index+1) }

// layoutPage draws the clean page: content, header, entries, footer. It returns the canvas (with
// the text lines) and the content, whose records hold clean boxes.
func layoutPage(seed int64, index int, kind domain.Kind, layout Layout) (*canvas, *content, error) {
	return layoutScript(seed, index, kind, layout, ScriptTyped, false)
}

// layoutScript is layoutPage with the entries written in script (typed or hand), in today's
// wording when plain.
func layoutScript(seed int64, index int, kind domain.Kind, layout Layout, script Script, plain bool) (*canvas, *content, error) {
	fs, err := loadFonts()
	if err != nil {
		return nil, nil, err
	}
	data, err := world.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("load data: %w", err)
	}
	rc := pageRand(seed, index, streamContent)
	want := 24
	if layout == LayoutForm {
		want = 2 + rc.IntN(2)
	}
	var rw *rand.Rand // the wording's own stream; none when plain
	if !plain {
		rw = pageRand(seed, index, streamWording)
	}
	ct := newContent(data, rc, rw, kind, want)
	pageNo := 1 + rc.IntN(180)

	ri := pageRand(seed, index, streamInk)
	f, err := newFaces(fs, ri)
	if err != nil {
		return nil, nil, err
	}
	cv := newCanvas(ri)
	if script == ScriptHand {
		if cv.pens, err = newPens(seed, index, f); err != nil {
			return nil, nil, err
		}
	}
	top := cv.header(f, ct, ri)
	var n int
	if layout == LayoutForm {
		n = cv.formPage(f, ct, top, want)
	} else {
		n = cv.tablePage(f, ct, top)
	}
	cv.footer(f, pageNo)
	if n == 0 {
		return nil, nil, fmt.Errorf("page %d: no entry fits the %s layout", index, layout)
	}
	ct.records = ct.records[:n]
	return cv, ct, nil
}

// Render renders page index (0-based) of the corpus described by opts; opts.Pages is ignored.
// The same opts and index always give byte-identical output.
func Render(opts Options, index int) (Page, error) {
	if err := opts.Validate(); err != nil {
		return Page{}, err
	}
	if index < 0 {
		return Page{}, fmt.Errorf("%w: page index %d < 0", domain.ErrInvalid, index)
	}
	kind, layout, sev := opts.resolve(index)
	script := opts.resolveScript(index)
	cv, ct, err := layoutScript(opts.Seed, index, kind, layout, script, opts.PlainWording)
	if err != nil {
		return Page{}, err
	}
	page := Page{Index: index}
	if opts.Clean {
		page.Clean = &image.Gray{Pix: append([]uint8(nil), cv.img.Pix...), Stride: cv.img.Stride, Rect: cv.img.Rect}
	}
	rd := pageRand(opts.Seed, index, streamDegrade)
	p := age.Draw(rd, severityRanges[sev])
	outDPI, scale, err := page.degrade(cv.img, p, rd)
	if err != nil {
		return Page{}, fmt.Errorf("page %d: %w", index, err)
	}
	w, h := page.Image.Bounds().Dx(), page.Image.Bounds().Dy()
	finalBoxes(cv, ct, func(b domain.Box) domain.Box {
		return clampBox(scaleBox(rotateBox(b, p.SkewDeg, pageWidth, pageHeight), scale), w, h)
	})
	page.Truth = GroundTruth{
		Version: TruthVersion, Seed: opts.Seed, Index: index, Image: page.Name() + page.Ext,
		Kind: kind, Layout: layout, Script: script, Hand: cv.handName(), Severity: sev, DPI: outDPI, Size: [2]int{w, h}, BoxSpace: "final",
		Year: ct.year, Place: placeRef(ct.home), Lines: cv.lines, Records: ct.records,
		SkewDeg: p.SkewDeg, Degradations: p.Record(),
	}
	return page, nil
}

// degrade ages the clean page with p, lowers its resolution and encodes it as p says, and
// returns the resolution and scale of the result.
func (page *Page) degrade(clean *image.Gray, p age.Params, rd *rand.Rand) (outDPI int, scale float64, err error) {
	var final image.Image = age.Age(clean, p, rd)
	outDPI, scale = dpi, 1.0
	if p.LowDPI > 0 {
		outDPI, scale = p.LowDPI, float64(p.LowDPI)/dpi
		nr := dimg.Resize(final, int(float64(pageWidth)*scale+0.5), int(float64(pageHeight)*scale+0.5), dimg.Linear)
		final = &image.RGBA{Pix: nr.Pix, Stride: nr.Stride, Rect: nr.Rect} // opaque, so NRGBA = RGBA
	}
	if p.JPEGQuality > 0 {
		page.Encoded, page.Image, err = encodeJPEG(final, p.JPEGQuality, outDPI)
		page.Ext = ".jpg"
	} else {
		page.Encoded, err = encodePNG(final, outDPI)
		page.Image, page.Ext = final, ".png"
	}
	return outDPI, scale, err
}

// finalBoxes gives every line and field its box in the final image, from its clean one.
func finalBoxes(cv *canvas, ct *content, toFinal func(domain.Box) domain.Box) {
	for i := range cv.lines {
		cv.lines[i].Box = toFinal(cv.lines[i].CleanBox)
	}
	for i := range ct.records {
		for j := range ct.records[i].Fields {
			fd := &ct.records[i].Fields[j]
			if fd.CleanBox != nil {
				b := toFinal(*fd.CleanBox)
				fd.Box = &b
			}
		}
	}
}
