package place

import (
	"fmt"
	"slices"
	"strings"

	"github.com/sohoa/sohoa/gazetteer"
	"github.com/sohoa/sohoa/validate/spelling"
)

// placeCand is one reading of a part: a unit, or a former province (unit < 0).
type placeCand struct {
	unit, old int
	level     int
	score     float64 // about 1 for an exact match, less for a fuzzy one
	fuzzy     bool
}

// candidates lists the units a part may name, exactly or, for provinces and districts, within a
// small edit distance.
func (x *Index) candidates(p placePart) []placeCand {
	var out []placeCand
	for lv := lvCommune; lv <= lvProvince; lv++ {
		if !p.allowed.has(lv) {
			continue
		}
		for _, u := range x.byKey[lv][p.key] {
			out = append(out, placeCand{unit: u, old: -1, level: lv, score: 1 + x.typeBonus(p, u)})
		}
	}
	if p.allowed.has(lvProvince) {
		if o, ok := x.oldByKey[p.key]; ok {
			// A current name wins a tie with a former one (Hậu Giang is both).
			out = append(out, placeCand{unit: -1, old: o, level: lvProvince, score: scoreFormer})
		}
	}
	if len(out) > 0 || fuzzyLimit(p.key) == 0 {
		return out
	}
	limit := fuzzyLimit(p.key)
	for lv := lvDistrict; lv <= lvProvince; lv++ {
		if !p.allowed.has(lv) {
			continue
		}
		for key, us := range x.byKey[lv] {
			if d := boundedDistance(p.key, key, limit); d <= limit {
				for _, u := range us {
					out = append(out, placeCand{unit: u, old: -1, level: lv, score: 1 - 0.25*float64(d), fuzzy: true})
				}
			}
		}
	}
	if p.allowed.has(lvProvince) {
		for i, o := range x.olds {
			if d := boundedDistance(p.key, placeKey(o.name), limit); d <= limit {
				out = append(out, placeCand{unit: -1, old: i, level: lvProvince, score: scoreFormer - 0.25*float64(d), fuzzy: true})
			}
		}
	}
	slices.SortFunc(out, func(a, b placeCand) int { return (a.unit*1000 + a.old) - (b.unit*1000 + b.old) })
	return out
}

// Scores that break ties between otherwise equal readings.
const (
	scoreFormer = 0.99 // a former province, against a current unit of the same name
	bonusType   = 0.02 // the written type word is the unit's type today (huyện Long Mỹ, not thị xã)
)

// typeBonus rewards a unit whose type is the one written before its name.
func (x *Index) typeBonus(p placePart, u int) float64 {
	t := x.units[u].Type
	if x.units[u].Level == gazetteer.Province {
		t = strings.TrimSuffix(t, " Trung ương")
	}
	if p.unit != "" && spelling.Fold(t) == p.unit {
		return bonusType
	}
	return 0
}

// boundedDistance is Distance, short-cut when the lengths alone exceed the limit.
func boundedDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	return spelling.Distance(a, b)
}

// chain is one consistent reading of a place: a commune in a district in a province, any of them
// possibly missing, each taken from a different part.
type chain struct {
	comm, dist, prov placeCand // unit -1 and old -1 when absent
	parts            [3]int    // part index per level, -1 when absent
	old              int       // the former province named, or -1
	score            float64
}

var noCand = placeCand{unit: -1, old: -1}

// resolve finds the best chain: parts run from the most specific on the left to the province on
// the right, so a commune's part must come before its district's and its province's.
func (x *Index) resolve(parts []placePart) (best []chain) {
	cands := make([][]placeCand, len(parts))
	for i, p := range parts {
		if !p.hamlet {
			cands[i] = x.candidates(p)
		}
	}
	n := len(parts)
	for p := -1; p < n; p++ {
		for d := -1; d < firstSet(-1, p, n); d++ {
			for c := -1; c < firstSet(d, p, n); c++ {
				for _, ch := range x.chains(parts, cands, c, d, p) {
					switch {
					case len(best) == 0 || ch.score > best[0].score+1e-9:
						best = []chain{ch}
					case ch.score > best[0].score-1e-9:
						best = append(best, ch)
					}
				}
			}
		}
	}
	return best
}

// firstSet bounds the part of a lower level: before the district's, else before the
// province's, else anywhere.
func firstSet(d, p, n int) int {
	switch {
	case d >= 0:
		return d
	case p >= 0:
		return p
	}
	return n
}

