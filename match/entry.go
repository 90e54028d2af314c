package match

import (
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/namekey"
)

// Entry is a register entry as `sohoa match --entries` reads it (one JSON object a line).
type Entry struct {
	ID          string            `json:"id"`
	Kind        domain.Kind       `json:"kind"`
	CommuneCode string            `json:"commune_code"`
	Year        int               `json:"year"`
	Fields      map[string]string `json:"fields"`
}

// Subject is one person an entry names, ready to compare: the child of a birth entry, the
// deceased of a death entry, the husband or the wife of a marriage entry.
type Subject struct {
	Person      string // "" for births and deaths; "husband" or "wife"
	Name        string
	parts       namekey.Parts
	words       []string // the name's words, lowercase NFC
	Sex         string
	Birth       domain.PartialDate
	Place       string // place of birth (births) or residence (deaths, marriages)
	residence   bool   // Place is a residence, compared with the citizen's noi_cu_tru
	CommuneCode string // the register's commune
	Father      string
	Mother      string
	FatherYear  int
	MotherYear  int
}

// Subjects lists the persons of an entry that can be matched; one without a name is left out.
func Subjects(e Entry) []Subject {
	f := func(name string) string { return strings.TrimSpace(e.Fields[name]) }
	base := Subject{CommuneCode: e.CommuneCode}
	var out []Subject
	add := func(s Subject) {
		if namekey.Fold(s.Name) == "" {
			return
		}
		s.parts = namekey.Split(s.Name)
		s.words = strings.Fields(namekey.Lower(s.Name))
		out = append(out, s)
	}
	switch e.Kind {
	case domain.KindMarriage:
		h, w := base, base
		h.residence, w.residence = true, true
		h.Person, h.Name, h.Sex, h.Place = "husband", f("husband_name"), "Nam", f("husband_residence")
		h.Birth, _ = domain.ParsePartialDate(f("husband_birth_date"))
		w.Person, w.Name, w.Sex, w.Place = "wife", f("wife_name"), "Nữ", f("wife_residence")
		w.Birth, _ = domain.ParsePartialDate(f("wife_birth_date"))
		add(h)
		add(w)
	default:
		s := base
		s.Name, s.Sex = f("full_name"), normSex(f("sex"))
		s.Birth, _ = domain.ParsePartialDate(f("birth_date"))
		s.Place = f("birth_place")
		if e.Kind == domain.KindDeath {
			s.Place, s.residence = f("residence"), true
		}
		s.Father, s.Mother = f("father_name"), f("mother_name")
		s.FatherYear, _ = strconv.Atoi(f("father_birth_year"))
		s.MotherYear, _ = strconv.Atoi(f("mother_birth_year"))
		add(s)
	}
	return out
}

func normSex(s string) string {
	switch namekey.Fold(s) {
	case "nam", "1":
		return "Nam"
	case "nu", "2":
		return "Nữ"
	}
	return ""
}

// Query is the storage query for a subject's candidates.
func (s Subject) Query(fuzzy bool) domain.CitizenQuery {
	return domain.CitizenQuery{Surname: s.parts.Surname, Given: s.parts.Given, Name: s.parts.Key(),
		MotherGiven: namekey.Split(s.Mother).Given, Year: s.Birth.Year, Fuzzy: fuzzy}
}
