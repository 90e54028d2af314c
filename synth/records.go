package synth

import (
	"math/rand/v2"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/world"
	"golang.org/x/text/unicode/norm"
)

// content is what one page says, before it is laid out.
type content struct {
	kind       domain.Kind
	year       int
	home       world.Place // the commune keeping the register
	book       int         // quyển số
	national   string
	dates      dateStyle
	upperNames bool
	wording    *wording // how this generation of books words the entries
	records    []Record
}

// formLabels are the printed labels of the form layout, by field name.
var formLabels = map[domain.Kind]map[string]string{
	domain.KindBirth: {
		"entry_no": "Số:", "full_name": "Họ và tên:", "sex": "Giới tính:",
		"birth_date": "Ngày, tháng, năm sinh:", "birth_date_in_words": "Bằng chữ:", "birth_place": "Nơi sinh:",
		"ethnicity": "Dân tộc:", "nationality": "Quốc tịch:", "father_name": "Họ và tên cha:",
		"mother_name": "Họ và tên mẹ:", "registration_date": "Ngày đăng ký:",
	},
	domain.KindMarriage: {
		"entry_no": "Số:", "husband_name": "Họ và tên chồng:", "husband_birth_date": "Ngày sinh:",
		"husband_ethnicity": "Dân tộc:", "husband_residence": "Nơi thường trú:", "wife_name": "Họ và tên vợ:",
		"wife_birth_date": "Ngày sinh:", "wife_ethnicity": "Dân tộc:", "wife_residence": "Nơi thường trú:",
		"registration_date": "Ngày đăng ký:",
	},
	domain.KindDeath: {
		"entry_no": "Số:", "full_name": "Họ và tên người chết:", "sex": "Giới tính:", "birth_date": "Ngày sinh:",
		"ethnicity": "Dân tộc:", "nationality": "Quốc tịch:", "residence": "Nơi thường trú:",
		"death_date": "Ngày chết:", "death_place": "Nơi chết:", "death_cause": "Nguyên nhân chết:",
		"registration_date": "Ngày đăng ký:",
	},
}

// newContent draws the page-level facts and n records in registration order from r, and the
// register's wording from rw (nil: today's wording).
func newContent(d *world.Data, r, rw *rand.Rand, kind domain.Kind, n int) *content {
	c := &content{
		kind:       kind,
		year:       1975 + r.IntN(25),
		book:       1 + r.IntN(3),
		dates:      pickDateStyle(r),
		upperNames: r.Float64() < 0.35,
	}
	c.home = d.PickPlace(r, c.year)
	c.wording = &wording{name: "1999"}
	if rw != nil {
		c.wording = pickWording(rw, kind)
	}
	c.national = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
	if c.year == 1975 {
		c.national = "VIỆT NAM DÂN CHỦ CỘNG HÒA"
		if code, _ := strconv.Atoi(c.home.Prov.Code); code >= 48 {
			c.national = "CỘNG HÒA MIỀN NAM VIỆT NAM"
		}
	}
	reg := randomDate(r, date(c.year, 1, 2), date(c.year, 11, 30))
	number := 1 + r.IntN(240)
	for i := range n {
		rec := Record{Number: number + i}
		switch kind {
		case domain.KindBirth:
			rec.Fields = birthFields(d, r, c, reg)
		case domain.KindMarriage:
			rec.Fields = marriageFields(d, r, c, reg)
		case domain.KindDeath:
			rec.Fields = deathFields(d, r, c, reg)
		}
		rec.Fields = append([]Field{c.field("entry_no", strconv.Itoa(rec.Number), strconv.Itoa(rec.Number))}, rec.Fields...)
		c.applyWording(rw, &rec)
		c.records = append(c.records, rec)
		if next := addDays(reg, r.IntN(6)); next.Year() == c.year {
			reg = next
		}
	}
	return c
}

// field builds a field with its form label; strings are NFC.
func (c *content) field(name, written, value string) Field {
	return Field{
		Name: name, Label: c.wording.label(c.kind, name), Printed: true,
		Written: norm.NFC.String(written), Value: norm.NFC.String(value),
	}
}

func (c *content) nameField(name, full string) Field {
	written := full
	if c.upperNames {
		written = world.UpperCase(full)
	}
	return c.field(name, written, world.TitleCase(full))
}

// dateField writes t mostly in the page's style, sometimes in another, as clerks did.
func (c *content) dateField(r *rand.Rand, name string, t time.Time) Field {
	style := c.dates
	if r.Float64() < 0.1 {
		style = dateStyle(r.IntN(int(numDateStyles)))
	}
	return c.field(name, style.format(t), isoDate(t))
}

func (c *content) sexField(r *rand.Rand, sex string) Field {
	written := sex
	if r.Float64() < 0.3 {
		written = map[string]string{world.SexMale: "nam", world.SexFemale: "nữ"}[sex]
	}
	return c.field("sex", written, sex)
}

func (c *content) ethnicField(r *rand.Rand, name string, g *world.Ethnic) Field {
	return c.field(name, g.Written(r, c.year), g.Name)
}

func (c *content) placeField(name, written string, ref *PlaceRef) Field {
	f := c.field(name, written, written)
	f.Place = ref
	return f
}

// address writes where someone lives: a hamlet, then the commune, often its district and province.
func (c *content) address(r *rand.Rand, p world.Place, minority bool) string {
	h := p.Hamlet(r, minority)
	if p.Comm.Typ == "Phường" || p.Comm.Typ == "Thị trấn" {
		h = []string{"tổ ", "khối ", "khu phố "}[r.IntN(3)] + strconv.Itoa(1+r.IntN(20))
	}
	switch x := r.Float64(); {
	case x < 0.3 && p.Comm.Code == c.home.Comm.Code:
		return h + ", " + p.CommuneText()
	case x < 0.6:
		return h + ", " + p.CommuneText() + ", " + p.DistrictText()
	}
	return h + ", " + p.Full()
}

// facility writes a health facility of place p (birth or death place); the reference leaves out
// the levels below the facility's.
func (c *content) facility(r *rand.Rand, p world.Place) (string, *PlaceRef) {
	ref := placeRef(p)
	switch x := r.Float64(); {
	case x < 0.5:
		if c.year < 1985 && r.Float64() < 0.6 {
			return "Trạm xá " + p.CommuneText(), ref
		}
		return "Trạm y tế " + p.CommuneText(), ref
	case x < 0.8:
		ref.CommuneCode, ref.Commune = "", ""
		return "Bệnh viện " + p.DistrictText(), ref
	}
	ref.CommuneCode, ref.Commune, ref.DistrictCode, ref.District = "", "", "", ""
	return "Bệnh viện đa khoa " + p.ProvinceText(), ref
}

func (c *content) minority(g *world.Ethnic) bool { return g.Name != "Kinh" && g.Name != "Hoa" }

// placeRef is the ground-truth link of a place to today's (2025-03) units.
func placeRef(p world.Place) *PlaceRef {
	return &PlaceRef{
		ProvinceCode:    p.Prov.Code,
		Province:        p.Prov.Typ + " " + p.Prov.Name,
		DistrictCode:    p.Dist.Code,
		District:        p.Dist.Typ + " " + p.Dist.Name,
		CommuneCode:     p.Comm.Code,
		Commune:         p.Comm.Typ + " " + p.Comm.Name,
		ProvinceWritten: p.ProvWritten.Typ + " " + p.ProvWritten.Name,
	}
}
