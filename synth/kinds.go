package synth

import (
	"math/rand/v2"
	"strings"
	"time"

	"github.com/sohoa/sohoa/synth/world"
)

const nationality = "Việt Nam"

// birthFields draws a birth entry registered on reg.
func birthFields(d *world.Data, r *rand.Rand, c *content, reg time.Time) []Field {
	sex := world.SexMale
	if r.Float64() < 0.49 {
		sex = world.SexFemale
	}
	g := d.PickEthnic(r, c.home.Prov.Code)
	father := d.PersonName(r, world.SexMale, "")
	surname := strings.Fields(father)[0]
	if r.Float64() < 0.03 {
		surname = "" // the mother's, or a child registered without father
	}
	child := d.PersonName(r, sex, surname)
	mother := d.PersonName(r, world.SexFemale, "")

	var born time.Time
	switch x := r.Float64(); {
	case x < 0.9:
		born = addDays(reg, -r.IntN(61))
	case x < 0.97:
		born = addDays(reg, -61-r.IntN(300))
	default:
		born = addDays(reg, -365-r.IntN(4*365)) // late registration
	}

	var where string
	var ref *PlaceRef
	if r.Float64() < 0.55 {
		where, ref = c.facility(r, c.home)
	} else {
		where, ref = c.address(r, c.home, c.minority(g)), placeRef(c.home)
	}
	words := dateInWords(born)
	if r.Float64() < 0.3 {
		words = strings.ToLower(words[:1]) + words[1:]
	}
	return []Field{
		c.nameField("full_name", child),
		c.sexField(r, sex),
		c.dateField(r, "birth_date", born),
		c.field("birth_date_in_words", words, isoDate(born)),
		c.placeField("birth_place", where, ref),
		c.ethnicField(r, "ethnicity", g),
		c.field("nationality", nationality, nationality),
		c.nameField("father_name", father),
		c.nameField("mother_name", mother),
		c.dateField(r, "registration_date", reg),
		c.nameField("declarant_name", father), // printed by some generations of books only
	}
}

// marriageFields draws a marriage entry registered on reg.
func marriageFields(d *world.Data, r *rand.Rand, c *content, reg time.Time) []Field {
	hg := d.PickEthnic(r, c.home.Prov.Code)
	wg := hg
	if r.Float64() < 0.15 {
		wg = d.PickEthnic(r, c.home.Prov.Code)
	}
	age := func(min, mode int) int { // years, skewed towards mode
		return min + r.IntN(mode-min+1) + r.IntN(r.IntN(12)+1)
	}
	bornAged := func(years int) time.Time {
		last := reg.AddDate(-years, 0, 0)
		return randomDate(r, addDays(last, -364), last)
	}
	hBorn, wBorn := bornAged(age(20, 26)), bornAged(age(18, 23))
	hHome, wHome := c.home, c.home
	if r.Float64() < 0.3 {
		hHome = d.NearbyPlace(r, c.home, c.year)
	}
	if r.Float64() < 0.5 {
		wHome = d.NearbyPlace(r, c.home, c.year)
	}
	wifeNation := spouseNationality(r)
	return []Field{
		c.nameField("husband_name", d.PersonName(r, world.SexMale, "")),
		c.dateField(r, "husband_birth_date", hBorn),
		c.ethnicField(r, "husband_ethnicity", hg),
		c.placeField("husband_residence", c.address(r, hHome, c.minority(hg)), placeRef(hHome)),
		c.nameField("wife_name", d.PersonName(r, world.SexFemale, "")),
		c.dateField(r, "wife_birth_date", wBorn),
		c.ethnicField(r, "wife_ethnicity", wg),
		c.placeField("wife_residence", c.address(r, wHome, c.minority(wg)), placeRef(wHome)),
		c.dateField(r, "registration_date", reg),
		c.field("husband_nationality", nationality, nationality),
		c.field("wife_nationality", wifeNation, wifeNation),
	}
}

// deathCauses are causes written on registers, by age band: child, adult, old.
var deathCauses = [3][]string{
	{"Sốt cao", "Viêm phổi", "Tiêu chảy", "Sởi", "Đuối nước", "Suy dinh dưỡng", "Sốt xuất huyết", "Uốn ván"},
	{"Tai nạn giao thông", "Đuối nước", "Sốt rét", "Lao phổi", "Tai nạn lao động", "Ung thư gan", "Bệnh tim", "Viêm gan", "Sốt xuất huyết"},
	{"Già yếu", "Già yếu", "Già yếu", "Bệnh già", "Tai biến mạch máu não", "Bệnh tim", "Cao huyết áp", "Ung thư", "Lao phổi", "Hen suyễn", "Ốm đau lâu ngày"},
}

// deathFields draws a death entry registered on reg.
func deathFields(d *world.Data, r *rand.Rand, c *content, reg time.Time) []Field {
	sex := world.SexMale
	if r.Float64() < 0.47 {
		sex = world.SexFemale
	}
	g := d.PickEthnic(r, c.home.Prov.Code)
	died := addDays(reg, -r.IntN(16))
	if r.Float64() < 0.1 {
		died = addDays(reg, -16-r.IntN(120))
	}
	var years, band int
	switch x := r.Float64(); {
	case x < 0.1:
		years, band = r.IntN(6), 0
	case x < 0.28:
		years, band = 18+r.IntN(35), 1
	default:
		years, band = 50+r.IntN(30)+r.IntN(20), 2
	}
	born := randomDate(r, addDays(died.AddDate(-years-1, 0, 0), 1), died.AddDate(-years, 0, 0))
	if born.After(died) {
		born = died
	}
	addr := c.address(r, c.home, c.minority(g))
	var where string
	var ref *PlaceRef
	switch x := r.Float64(); {
	case x < 0.5:
		where, ref = []string{"Tại nhà", "Tại gia đình", "Tại nhà riêng"}[r.IntN(3)], placeRef(c.home)
	case x < 0.8:
		where, ref = c.facility(r, c.home)
	default:
		where, ref = addr, placeRef(c.home)
	}
	cause := deathCauses[band][r.IntN(len(deathCauses[band]))]
	dead := d.PersonName(r, sex, "")
	hour, hourValue := deathTime(r)
	return []Field{
		c.nameField("full_name", dead),
		c.sexField(r, sex),
		c.dateField(r, "birth_date", born),
		c.ethnicField(r, "ethnicity", g),
		c.field("nationality", nationality, nationality),
		c.placeField("residence", addr, placeRef(c.home)),
		c.dateField(r, "death_date", died),
		c.placeField("death_place", where, ref),
		c.field("death_cause", cause, cause),
		c.dateField(r, "registration_date", reg),
		c.field("death_time", hour, hourValue),
		c.nameField("declarant_name", declarant(d, r, dead)),
	}
}
