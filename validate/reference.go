package validate

// EthnicGroup is one of the 54 ethnic groups with the other names registers may write for it.
type EthnicGroup struct {
	Official string
	Others   []string // older and other names, then self-names
}

// EthnicGroups lists the 54 groups, the largest first.
func EthnicGroups() ([]EthnicGroup, error) {
	t, err := newEthnicTable()
	if err != nil {
		return nil, err
	}
	out := make([]EthnicGroup, 0, len(t.groups))
	for _, g := range t.groups {
		e := EthnicGroup{Official: g.official}
		e.Others = append(e.Others, g.names[colOther]...)
		e.Others = append(e.Others, g.names[colSelf]...)
		out = append(out, e)
	}
	return out, nil
}

// Phrases lists the phrases written again and again in free-text fields (causes of death, places
// that are not administrative units), in the order of data/phrases.txt.
func Phrases() []string {
	var out []string
	for _, p := range loadPhrases() {
		out = append(out, p.text)
	}
	return out
}
