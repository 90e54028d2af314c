package age

import (
	"math"
	"math/rand/v2"
)

// Params are the degradation settings of one page, drawn from its severity.
type Params struct {
	SkewDeg     float64
	BlurSigma   float64
	NoiseStd    float64
	Yellow      float64 // 0 white paper … 1 deeply yellowed
	Illum       float64 // depth of the uneven illumination
	Stains      int
	Foxing      int
	FadeMin     float64 // the most faded ink keeps this share of its strength
	Contrast    float64 // overall ink strength
	Bleed       float64 // strength of the text showing through from the back
	Speckle     float64 // specks per megapixel
	Border      [4]int  // dark scanner border width at top, right, bottom, left (0 = none)
	JPEGQuality int     // 0 = saved as PNG
	LowDPI      int     // 0 = kept at 300 dpi
}

// Range bounds each parameter, for one severity of ageing.
type Range struct {
	skew              float64
	blur, noise       [2]float64
	yellow, illum     [2]float64
	stains, foxing    [2]int
	fadeMin, contrast [2]float64
	bleedP            float64
	bleed             [2]float64
	speckle           [2]float64
	borderP           float64
	borderW           [2]int
	jpegP             float64
	jpegQ             [2]int
	lowResP           float64
	lowDPI            [2]int
	blurP             float64
}

// The ranges of light, medium and heavy ageing.
var (
	Light = Range{
		skew: 1, blurP: 0.6, blur: [2]float64{0.3, 0.7}, noise: [2]float64{2, 5},
		yellow: [2]float64{0.1, 0.35}, illum: [2]float64{0.02, 0.06}, stains: [2]int{0, 1}, foxing: [2]int{0, 15},
		fadeMin: [2]float64{0.85, 1}, contrast: [2]float64{0.92, 1}, bleedP: 0.3, bleed: [2]float64{0.03, 0.07},
		speckle: [2]float64{5, 20}, borderP: 0.25, borderW: [2]int{15, 50}, jpegP: 0.2, jpegQ: [2]int{70, 90},
	}
	Medium = Range{
		skew: 3, blurP: 0.9, blur: [2]float64{0.6, 1.0}, noise: [2]float64{4, 9},
		yellow: [2]float64{0.3, 0.6}, illum: [2]float64{0.05, 0.12}, stains: [2]int{1, 3}, foxing: [2]int{10, 50},
		fadeMin: [2]float64{0.65, 0.85}, contrast: [2]float64{0.82, 0.95}, bleedP: 0.6, bleed: [2]float64{0.05, 0.12},
		speckle: [2]float64{10, 50}, borderP: 0.5, borderW: [2]int{30, 110}, jpegP: 0.35, jpegQ: [2]int{45, 75},
		lowResP: 0.1, lowDPI: [2]int{200, 200},
	}
	Heavy = Range{
		skew: 5, blurP: 1, blur: [2]float64{0.9, 1.5}, noise: [2]float64{8, 14},
		yellow: [2]float64{0.5, 0.9}, illum: [2]float64{0.1, 0.2}, stains: [2]int{2, 6}, foxing: [2]int{40, 150},
		fadeMin: [2]float64{0.45, 0.65}, contrast: [2]float64{0.68, 0.85}, bleedP: 0.8, bleed: [2]float64{0.08, 0.17},
		speckle: [2]float64{30, 120}, borderP: 0.8, borderW: [2]int{50, 180}, jpegP: 0.5, jpegQ: [2]int{25, 50},
		lowResP: 0.4, lowDPI: [2]int{150, 200},
	}
)

func uniform(r *rand.Rand, b [2]float64) float64 { return b[0] + (b[1]-b[0])*r.Float64() }
func uniformInt(r *rand.Rand, b [2]int) int      { return b[0] + r.IntN(b[1]-b[0]+1) }

// Draw draws a page's degradation settings within the ranges sr.
func Draw(r *rand.Rand, sr Range) Params {
	p := Params{
		SkewDeg:  math.Round((2*r.Float64()-1)*sr.skew*100) / 100,
		NoiseStd: uniform(r, sr.noise),
		Yellow:   uniform(r, sr.yellow),
		Illum:    uniform(r, sr.illum),
		Stains:   uniformInt(r, sr.stains),
		Foxing:   uniformInt(r, sr.foxing),
		FadeMin:  uniform(r, sr.fadeMin),
		Contrast: uniform(r, sr.contrast),
		Speckle:  uniform(r, sr.speckle),
	}
	if r.Float64() < sr.blurP {
		p.BlurSigma = uniform(r, sr.blur)
	}
	if r.Float64() < sr.bleedP {
		p.Bleed = uniform(r, sr.bleed)
	}
	if r.Float64() < sr.borderP {
		for i := range p.Border {
			if r.Float64() < 0.45 {
				p.Border[i] = uniformInt(r, sr.borderW)
			}
		}
	}
	if r.Float64() < sr.jpegP {
		p.JPEGQuality = uniformInt(r, sr.jpegQ)
	}
	if r.Float64() < sr.lowResP {
		p.LowDPI = uniformInt(r, sr.lowDPI) / 10 * 10
	}
	return p
}

// Record lists the settings as the ground truth's degradations, in the order they are applied.
func (p Params) Record() []Degradation {
	out := []Degradation{
		{Name: "paper", Params: map[string]float64{"yellow": round3(p.Yellow), "illumination": round3(p.Illum)}},
		{Name: "stains", Params: map[string]float64{"stains": float64(p.Stains), "foxing": float64(p.Foxing)}},
		{Name: "faded_ink", Params: map[string]float64{"contrast": round3(p.Contrast), "fade_min": round3(p.FadeMin)}},
		{Name: "speckle", Params: map[string]float64{"noise_std": round3(p.NoiseStd), "specks_per_mpx": round3(p.Speckle)}},
	}
	if p.SkewDeg != 0 {
		out = append([]Degradation{{Name: "skew", Params: map[string]float64{"skew_deg": p.SkewDeg}}}, out...)
	}
	if p.BlurSigma > 0 {
		out = append(out, Degradation{Name: "blur", Params: map[string]float64{"sigma": round3(p.BlurSigma)}})
	}
	if p.Bleed > 0 {
		out = append(out, Degradation{Name: "bleed_through", Params: map[string]float64{"strength": round3(p.Bleed)}})
	}
	if p.Border != [4]int{} {
		out = append(out, Degradation{Name: "scanner_border", Params: map[string]float64{
			"top": float64(p.Border[0]), "right": float64(p.Border[1]), "bottom": float64(p.Border[2]), "left": float64(p.Border[3]),
		}})
	}
	if p.LowDPI > 0 {
		out = append(out, Degradation{Name: "low_resolution", Params: map[string]float64{"dpi": float64(p.LowDPI)}})
	}
	if p.JPEGQuality > 0 {
		out = append(out, Degradation{Name: "jpeg", Params: map[string]float64{"quality": float64(p.JPEGQuality)}})
	}
	return out
}

func round3(v float64) float64 { return math.Round(v*1000) / 1000 }

// Degradation is one aging or scanning effect applied to a page, with its parameters.
type Degradation struct {
	Name   string             `json:"name"`
	Params map[string]float64 `json:"params,omitempty"`
}
