package ocr

import (
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func checkValues(t *testing.T, got map[string]string, want map[string]string) {
	t.Helper()
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s: got %q, want %q", k, got[k], v)
		}
	}
}

func TestExtractFormOlderDeathWording(t *testing.T) {
	tpl := mustTemplate(t, "khai-tu-form")
	words := page(
		line(100, 200, "Số: 31"),
		line(200, 200, "Họ tên người chết: Lê Văn Tư"),
		line(300, 200, "Giới tính: Nam"), line(300, 900, "Sinh năm: 1916"),
		line(400, 200, "Dân tộc: Kinh"), line(400, 1200, "Quốc tịch: Việt Nam"),
		line(500, 200, "Nơi cư trú: xóm 3, xã Hòa Bình"),
		line(600, 200, "Chết lúc: 20 giờ 20 phút"), line(600, 1200, "Ngày chết: 05/03/1987"),
		line(700, 200, "Nơi chết: Tại nhà"),
		line(800, 200, "Nguyên nhân chết: Già yếu"),
		line(900, 200, "Người đi khai: Lê Văn Ba"),
		line(1000, 200, "Đăng ký ngày: 07/03/1987"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 1 {
		t.Fatalf("got %d entries %v, want 1", len(got), got)
	}
	checkValues(t, got[0], map[string]string{
		"full_name": "Lê Văn Tư", "sex": "Nam", "birth_date": "1916", "ethnicity": "Kinh", "nationality": "Việt Nam",
		"residence": "xóm 3, xã Hòa Bình", "death_time": "20 giờ 20 phút", "death_date": "05/03/1987",
		"death_place": "Tại nhà", "death_cause": "Già yếu", "declarant_name": "Lê Văn Ba", "registration_date": "07/03/1987",
	})
}

func TestExtractFormOlderMarriageWording(t *testing.T) {
	tpl := mustTemplate(t, "ket-hon-form")
	words := page(
		line(100, 200, "Số: 8"),
		line(200, 200, "Họ tên chồng: Lê Văn Nam"),
		line(300, 200, "Sinh năm: 1950"),
		line(400, 200, "Dân tộc: Tày"), line(400, 1200, "Quốc tịch: Việt Nam"),
		line(500, 200, "Nơi cư trú: bản Nà Lạn, xã Đức Xuân"),
		line(600, 200, "Họ tên vợ: Trần Thị Bé"),
		line(700, 200, "Sinh ngày: 03/04/1955"),
		line(800, 200, "Dân tộc: Kinh"), line(800, 1200, "Quốc tịch: Lào"),
		line(900, 200, "Trú quán: thôn Đông, xã Đức Xuân"),
		line(1000, 200, "Đăng ký ngày: 2-6-1976"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 1 {
		t.Fatalf("got %d entries %v, want 1", len(got), got)
	}
	checkValues(t, got[0], map[string]string{
		"husband_name": "Lê Văn Nam", "husband_birth_date": "1950", "husband_ethnicity": "Tày",
		"husband_nationality": "Việt Nam", "husband_residence": "bản Nà Lạn, xã Đức Xuân",
		"wife_name": "Trần Thị Bé", "wife_birth_date": "03/04/1955", "wife_ethnicity": "Kinh",
		"wife_nationality": "Lào", "wife_residence": "thôn Đông, xã Đức Xuân", "registration_date": "2-6-1976",
	})
}

// withoutField is the template with one field left out, as an operator's older template might be.
func withoutField(tpl Template, name string) Template {
	tpl.Fields = slices.DeleteFunc(slices.Clone(tpl.Fields), func(f FieldSpec) bool { return f.Name == name })
	return tpl
}

func TestUnknownLabelEndsTheFieldAbove(t *testing.T) {
	tpl := withoutField(mustTemplate(t, "khai-tu-form"), "declarant_name")
	words := page(
		line(100, 200, "Số: 31"),
		line(200, 200, "Họ và tên người chết: Lê Văn Tư"),
		line(300, 200, "Nguyên nhân chết: Già yếu"),
		line(360, 260, "Người đi khai: Lê Văn Ba"), // close below, where a wrapped value would be
		line(460, 200, "Ngày đăng ký: 07/03/1987"),
		line(600, 200, "Số: 32"),
		line(700, 200, "Họ và tên người chết: Phạm Thị Hoa"),
		line(800, 200, "Nguyên nhân chết: Bệnh tim Người khai: Trần Văn Cường"), // on the same line
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 2 {
		t.Fatalf("got %d entries %v, want 2", len(got), got)
	}
	checkValues(t, got[0], map[string]string{"death_cause": "Già yếu", "registration_date": "07/03/1987"})
	checkValues(t, got[1], map[string]string{"death_cause": "Bệnh tim"})
	// A wrapped value is still joined: it has no label.
	words = page(
		line(100, 200, "Số: 31"),
		line(200, 200, "Nơi thường trú: xóm 3, xã Hòa Bình,"),
		line(260, 260, "huyện Kim Bôi, tỉnh Hòa Bình"),
	)
	got = values(tpl, extractForm(groupLines(words), tpl))
	checkValues(t, got[0], map[string]string{"residence": "xóm 3, xã Hòa Bình, huyện Kim Bôi, tỉnh Hòa Bình"})
}

func TestLabelRun(t *testing.T) {
	for text, want := range map[string]int{
		"Người đi khai: Lê Văn Ba": 3, "Ngày, tháng, năm sinh: 05/03/1987": 4, "huyện Kim Bôi: x": 0,
		"xóm 3, xã Hòa Bình": 0, "Tại nhà": 0, "5ó: 13": 0, "Số: 12": 1,
	} {
		if got := labelRun(line(0, 0, text)); got != want {
			t.Errorf("labelRun(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestParseTime(t *testing.T) {
	for in, want := range map[string]string{
		"20 giờ 20 phút": "20:20", "7 giờ": "07:00", "8 giờ 05 phút": "08:05", "20g20": "20:20", "20h20": "20:20",
		"20:20": "20:20", "lúc 6 giờ 30": "06:30", "khoảng 23 giờ": "23:00",
		"25 giờ": "", "20 giờ 75 phút": "", "Già yếu": "", "": "", "05/03/1987": "",
	} {
		got, ok := parseTime(in)
		if got != want || ok != (want != "") {
			t.Errorf("parseTime(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestSplitTime(t *testing.T) {
	hour, date, ok := splitTime("20 giờ 20 phút, ngày 05/03/1987")
	if !ok || hour != "20 giờ 20 phút," || date != "ngày 05/03/1987" {
		t.Errorf("got %q %q %v", hour, date, ok)
	}
	if _, _, ok := splitTime("ngày 05 tháng 3 năm 1987"); ok {
		t.Error("a date alone has no time to split off")
	}
	if _, _, ok := splitTime("Tại nhà ngày 5"); ok {
		t.Error("words that are no time are not split off")
	}
}

func TestTimeOfDeathSplitOffTheDate(t *testing.T) {
	fr := fieldReader{r: &Reader{cfg: Config{ReviewThreshold: 0.85}, checker: plainChecker{}}}
	tpl := mustTemplate(t, "khai-tu-form")
	rec := Record{Fields: map[string]Field{
		"death_date": {Name: "death_date", Text: "20 giờ 20 phút, ngày 05/03/1987", Confidence: 0.95, NeedsReview: true},
	}, Absent: []string{"death_time"}}
	fr.timeOfDeath(tpl, &rec)
	if f := rec.Fields["death_time"]; f.Value != "20:20" || f.NeedsReview {
		t.Errorf("death_time: got %+v, want 20:20 not needing review", f)
	}
	if f := rec.Fields["death_date"]; f.Value != "ngày 05/03/1987" || f.NeedsReview {
		t.Errorf("death_date: got %+v, want the date alone, read again", f)
	}
	if len(rec.Absent) != 0 {
		t.Errorf("absent: got %v, want none", rec.Absent)
	}
}

func TestYearOnlyLabel(t *testing.T) {
	fr := fieldReader{r: &Reader{cfg: Config{ReviewThreshold: 0.85}}}
	partial := Field{Value: "1916", Confidence: 0.95, NeedsReview: true, Issues: []domain.Issue{{Code: "date_partial"}}}
	if f := fr.yearOnly(partial, "sinhnam"); f.NeedsReview || len(f.Issues) != 0 {
		t.Errorf("Sinh năm: 1916: got %+v, want no issue and no review", f)
	}
	if f := fr.yearOnly(partial, "sinhngay"); !f.NeedsReview || len(f.Issues) != 1 {
		t.Errorf("Sinh ngày: 1916: got %+v, want the incomplete date kept for review", f)
	}
	low := partial
	low.Confidence = 0.5
	if f := fr.yearOnly(low, "sinhnam"); !f.NeedsReview {
		t.Errorf("a doubtful reading still needs review: got %+v", f)
	}
}
