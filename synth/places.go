package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/gazetteer"
)

// unit is one administrative unit of the gazetteer, its type word apart from its name.
type unit struct{ code, typ, name string }

type district struct {
	unit
	communes []unit
}

type province struct {
	unit
	districts []district
	ncommunes int
}

// historyRow is a province name used on pages up to and including year last.
type historyRow struct {
	province  string
	districts []string // empty means all
	last      int
	typ, name string
}

// gazetteerPlaces arranges the gazetteer's units (package gazetteer, the GSO list of 03/2025) as
// provinces of districts of communes, each name split from its type word.
func gazetteerPlaces() ([]province, error) {
	units, err := gazetteer.Units()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var ps []province
	for i, gu := range units {
		typ, name := gazetteer.SplitName(gu.Name)
		u := unit{code: gu.Code, typ: typ, name: name}
		switch {
		case gu.Level == gazetteer.Province:
			ps = append(ps, province{unit: u})
		case gu.Level == gazetteer.District && len(ps) > 0:
			p := &ps[len(ps)-1]
			p.districts = append(p.districts, district{unit: u})
		case gu.Level == gazetteer.Commune && len(ps) > 0 && len(ps[len(ps)-1].districts) > 0:
			p := &ps[len(ps)-1]
			d := &p.districts[len(p.districts)-1]
			d.communes = append(d.communes, u)
			p.ncommunes++
		default:
			return nil, fmt.Errorf("gazetteer unit %d (%s): unexpected %q", i+1, gu.Code, gu.Level)
		}
	}
	return ps, nil
}

func readHistory(path string) ([]historyRow, error) {
	rows, err := readRows(path)
	if err != nil {
		return nil, err
	}
	out := make([]historyRow, 0, len(rows))
	for i, row := range rows {
		if len(row) != 5 {
			return nil, fmt.Errorf("%s row %d: want 5 columns, got %d", path, i+1, len(row))
		}
		last, err := strconv.Atoi(row[2])
		if err != nil {
			return nil, fmt.Errorf("%s row %d: %w", path, i+1, err)
		}
		h := historyRow{province: row[0], last: last, typ: row[3], name: row[4]}
		if row[1] != "*" {
			h.districts = strings.Split(row[1], ",")
		}
		out = append(out, h)
	}
	return out, nil
}

// place is a commune with the names written on a page of a given year.
type place struct {
	prov        *province
	dist        *district
	comm        unit
	provWritten unit // the province as named that year
}

// pickPlace draws a commune, provinces weighted by their number of communes.
func (d *refData) pickPlace(r *rand.Rand, year int) place {
	total := 0
	for i := range d.provinces {
		total += d.provinces[i].ncommunes
	}
	n := r.IntN(total)
	pi := 0
	for ; n >= d.provinces[pi].ncommunes; pi++ {
		n -= d.provinces[pi].ncommunes
	}
	p := &d.provinces[pi]
	di := 0
	for ; n >= len(p.districts[di].communes); di++ {
		n -= len(p.districts[di].communes)
	}
	dist := &p.districts[di]
	return d.placeAt(p, dist, dist.communes[n], year)
}

// nearbyPlace draws another commune of the same district (mostly) or province.
func (d *refData) nearbyPlace(r *rand.Rand, home place, year int) place {
	dist := home.dist
	if r.Float64() < 0.3 {
		// Some districts of the list have no commune left (merged away): keep home's then.
		if other := &home.prov.districts[r.IntN(len(home.prov.districts))]; len(other.communes) > 0 {
			dist = other
		}
	}
	return d.placeAt(home.prov, dist, dist.communes[r.IntN(len(dist.communes))], year)
}

func (d *refData) placeAt(p *province, dist *district, c unit, year int) place {
	pl := place{prov: p, dist: dist, comm: c, provWritten: p.unit}
	for _, h := range d.history {
		if h.province != p.code || year > h.last {
			continue
		}
		if len(h.districts) > 0 && !slices.Contains(h.districts, dist.code) {
			continue
		}
		pl.provWritten = unit{code: p.code, typ: h.typ, name: h.name}
		break
	}
	return pl
}

// lower lowercases an administrative type for running text ("Thị trấn" → "thị trấn").
func lower(typ string) string { return strings.ToLower(typ) }

// communeText is "xã Tân Lập", districtText "huyện Đồng Hỷ", provinceText "tỉnh Bắc Thái".
func (p place) communeText() string  { return lower(p.comm.typ) + " " + p.comm.name }
func (p place) districtText() string { return lower(p.dist.typ) + " " + p.dist.name }
func (p place) provinceText() string { return lower(p.provWritten.typ) + " " + p.provWritten.name }

// full is the address of the commune as written on the page.
func (p place) full() string {
	return p.communeText() + ", " + p.districtText() + ", " + p.provinceText()
}

// ref is the ground-truth link of a place to today's (2025-03) units.
func (p place) ref() *PlaceRef {
	return &PlaceRef{
		ProvinceCode:    p.prov.code,
		Province:        p.prov.typ + " " + p.prov.name,
		DistrictCode:    p.dist.code,
		District:        p.dist.typ + " " + p.dist.name,
		CommuneCode:     p.comm.code,
		Commune:         p.comm.typ + " " + p.comm.name,
		ProvinceWritten: p.provWritten.typ + " " + p.provWritten.name,
	}
}

// hamlet is a plausible hamlet (thôn, xóm, ấp, bản, buôn) of the commune, as written before its name.
func (p place) hamlet(r *rand.Rand, minority bool) string {
	c, _ := strconv.Atoi(p.prov.code)
	var word string
	switch {
	case c >= 70:
		word = "ấp"
	case minority && c >= 62 && c <= 68:
		word = []string{"buôn", "làng", "thôn"}[r.IntN(3)]
	case minority && c < 26:
		word = "bản"
	default:
		word = []string{"thôn", "xóm", "xóm", "đội"}[r.IntN(4)]
	}
	if word == "đội" || r.Float64() < 0.35 {
		return word + " " + strconv.Itoa(1+r.IntN(12))
	}
	// Hamlets are often named like the communes around them.
	return word + " " + p.dist.communes[r.IntN(len(p.dist.communes))].name
}
