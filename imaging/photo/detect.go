package photo

import (
	"image"

	"github.com/sohoa/sohoa/imaging"
)

// IsPhoto decides whether an image is a photograph (to flatten) or a scan (to clean as it is):
// a file that records a scanning resolution is a scan; one whose EXIF names a camera is a
// photo; otherwise it is a photo when a page stands out from a background all around it that
// fills more than a seventh of the image, which a scan's paper (even with a dark scanner
// border on some sides) does not leave.
func IsPhoto(img image.Image, info imaging.Info) bool {
	if info.DPI > 0 {
		return false
	}
	if info.Camera {
		return true
	}
	g := imaging.Grayscale(img)
	w, h := g.Rect.Dx(), g.Rect.Dy()
	f := max(1, (max(w, h)+proxyLong/2-1)/(proxyLong/2))
	p := shrink(g, f)
	o, err := findOutline(p)
	if err != nil {
		return false
	}
	return o.quad.Area() < 0.85*float64(p.Rect.Dx()*p.Rect.Dy()) && o.touches == 0
}
