package complete

import (
	"slices"
	"strings"

	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/synth/world"
	"github.com/sohoa/sohoa/validate/place"
)

// placeData finds administrative units by name, today's and former ones.
type placeData struct {
	units    []gazetteer.Unit
	bare     []string // name without its type: "Gia Sàng"
	typ      []string // type as written in running text: "phường"
	district []int    // index of the unit's district (itself for a district, -1 for a province)
	province []int    // index of the unit's province
	byCode   map[string]int
	index    *index // entry.ref: unit index; former provinces: -2 - i
	former   []place.FormerProvince
	history  []world.ProvinceName
}

// unitTypes are the type words a unit's name may start with, longest first.
var unitTypes = []string{"Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"}

func loadPlaces() (*placeData, error) {
	units, err := gazetteer.Units()
	if err != nil {
		return nil, err
	}
	former, err := place.FormerProvinces()
	if err != nil {
		return nil, err
	}
	history, err := world.ProvinceHistory()
	if err != nil {
		return nil, err
	}
	d := &placeData{units: units, byCode: map[string]int{}, former: former, history: history,
		bare: make([]string, len(units)), typ: make([]string, len(units)),
		district: make([]int, len(units)), province: make([]int, len(units))}
	var entries []entry
	for i, u := range units {
		d.byCode[u.Code] = i
		d.bare[i], d.typ[i] = splitType(u.Name)
		switch u.Level {
		case gazetteer.Province:
			d.province[i], d.district[i] = i, -1
		case gazetteer.District:
			d.district[i] = i
			d.province[i] = d.byCode[u.Parent]
		default:
			d.district[i] = d.byCode[u.Parent]
			d.province[i] = d.province[d.district[i]]
		}
		entries = append(entries, entry{key: fold(d.bare[i]), ref: i}, entry{key: fold(d.typ[i] + " " + d.bare[i]), ref: i})
	}
	for i, f := range former {
		entries = append(entries, entry{key: fold(f.Name), ref: -2 - i}, entry{key: fold("tỉnh " + f.Name), ref: -2 - i})
	}
	d.index = newIndex(entries)
	return d, nil
}

// splitType splits "Phường Gia Sàng" into "Gia Sàng" and "phường".
func splitType(name string) (bare, typ string) {
	for _, t := range unitTypes {
		if rest, ok := strings.CutPrefix(name, t+" "); ok {
			return rest, strings.ToLower(t)
		}
	}
	return name, ""
}

// provinceWritten is how province p (a unit index) was named on pages of year, for a place in
// district dist (-1: any): "tỉnh Bắc Thái" for Thái Nguyên in 1980.
func (d *placeData) provinceWritten(p, dist, year int) string {
	if year > 0 {
		code := d.units[p].Code
		for _, h := range d.history {
			if h.Province != code || year > h.Last || !d.begun(h.Name, year) {
				continue
			}
			if len(h.Districts) > 0 && (dist < 0 || !slices.Contains(h.Districts, d.units[dist].Code)) {
				continue
			}
			return strings.ToLower(h.Type) + " " + h.Name
		}
	}
	return d.typ[p] + " " + d.bare[p]
}

// begun says whether a former name was already in use in year (true when its start is unknown).
func (d *placeData) begun(name string, year int) bool {
	for _, f := range d.former {
		if f.Name == name && f.From > 0 {
			return f.From <= year
		}
	}
	return true
}

// provinceInForce says whether today's province p bore its own name in year: not so while the
// whole of it was part of a former province (Thái Nguyên in 1965–1996).
func (d *placeData) provinceInForce(p, year int) bool {
	if year == 0 {
		return true
	}
	code := d.units[p].Code
	for _, h := range d.history {
		if h.Province == code && len(h.Districts) == 0 && year <= h.Last && d.begun(h.Name, year) {
			return false
		}
	}
	return true
}

// render writes unit i as in running text, short ("xã Tân Lập") or with the units above it
// ("xã Tân Lập, huyện Đồng Hỷ, tỉnh Bắc Thái").
func (d *placeData) render(i, year int, full bool) string {
	s := d.typ[i] + " " + d.bare[i]
	if d.units[i].Level == gazetteer.Province {
		return d.provinceWritten(i, -1, year)
	}
	if !full {
		return s
	}
	if d.units[i].Level == gazetteer.Commune {
		dist := d.district[i]
		s += ", " + d.typ[dist] + " " + d.bare[dist]
	}
	return s + ", " + d.provinceWritten(d.province[i], d.district[i], year)
}
