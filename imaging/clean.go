package imaging

import (
	"context"
	"fmt"
	"image"
	"math"

	"github.com/sohoa/sohoa/domain"
)

// Options tunes Clean. The zero value is a sensible default for register pages.
type Options struct {
	// KeepGeometry skips the steps that move pixels (border crop, deskew, upscale), so Gray and
	// Binary have exactly the input's size, for callers that keep coordinates from the original.
	KeepGeometry bool
	// CollectSteps keeps every intermediate image in Result.Steps.
	CollectSteps bool
	// DPI is the scanning resolution, usually the one the file records (Info.DPI); 0 means
	// estimate it from the size of the text (see EstimateDPI), which reads type larger than
	// 10 point as a higher resolution and so may leave a low-resolution scan of large
	// writing unscaled. It decides the upscaling; the text's size sizes the windows.
	DPI float64
	// TargetDPI is what low-resolution pages are upscaled to (default 300); pages estimated
	// below MinDPI (default 200) are upscaled.
	TargetDPI, MinDPI float64
	// MaxSkew is the largest skew searched for, in degrees (default 10).
	MaxSkew float64
	// MaxPixels caps the page size after upscaling (default DefaultMaxPixels).
	MaxPixels int64
	// SauvolaK is Sauvola's k (default 0.2); lower keeps fainter writing.
	SauvolaK float64
	// Thresholds below which a rescan is asked for; zero fields take the defaults.
	MinBlur       float64 // BlurScore, default 150
	MinContrast   float64 // Metrics.Contrast, default 0.12
	MinBrightness float64 // Metrics.Brightness, default 0.3
}

func (o Options) withDefaults() Options {
	def := func(v *float64, d float64) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&o.TargetDPI, DefaultTargetDPI)
	def(&o.MinDPI, DefaultMinDPI)
	def(&o.MaxSkew, DefaultMaxSkew)
	def(&o.SauvolaK, DefaultSauvolaK)
	def(&o.MinBlur, 150)
	def(&o.MinContrast, 0.12)
	def(&o.MinBrightness, 0.3)
	if o.MaxPixels <= 0 {
		o.MaxPixels = DefaultMaxPixels
	}
	return o
}

// Metrics describe the page as scanned.
type Metrics struct {
	SkewDegrees float64         // counter-clockwise skew found (and removed unless KeepGeometry)
	DPI         float64         // scanning resolution: Options.DPI, else TextDPI
	TextDPI     float64         // resolution the size of the text suggests (see EstimateDPI)
	Upscale     float64         // factor applied to reach TargetDPI; 1 when none
	Crop        image.Rectangle // kept area of the input, after border removal
	Brightness  float64         // paper brightness before flattening, 0..1
	Contrast    float64         // ink against paper after flattening, 0..1
	Blur        float64         // BlurScore of the cleaned page; higher is sharper
	Noise       float64         // NoiseSigma of the input, in grey levels
}

// Reason explains, in English and Vietnamese, why a page should be scanned again.
type Reason struct {
	Code       string // "blurred", "dark" or "low_contrast"
	English    string
	Vietnamese string
}

// Reasons a page is sent back; Result.Reasons holds copies.
var (
	reasonBlurred = Reason{"blurred",
		"The page is too blurred to read; scan it again in focus.",
		"Trang quá mờ, không đọc được; hãy quét lại cho rõ nét."}
	reasonDark = Reason{"dark",
		"The page is too dark; scan it again with more light.",
		"Trang quá tối; hãy quét lại với độ sáng cao hơn."}
	reasonLowContrast = Reason{"low_contrast",
		"The writing is too faint against the paper; scan it again with more contrast.",
		"Chữ quá nhạt so với nền giấy; hãy quét lại với độ tương phản cao hơn."}
)

// Step is one intermediate image, for showing a person what each step did.
type Step struct {
	Name  string
	Image *image.Gray
}

// Result is a cleaned page.
type Result struct {
	Gray    *image.Gray // clean greyscale page, for people
	Binary  *image.Gray // black (0) on white (255), for Tesseract
	Metrics Metrics
	// Geometry maps the cleaned page's coordinates back to the input's.
	Geometry Geometry
	Rescan   bool     // the page is unlikely to be read well; Reasons says why
	Reasons  []Reason // empty unless Rescan
	Steps    []Step   // only with Options.CollectSteps
}

// Clean runs the clean-up pipeline on one page: greyscale, border crop, deskew, upscale (those
// three unless KeepGeometry), background flattening, contrast stretch, median denoise and
// Sauvola binarisation with despeckling. It checks ctx between steps.
func Clean(ctx context.Context, img image.Image, opts Options) (*Result, error) {
	opts = opts.withDefaults()
	b := img.Bounds()
	if b.Dx() < 3 || b.Dy() < 3 {
		return nil, fmt.Errorf("clean: image is %d×%d pixels: %w", b.Dx(), b.Dy(), domain.ErrInvalid)
	}
	res := &Result{}
	m := &res.Metrics
	step := func(name string, g *image.Gray) error {
		if opts.CollectSteps {
			res.Steps = append(res.Steps, Step{Name: name, Image: g})
		}
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("clean after %s: %w", name, err)
		}
		return nil
	}

	g := Grayscale(img)
	if err := step("grayscale", g); err != nil {
		return nil, err
	}
	m.Brightness = float64(paperLevel(g)) / 255
	m.Noise = NoiseSigma(g)
	m.Crop, m.Upscale = image.Rect(0, 0, g.Rect.Dx(), g.Rect.Dy()), 1
	res.Geometry = identityGeometry(g.Rect)

	if opts.KeepGeometry {
		m.measure(g, opts)
	} else {
		var err error
		if g, err = fixGeometry(g, m, &res.Geometry, opts, step); err != nil {
			return nil, err
		}
	}

	if err := res.tone(g, opts, step); err != nil {
		return nil, err
	}
	res.judge(opts)
	return res, nil
}

