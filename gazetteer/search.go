package gazetteer

import (
	"bufio"
	_ "embed"
	"fmt"
	"slices"
	"strings"
)

//go:embed data/communes-2025-07.tsv
var communesAfterTSV string

// NewUnit is a commune-level unit after the reform of 1/7/2025, which abolished districts.
type NewUnit struct {
	Code, Name, Province string
}

// Match is a commune found by name, with where it was and what it became.
type Match struct {
	Code     string // GSO code in force until 30/06/2025, the one ledgers use
	Name     string // "Phường Gia Sàng"
	District string // "Thành phố Thái Nguyên"
	Province string // "Tỉnh Thái Nguyên"
	// After is the unit after the 2025 reform: the one of the same name in the province that
	// took over, else the one that kept the code; nil when neither exists (merged under another
	// name). NewProvince is that province, known even then.
	After       *NewUnit
	NewProvince string
}

// Label is the match as a person reads it: "Phường Gia Sàng, Thành phố Thái Nguyên, Tỉnh Thái
// Nguyên (05461)".
func (m Match) Label() string {
	return fmt.Sprintf("%s, %s, %s (%s)", m.Name, m.District, m.Province, m.Code)
}

// Directory searches communes by name, without regard to case or diacritics.
type Directory struct {
	communes []Match
	folded   []string // name, district and province of each commune, folded
	bare     []string // the commune's name without its type word, folded
	byCode   map[string]int
}

// NewDirectory builds the directory from the embedded lists.
func NewDirectory() (*Directory, error) {
	units, err := Units()
	if err != nil {
		return nil, err
	}
	after, err := communesAfter()
	if err != nil {
		return nil, err
	}
	byCode := map[string]Unit{}
	for _, u := range units {
		byCode[u.Code] = u
	}
	d := &Directory{byCode: map[string]int{}}
	for _, u := range units {
		if u.Level != Commune {
			continue
		}
		dist := byCode[u.Parent]
		m := Match{Code: u.Code, Name: u.Name, District: dist.Name, Province: byCode[dist.Parent].Name}
		d.byCode[u.Code] = len(d.communes)
		d.communes = append(d.communes, m)
		d.folded = append(d.folded, Fold(m.Name+" "+m.District+" "+m.Province))
		d.bare = append(d.bare, Fold(strings.TrimSpace(strings.TrimPrefix(u.Name, u.Type))))
	}
	d.linkAfter(after)
	return d, nil
}

// linkAfter finds each commune's unit after the 2025 reform. A province's successor is the new
// province holding most of the codes its communes kept; a commune's, the new unit of the same
// name there, else the new unit that kept its code.
func (d *Directory) linkAfter(after []NewUnit) {
	newByCode := map[string]NewUnit{}
	byProvName := map[[2]string]NewUnit{}
	for _, n := range after {
		newByCode[n.Code] = n
		byProvName[[2]string{n.Province, Fold(n.Name)}] = n
	}
	votes := map[string]map[string]int{}
	for _, m := range d.communes {
		if n, ok := newByCode[m.Code]; ok {
			if votes[m.Province] == nil {
				votes[m.Province] = map[string]int{}
			}
			votes[m.Province][n.Province]++
		}
	}
	successor := map[string]string{}
	for old, v := range votes {
		best := ""
		for p, c := range v {
			if best == "" || c > v[best] || c == v[best] && p < best {
				best = p
			}
		}
		successor[old] = best
	}
	for i := range d.communes {
		m := &d.communes[i]
		m.NewProvince = successor[m.Province]
		if n, ok := byProvName[[2]string{m.NewProvince, Fold(m.Name)}]; ok {
			m.After = &n
		} else if n, ok := newByCode[m.Code]; ok {
			m.After = &n
		}
	}
}

// Commune returns the commune with a code in force until 30/06/2025.
func (d *Directory) Commune(code string) (Match, bool) {
	i, ok := d.byCode[code]
	if !ok {
		return Match{}, false
	}
	return d.communes[i], true
}

// Search finds communes whose name, district and province contain every word of q (any case,
// with or without diacritics; a 5-digit code finds its commune): exact names first, then names
// that start with q, then the rest, at most limit.
func (d *Directory) Search(q string, limit int) []Match {
	if m, ok := d.Commune(strings.TrimSpace(q)); ok {
		return []Match{m}
	}
	fq := Fold(q)
	words := strings.Fields(fq)
	if len(words) == 0 {
		return nil
	}
	type hit struct{ i, rank int }
	var hits []hit
	for i, f := range d.folded {
		if !containsAll(f, words) {
			continue
		}
		rank := 2
		if d.bare[i] == fq || Fold(d.communes[i].Name) == fq {
			rank = 0
		} else if strings.HasPrefix(d.bare[i], fq) {
			rank = 1
		}
		hits = append(hits, hit{i, rank})
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return a.rank - b.rank })
	out := make([]Match, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, d.communes[h.i])
	}
	return out
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(" "+s, " "+w) {
			return false
		}
	}
	return true
}

func communesAfter() ([]NewUnit, error) {
	var out []NewUnit
	sc := bufio.NewScanner(strings.NewReader(communesAfterTSV))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("communes after 2025 line %d: %d columns, want 3", line, len(f))
		}
		prov := f[2]
		if rest, ok := strings.CutPrefix(prov, "Tp "); ok {
			prov = "Thành phố " + rest
		}
		out = append(out, NewUnit{Code: f[0], Name: f[1], Province: prov})
	}
	return out, sc.Err()
}
