package world

// NameCount is a family or middle name with how often it occurs in the reference names.
type NameCount struct {
	Name  string
	Count int
}

// NameLists is the embedded name reference data, for packages that rank names (keying
// assistance) without a second copy of the files.
type NameLists struct {
	Surnames, Middles []NameCount
	Male, Female      []string // given names, possibly with a middle name before them
}

// Names returns the embedded name lists.
func Names() (NameLists, error) {
	d, err := Load()
	if err != nil {
		return NameLists{}, err
	}
	counts := func(w weighted) []NameCount {
		out := make([]NameCount, len(w.items))
		prev := 0.0
		for i, it := range w.items {
			out[i] = NameCount{Name: it, Count: int(w.cum[i] - prev + 0.5)}
			prev = w.cum[i]
		}
		return out
	}
	return NameLists{Surnames: counts(d.surnames), Middles: counts(d.middles), Male: d.male, Female: d.female}, nil
}

// ProvinceName is a province name written on pages up to and including year Last, for the
// province with today's code Province (and only its districts Districts, when not empty).
type ProvinceName struct {
	Province  string
	Districts []string
	Last      int
	Type      string
	Name      string
}

// ProvinceHistory returns the province names used before later splits and renames, first match
// first (see data/province-history.tsv).
func ProvinceHistory() ([]ProvinceName, error) {
	d, err := Load()
	if err != nil {
		return nil, err
	}
	out := make([]ProvinceName, len(d.history))
	for i, h := range d.history {
		out[i] = ProvinceName{Province: h.province, Districts: h.districts, Last: h.last, Type: h.typ, Name: h.name}
	}
	return out, nil
}
