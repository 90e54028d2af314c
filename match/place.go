package match

import (
	"slices"
	"sync"

	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/validate"
)

// placeRef is a place resolved to today's units; empty codes are unknown levels. provinces holds
// today's provinces that may be meant (several for a former province like Hà Sơn Bình).
type placeRef struct {
	commune, district string
	provinces         []string
}

func (p placeRef) known() bool { return len(p.provinces) > 0 || p.district != "" || p.commune != "" }

// Places resolves places as written (old names too) through the gazetteer, remembering what it
// resolved: a population extract repeats the same few thousand places.
type Places struct {
	v      *validate.Validator
	byCode map[string]gazetteer.Unit
	mu     sync.Mutex
	cache  map[string]placeRef
}

// NewPlaces loads the gazetteer and the place index of package validate.
func NewPlaces() (*Places, error) {
	v, err := validate.New()
	if err != nil {
		return nil, err
	}
	units, err := gazetteer.Units()
	if err != nil {
		return nil, err
	}
	by := make(map[string]gazetteer.Unit, len(units))
	for _, u := range units {
		by[u.Code] = u
	}
	return &Places{v: v, byCode: by, cache: map[string]placeRef{}}, nil
}

// resolve links a written place to today's units.
func (p *Places) resolve(text string) placeRef {
	if text == "" {
		return placeRef{}
	}
	p.mu.Lock()
	ref, ok := p.cache[text]
	p.mu.Unlock()
	if ok {
		return ref
	}
	if link := p.v.Check(validate.TypePlace, text).Place; link != nil {
		ref = placeRef{commune: link.Commune.Code, district: link.District.Code}
		if link.Province.Code != "" {
			ref.provinces = []string{link.Province.Code}
		}
		for _, s := range link.Successors {
			ref.provinces = append(ref.provinces, s.Code)
		}
	}
	p.mu.Lock()
	if len(p.cache) > 200_000 {
		clear(p.cache)
	}
	p.cache[text] = ref
	p.mu.Unlock()
	return ref
}

// commune is the place of a commune code (the register's commune).
func (p *Places) commune(code string) placeRef {
	c, ok := p.byCode[code]
	if !ok || c.Level != gazetteer.Commune {
		return placeRef{}
	}
	d := p.byCode[c.Parent]
	return placeRef{commune: c.Code, district: d.Code, provinces: []string{d.Parent}}
}

// comparePlace weighs where the entry says the person was born against the citizen's place of
// birth: same commune, district, province (a former province counts for each of today's
// provinces on its territory), another province, or unknown.
func comparePlace(e, c placeRef, weak bool) (string, float64) {
	scale := 1.0
	if weak { // only the register's commune is known: most, not all, are born there
		scale = 0.5
	}
	switch {
	case !e.known() || !c.known():
		return "missing", 0
	case e.commune != "" && e.commune == c.commune:
		return "commune", scale * bits(0.6, 0.002)
	case e.district != "" && e.district == c.district:
		return "district", scale * bits(0.2, 0.01)
	case overlap(e.provinces, c.provinces):
		return "province", scale * bits(0.15, 0.03)
	case len(e.provinces) == 0 || len(c.provinces) == 0:
		return "missing", 0
	}
	return "differ", scale * bits(0.05, 0.95)
}

func overlap(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
