package review

import "github.com/sohoa/sohoa/domain"

// linkPersons are the persons of an entry that are linked to citizens: one for births and
// deaths, the husband and the wife for marriages.
func linkPersons(k domain.Kind) []string {
	if k == domain.KindMarriage {
		return []string{"husband", "wife"}
	}
	return []string{""}
}

// linkColumns name the export's link columns: the personal ID number (nksSoDinhDanh in the
// import workbooks) and the match status, per person.
func linkColumns(persons []string) []string {
	var out []string
	for _, p := range persons {
		prefix := ""
		if p != "" {
			prefix = p + "_"
		}
		out = append(out, prefix+"so_dinh_danh", prefix+"match_status")
	}
	return out
}

// linkValues are an entry's link columns: the ID only when linked (proposed automatically or
// accepted by a person), the status always ("" when the entry was never matched).
func linkValues(persons []string, ms []domain.RecordMatch) []string {
	var out []string
	for _, p := range persons {
		id, status := "", ""
		for _, m := range ms {
			if m.Person != p {
				continue
			}
			status = string(m.Status)
			if m.Status == domain.MatchProposed || m.Status == domain.MatchAccepted {
				id = m.CitizenID
			}
		}
		out = append(out, id, status)
	}
	return out
}
