package people

import (
	"fmt"
	"github.com/sohoa/sohoa/synth/world"
	"math/rand/v2"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// Options say how large a synthetic population and its register entries are.
type Options struct {
	Citizens int     // citizens in the extract
	Entries  int     // register entries derived from them (and from people not in it)
	Seed     uint64  // same seed, same output
	Absent   float64 // share of entries whose person is not in the extract (default 0.1)
}

// Entry is a birth-register entry as `sohoa match --entries` reads it, with the ID of
// the citizen it was derived from ("" when its person is not in the extract).
type Entry struct {
	ID          string            `json:"id"`
	Kind        string            `json:"kind"`
	CommuneCode string            `json:"commune_code"`
	Year        int               `json:"year"`
	Fields      map[string]string `json:"fields"`
	Truth       string            `json:"-"`
}

// person is a generated citizen with the place it was born in (for names written then).
type person struct {
	domain.Citizen
	born world.Place
}

// Generate makes a population extract by families — parents with one to four children born
// 1945–2005 in their commune — with the collisions of real ones: common family and given names
// (weighted by the reference counts), shared birthdays, and namesakes with other parents (about
// 4 % of families name a child exactly like someone born the same year in the same commune).
// citizen is called for every citizen; then entry for every register entry, derived from a
// random citizen born before 2000 with the damage of old books (misspelt tone marks, spelling
// shifts, old unit names, missing days, swapped day and month, missing parents), or from a
// person not in the extract (half of them namesakes of a citizen, with other parents).
func Generate(opts Options, citizen func(domain.Citizen) error, entry func(Entry) error) error {
	d, err := world.Load()
	if err != nil {
		return err
	}
	if opts.Absent == 0 {
		opts.Absent = 0.1
	}
	g := &popGen{d: d, r: rand.New(rand.NewPCG(opts.Seed, 0x5eed)), serial: map[string]int{}}
	present := int(float64(opts.Entries) * (1 - opts.Absent))
	sample := make([]person, 0, present)
	seen := 0
	for n := 0; n < opts.Citizens; {
		for _, p := range g.family(opts.Citizens - n) {
			if err := citizen(p.Citizen); err != nil {
				return err
			}
			n++
			g.remember(p)
			if p.Birth.Year >= 2000 || present == 0 {
				continue
			}
			// Reservoir sampling: every citizen born before 2000 equally likely.
			if seen++; len(sample) < present {
				sample = append(sample, p)
			} else if i := g.r.IntN(seen); i < present {
				sample[i] = p
			}
		}
	}
	for i := 0; i < opts.Entries; i++ {
		var p person
		if i < len(sample) {
			p = sample[i]
		} else {
			p = g.absent()
		}
		e := g.entry(p)
		e.ID = fmt.Sprintf("e%07d", i+1)
		if i < len(sample) {
			e.Truth = p.ID
		}
		if err := entry(e); err != nil {
			return err
		}
	}
	return nil
}

type popGen struct {
	d      *world.Data
	r      *rand.Rand
	serial map[string]int
	recent []person // a ring of recent citizens, namesakes are drawn from
	next   int
}

func (g *popGen) remember(p person) {
	if len(g.recent) < 4096 {
		g.recent = append(g.recent, p)
		return
	}
	g.recent[g.next] = p
	g.next = (g.next + 1) % len(g.recent)
}

// family makes parents and up to max children, all citizens.
func (g *popGen) family(limit int) []person {
	r := g.r
	var namesake *person
	if len(g.recent) > 0 && r.Float64() < 0.04 {
		ns := g.recent[r.IntN(len(g.recent))]
		namesake = &ns
	}
	surname := ""
	home := g.d.PickPlace(r, 2025)
	if namesake != nil {
		surname = strings.Fields(namesake.FullName)[0]
		home = namesake.born
	}
	fatherYear := 1915 + r.IntN(68)
	motherYear := fatherYear - 2 + r.IntN(9)
	father := g.d.PersonName(r, world.SexMale, surname)
	mother := g.d.PersonName(r, world.SexFemale, "")
	surname = strings.Fields(father)[0]
	kids := min(limit, 1+r.IntN(4))
	out := make([]person, 0, kids)
	for i := 0; i < kids; i++ {
		year := min(2005, motherYear+19+r.IntN(22))
		sex := []string{world.SexMale, world.SexFemale}[r.IntN(2)]
		p := person{Citizen: domain.Citizen{FullName: g.d.PersonName(r, sex, surname), Sex: sex,
			Birth:      domain.PartialDate{Day: 1 + r.IntN(28), Month: 1 + r.IntN(12), Year: year},
			FatherName: father, FatherYear: fatherYear, MotherName: mother, MotherYear: motherYear}}
		p.born = home
		if r.Float64() < 0.15 {
			p.born = g.nearby(home)
		}
		if i == 0 && namesake != nil { // named like someone born that year in that commune
			p.FullName, p.Sex, p.born = namesake.FullName, namesake.Sex, namesake.born
			p.Birth.Year = namesake.Birth.Year
			if r.Float64() < 0.5 {
				p.Birth = namesake.Birth
			}
		}
		g.fill(&p, home)
		out = append(out, p)
	}
	return out
}

// fill gives a citizen its ID and the place columns as the population database writes them.
func (g *popGen) fill(p *person, home world.Place) {
	r := g.r
	century := 0
	if p.Birth.Year >= 2000 {
		century = 2
	}
	if p.Sex == world.SexFemale {
		century++
	}
	prefix := fmt.Sprintf("0%s%d%02d", p.born.Prov.Code, century, p.Birth.Year%100)
	g.serial[prefix]++
	p.ID = fmt.Sprintf("%s%06d", prefix, g.serial[prefix])
	p.BirthPlace = today(p.born)
	if r.Float64() < 0.2 {
		p.BirthPlace = p.born.Prov.Typ + " " + p.born.Prov.Name
	}
	p.HomeTown = home.Prov.Typ + " " + home.Prov.Name
	p.Residence = today(home)
	if r.Float64() < 0.05 { // some old records know only the year
		p.Birth.Day, p.Birth.Month = 0, 0
	}
}

// today is a place with today's (2025-03) names, as the population database has it.
func today(p world.Place) string {
	return p.Comm.Typ + " " + p.Comm.Name + ", " + p.Dist.Typ + " " + p.Dist.Name + ", " + p.Prov.Typ + " " + p.Prov.Name
}

// absent is a person not in the extract: half of them a namesake of a recent citizen (same name,
// year, commune, often the same day) with other parents.
func (g *popGen) absent() person {
	r := g.r
	sex := []string{world.SexMale, world.SexFemale}[r.IntN(2)]
	p := person{Citizen: domain.Citizen{FullName: g.d.PersonName(r, sex, ""), Sex: sex,
		Birth:      domain.PartialDate{Day: 1 + r.IntN(28), Month: 1 + r.IntN(12), Year: 1950 + r.IntN(50)},
		FatherName: g.d.PersonName(r, world.SexMale, ""), MotherName: g.d.PersonName(r, world.SexFemale, "")}}
	p.born = g.d.PickPlace(r, 2025)
	if r.Float64() < 0.5 && len(g.recent) > 0 {
		ns := g.recent[r.IntN(len(g.recent))]
		for ns.Birth.Year >= 2000 {
			ns = g.recent[r.IntN(len(g.recent))]
		}
		p.FullName, p.Sex, p.born, p.Birth.Year = ns.FullName, ns.Sex, ns.born, ns.Birth.Year
		p.FatherName = g.d.PersonName(r, world.SexMale, strings.Fields(ns.FullName)[0])
		if r.Float64() < 0.5 {
			p.Birth = ns.Birth
		}
	}
	return p
}

// nearby is another commune of the same district, or now and then of the same province.
func (g *popGen) nearby(home world.Place) world.Place {
	dist := home.Dist
	if d := &home.Prov.Districts[g.r.IntN(len(home.Prov.Districts))]; g.r.Float64() < 0.3 && len(d.Communes) > 0 {
		dist = d
	}
	return g.d.PlaceAt(home.Prov, dist, dist.Communes[g.r.IntN(len(dist.Communes))], 2025)
}
