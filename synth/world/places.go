package world

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/gazetteer"
)

// Unit is one administrative unit of the gazetteer, its type word apart from its name.
type Unit struct{ Code, Typ, Name string }

// District is a district with its communes.
type District struct {
	Unit
	Communes []Unit
}

// Province is a province with its districts.
type Province struct {
	Unit
	Districts []District
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
func gazetteerPlaces() ([]Province, error) {
	units, err := gazetteer.Units()
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var ps []Province
	for i, gu := range units {
		typ, name := gazetteer.SplitName(gu.Name)
		u := Unit{Code: gu.Code, Typ: typ, Name: name}
		switch {
		case gu.Level == gazetteer.Province:
			ps = append(ps, Province{Unit: u})
		case gu.Level == gazetteer.District && len(ps) > 0:
			p := &ps[len(ps)-1]
			p.Districts = append(p.Districts, District{Unit: u})
		case gu.Level == gazetteer.Commune && len(ps) > 0 && len(ps[len(ps)-1].Districts) > 0:
			p := &ps[len(ps)-1]
			d := &p.Districts[len(p.Districts)-1]
			d.Communes = append(d.Communes, u)
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

// Place is a commune with the names written on a page of a given year.
type Place struct {
	Prov        *Province
	Dist        *District
	Comm        Unit
	ProvWritten Unit // the province as named that year
}

// PickPlace draws a commune, provinces weighted by their number of communes.
func (d *Data) PickPlace(r *rand.Rand, year int) Place {
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
	for ; n >= len(p.Districts[di].Communes); di++ {
		n -= len(p.Districts[di].Communes)
	}
	dist := &p.Districts[di]
	return d.PlaceAt(p, dist, dist.Communes[n], year)
}

// NearbyPlace draws another commune of the same district (mostly) or province.
func (d *Data) NearbyPlace(r *rand.Rand, home Place, year int) Place {
	dist := home.Dist
	if r.Float64() < 0.3 {
		// Some districts of the list have no commune left (merged away): keep home's then.
		if other := &home.Prov.Districts[r.IntN(len(home.Prov.Districts))]; len(other.Communes) > 0 {
			dist = other
		}
	}
	return d.PlaceAt(home.Prov, dist, dist.Communes[r.IntN(len(dist.Communes))], year)
}

// PlaceAt is commune c of dist in p, with the province named as on pages of year.
func (d *Data) PlaceAt(p *Province, dist *District, c Unit, year int) Place {
	pl := Place{Prov: p, Dist: dist, Comm: c, ProvWritten: p.Unit}
	for _, h := range d.history {
		if h.province != p.Code || year > h.last {
			continue
		}
		if len(h.districts) > 0 && !slices.Contains(h.districts, dist.Code) {
			continue
		}
		pl.ProvWritten = Unit{Code: p.Code, Typ: h.typ, Name: h.name}
		break
	}
	return pl
}

// lower lowercases an administrative type for running text ("Thị trấn" → "thị trấn").
func lower(typ string) string { return strings.ToLower(typ) }

// CommuneText is "xã Tân Lập", DistrictText "huyện Đồng Hỷ", ProvinceText "tỉnh Bắc Thái".
func (p Place) CommuneText() string  { return lower(p.Comm.Typ) + " " + p.Comm.Name }
func (p Place) DistrictText() string { return lower(p.Dist.Typ) + " " + p.Dist.Name }
func (p Place) ProvinceText() string { return lower(p.ProvWritten.Typ) + " " + p.ProvWritten.Name }

// Full is the address of the commune as written on the page.
func (p Place) Full() string {
	return p.CommuneText() + ", " + p.DistrictText() + ", " + p.ProvinceText()
}

// Hamlet is a plausible hamlet (thôn, xóm, ấp, bản, buôn) of the commune, as written before its name.
func (p Place) Hamlet(r *rand.Rand, minority bool) string {
	c, _ := strconv.Atoi(p.Prov.Code)
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
	return word + " " + p.Dist.Communes[r.IntN(len(p.Dist.Communes))].Name
}
