package imaging

import (
	"image"
	"math"
)

// Geometry is how Clean moved the pixels of a page: the border crop, the deskew turn and the
// upscaling, in that order. Its methods map points and boxes of the cleaned page back to the
// page as it was given, so a crop can be cut from the untouched original.
type Geometry struct {
	Input  image.Rectangle // bounds of the image given to Clean
	Crop   image.Rectangle // kept area, in the input's coordinates
	Turn   float64         // degrees the cropped page was turned counter-clockwise (−SkewDegrees); 0 when not turned
	Shear  bool            // the turn was made by shearRotate's two shears (else by rotateFill)
	ScaleX float64         // cleaned width / turned width; 1 when not upscaled
	ScaleY float64         // cleaned height / turned height
}

// identityGeometry is the geometry of a page whose pixels were not moved.
func identityGeometry(b image.Rectangle) Geometry {
	return Geometry{Input: b, Crop: b, ScaleX: 1, ScaleY: 1}
}

// ToOriginal maps the centre of cleaned-page pixel (x, y) to the input's coordinates.
func (g Geometry) ToOriginal(x, y float64) (float64, float64) {
	sx, sy := g.ScaleX, g.ScaleY
	if sx <= 0 || sy <= 0 {
		sx, sy = 1, 1
	}
	// Upscaling (dimg.Resize) samples source (x+0.5)/s − 0.5 for destination x.
	x, y = (x+0.5)/sx-0.5, (y+0.5)/sy-0.5
	w, h := float64(g.Crop.Dx()), float64(g.Crop.Dy())
	if g.Turn != 0 {
		cx, cy := (w-1)/2, (h-1)/2
		sin, cos := math.Sincos(g.Turn * math.Pi / 180)
		X, Y := x-cx, y-cy
		if g.Shear {
			// shearRotate: destination (X, Y) takes source (X + a·Y', Y'), Y' = Y + b·X.
			a, b := -sin/cos, sin*cos
			Y2 := Y + b*X
			x, y = cx+X+a*Y2, cy+Y2
		} else {
			// rotateFill: source = centre + (X cos − Y sin, X sin + Y cos).
			x, y = cx+X*cos-Y*sin, cy+X*sin+Y*cos
		}
	}
	return x + float64(g.Crop.Min.X), y + float64(g.Crop.Min.Y)
}

// BoxToOriginal maps a box of the cleaned page to the smallest box of the input holding it,
// clipped to the input. A turned page's box grows a little: the turned box's bounding box.
func (g Geometry) BoxToOriginal(r image.Rectangle) image.Rectangle {
	if r.Empty() {
		return image.Rectangle{}
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	// Pixel edges are half a pixel from the centres ToOriginal maps.
	for _, p := range [][2]float64{
		{float64(r.Min.X) - 0.5, float64(r.Min.Y) - 0.5}, {float64(r.Max.X) - 0.5, float64(r.Min.Y) - 0.5},
		{float64(r.Min.X) - 0.5, float64(r.Max.Y) - 0.5}, {float64(r.Max.X) - 0.5, float64(r.Max.Y) - 0.5},
	} {
		x, y := g.ToOriginal(p[0], p[1])
		minX, maxX = math.Min(minX, x), math.Max(maxX, x)
		minY, maxY = math.Min(minY, y), math.Max(maxY, y)
	}
	out := image.Rect(int(math.Floor(minX+0.5)), int(math.Floor(minY+0.5)), int(math.Ceil(maxX+0.5)), int(math.Ceil(maxY+0.5)))
	if !g.Input.Empty() {
		out = out.Intersect(g.Input)
	}
	return out
}