// chains lists the consistent chains for one assignment of parts to levels (-1: none).
func (x *Index) chains(parts []placePart, cands [][]placeCand, c, d, p int) []chain {
	at := func(i, lv int) []placeCand {
		if i < 0 {
			return []placeCand{noCand}
		}
		var out []placeCand
		for _, cd := range cands[i] {
			if cd.level == lv {
				out = append(out, cd)
			}
		}
		return out
	}
	var out []chain
	for _, cc := range at(c, lvCommune) {
		for _, dc := range at(d, lvDistrict) {
			if cc.unit >= 0 && dc.unit >= 0 && x.units[cc.unit].Parent != x.units[dc.unit].Code {
				continue
			}
			for _, pc := range at(p, lvProvince) {
				low := cc.unit
				if low < 0 {
					low = dc.unit
				}
				if low >= 0 && pc != noCand && !x.provinceMatches(pc, x.province[low]) {
					continue
				}
				if cc == noCand && dc == noCand && pc == noCand {
					continue
				}
				ch := chain{comm: cc, dist: dc, prov: pc, parts: [3]int{c, d, p}, old: pc.old}
				ch.score = cc.score*boolF(cc.unit >= 0) + dc.score*boolF(dc.unit >= 0) + pc.score*boolF(pc != noCand)
				ch.score += positionBonus(parts, ch.parts)
				out = append(out, ch)
			}
		}
	}
	return out
}

func boolF(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// positionBonus slightly prefers, among untyped parts, the last as the province, the one before
// as the district and the one before that as the commune, so "Thái Nguyên" alone is the province.
func positionBonus(parts []placePart, at [3]int) float64 {
	var units []int
	for i, p := range parts {
		if !p.hamlet {
			units = append(units, i)
		}
	}
	b := 0.0
	for lv, i := range at {
		if i < 0 || parts[i].typed {
			continue
		}
		fromRight := len(units) - 1 - slices.Index(units, i)
		if fromRight == lvProvince-lv {
			b += 0.01
		}
	}
	return b
}

// provinceMatches reports whether a province candidate covers the province with code code.
func (x *Index) provinceMatches(pc placeCand, code string) bool {
	if pc.unit >= 0 {
		return x.units[pc.unit].Code == code
	}
	return slices.Contains(x.olds[pc.old].successors, code)
}

// fuzzyCommune looks for a commune within one edit or two of the part among the communes of a
// resolved district, or of a province when only that is known.
func (x *Index) fuzzyCommune(p placePart, under string) (placeCand, bool) {
	limit := fuzzyLimit(p.key)
	if limit == 0 || p.hamlet || !p.allowed.has(lvCommune) {
		return noCand, false
	}
	var pool []int
	for _, i := range x.children[under] {
		if x.units[i].Level == gazetteer.District {
			pool = append(pool, x.children[x.units[i].Code]...)
		} else {
			pool = append(pool, i)
		}
	}
	best, bestD, ties := -1, limit+1, 0
	for _, i := range pool {
		d := boundedDistance(p.key, placeKey(bareName(x.units[i].Name)), limit)
		switch {
		case d < bestD:
			best, bestD, ties = i, d, 1
		case d == bestD:
			ties++
		}
	}
	if best < 0 || ties > 1 {
		return noCand, false
	}
	return placeCand{unit: best, old: -1, level: lvCommune, score: 1 - 0.25*float64(bestD), fuzzy: bestD > 0}, true
}

// path is the full official name of a unit and its parents: "Phường Gia Sàng, Thành phố Thái
// Nguyên, Tỉnh Thái Nguyên".
func (x *Index) path(u int) string {
	var names []string
	for {
		names = append(names, x.units[u].Name)
		p, ok := x.byCode[x.units[u].Parent]
		if !ok {
			break
		}
		u = p
	}
	return strings.Join(names, ", ")
}

// unit returns the gazetteer unit with the code, or the zero Unit.
func (x *Index) unit(code string) gazetteer.Unit {
	if i, ok := x.byCode[code]; ok {
		return x.units[i]
	}
	return gazetteer.Unit{}
}

func (c chain) String() string {
	return fmt.Sprintf("%d/%d/%d@%v %.2f", c.comm.unit, c.dist.unit, c.prov.unit, c.parts, c.score)
}
