package ocr

import (
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// mapToOriginal gives every record and field box of p its place in the image as given to
// imaging.Clean (border crop, deskew and upscaling undone), so a crop can be cut from the
// untouched original.
func mapToOriginal(p *Page, geo imaging.Geometry) {
	p.OriginalSize = [2]int{geo.Input.Dx(), geo.Input.Dy()}
	conv := func(b domain.Box) domain.Box {
		if b == (domain.Box{}) {
			return domain.Box{}
		}
		return toBox(geo.BoxToOriginal(image.Rect(b[0], b[1], b[2], b[3])))
	}
	for i := range p.Records {
		rec := &p.Records[i]
		rec.BoxOriginal = conv(rec.Box)
		for name, f := range rec.Fields {
			f.BoxOriginal = conv(f.Box)
			rec.Fields[name] = f
		}
	}
}