// judge lists the reasons the page is unlikely to be read well.
func (res *Result) judge(opts Options) {
	m := &res.Metrics
	if m.Brightness < opts.MinBrightness {
		res.Reasons = append(res.Reasons, reasonDark)
	}
	if m.Contrast < opts.MinContrast {
		res.Reasons = append(res.Reasons, reasonLowContrast)
	} else if m.Blur < opts.MinBlur {
		// Faint pages also score low on blur; report only the cause that matters.
		res.Reasons = append(res.Reasons, reasonBlurred)
	}
	res.Rescan = len(res.Reasons) > 0
}

// tone flattens the background of g, stretches its contrast, removes noise (res.Gray) and
// binarises it (res.Binary), with windows scaled to the writing, measuring as it goes.
func (res *Result) tone(g *image.Gray, opts Options, step func(string, *image.Gray) error) error {
	m := &res.Metrics
	// The windows below are sized for 10-point type at 300 dpi and scale with the writing:
	// by the text's size on a page kept at its resolution, and as for TargetDPI on a page
	// upscaled to it, where the text's size overstates the detail the scan holds. (Measured
	// with sohoa eval: larger windows on upscaled pages lose diacritics, smaller ones on
	// 300-dpi pages of large type lose accuracy on medium pages.)
	wdpi := m.TextDPI
	if m.Upscale > 1 {
		wdpi = m.DPI * m.Upscale
	}
	s := max(0.6, min(2, wdpi/300))
	flat := FlattenBackground(g, int(50*s))
	if err := step("flatten", flat); err != nil {
		return err
	}
	fh := histogram(flat)
	m.Contrast = float64(percentile(fh, 0.9)-percentile(fh, 0.01)) / 255

	// Median3 then the stretch equals the stretch then Median3 (the stretch's mapping is
	// monotone), and doing both in one pass saves a walk over the page.
	lut := stretchLUT(fh, DefaultLowPercentile, DefaultHighPercentile)
	if opts.CollectSteps {
		if err := step("contrast", applyLUT(flat, lut)); err != nil {
			return err
		}
	}
	res.Gray = median3LUT(flat, lut)
	if err := step("denoise", res.Gray); err != nil {
		return err
	}
	m.Blur = BlurScore(res.Gray)

	res.Binary = Sauvola(res.Gray, int(31*s)|1, opts.SauvolaK, DefaultSauvolaR)
	Despeckle(res.Binary, int(math.Round(4*s*s)))
	if err := step("binarize", res.Binary); err != nil {
		return err
	}

	return nil
}

// fixGeometry crops, deskews and upscales g, recording what it did in m.
func fixGeometry(g *image.Gray, m *Metrics, geo *Geometry, opts Options, step func(string, *image.Gray) error) (*image.Gray, error) {
	// The crop stays a view into the greyscale page until we know whether rotating will
	// copy it anyway: one page-sized copy fewer for skewed pages.
	full := g.Rect
	g, m.Crop = cropBorderView(g)
	geo.Crop = m.Crop
	view := g.Rect != full
	if view && opts.CollectSteps {
		g, view = cloneGray(g), false
	}
	if err := step("crop", g); err != nil {
		return nil, err
	}
	m.measure(g, opts)
	if math.Abs(m.SkewDegrees) >= 0.05 {
		w := g.Rect.Dx()
		g = shearRotate(g, -m.SkewDegrees, uint8(m.Brightness*255+0.5))
		geo.Turn = -m.SkewDegrees
		geo.Shear = w >= 16 && math.Abs(geo.Turn) <= maxShearDeg
		if err := step("deskew", g); err != nil {
			return nil, err
		}
	} else if view {
		g = cloneGray(g) // the rest of the pipeline gets a compact page starting at (0, 0)
	}
	if m.DPI > 0 && m.DPI < opts.MinDPI {
		f := min(opts.TargetDPI/m.DPI, maxUpscale,
			math.Sqrt(float64(opts.MaxPixels)/float64(g.Rect.Dx()*g.Rect.Dy())))
		if f > 1.05 {
			turned := g.Rect.Size()
			g = Upscale(g, f)
			m.Upscale = float64(g.Rect.Dx()) / float64(m.Crop.Dx())
			geo.ScaleX = float64(g.Rect.Dx()) / float64(turned.X)
			geo.ScaleY = float64(g.Rect.Dy()) / float64(turned.Y)
			if err := step("upscale", g); err != nil {
				return nil, err
			}
		}
	}
	return g, nil
}

// measure finds g's skew and the resolution its text suggests, and takes opts.DPI as the
// scanning resolution when given, else that suggestion.
func (m *Metrics) measure(g *image.Gray, opts Options) {
	a := newAnalysis(g)
	m.SkewDegrees = a.skew(opts.MaxSkew)
	m.TextDPI = a.dpi(g.Rect.Size(), m.SkewDegrees).DPI
	m.DPI = cmpOr(opts.DPI, m.TextDPI)
}

func cmpOr(a, b float64) float64 {
	if a > 0 {
		return a
	}
	return b
}
