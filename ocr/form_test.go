package ocr

import (
	"testing"
)

// values flattens entries into field name → value text for comparison.
func values(t Template, es []*entry) []map[string]string {
	var out []map[string]string
	for _, e := range es {
		m := map[string]string{}
		for f, ws := range e.fields {
			m[t.Fields[f].Name] = joinWords(ws)
		}
		out = append(out, m)
	}
	return out
}

func TestExtractFormEntries(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	words := page(
		line(100, 700, "SỔ ĐĂNG KÝ KHAI SINH"),
		line(200, 900, "Quyển số: 01"),
		line(400, 200, "Số: 12"),
		line(500, 200, "Họ và tên: NGUYỄN VĂN AN"),
		// two fields on one row, the value of the second far to the right of the first
		line(600, 200, "Giới tính: Nam"), line(600, 900, "Ngày, tháng, năm sinh: 05/03/1987"),
		line(700, 200, "Nơi sinh: thôn Đông, xã Hòa Bình,"),
		line(790, 260, "huyện Kim Bôi, tỉnh Hà Sơn Bình"), // wrapped value
		line(900, 200, "Số: 13"),
		line(1000, 200, "Họ và tên: Lê Thị Hoa"),
		line(1100, 200, "Họ và tên cha: Lê Văn Ba"),
		line(1500, 1100, "Trang 4"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	want := []map[string]string{
		{"entry_no": "12", "full_name": "NGUYỄN VĂN AN", "sex": "Nam", "birth_date": "05/03/1987",
			"birth_place": "thôn Đông, xã Hòa Bình, huyện Kim Bôi, tỉnh Hà Sơn Bình"},
		{"entry_no": "13", "full_name": "Lê Thị Hoa", "father_name": "Lê Văn Ba"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d entries %v, want %d", len(got), got, len(want))
	}
	for i := range want {
		for k, v := range want[i] {
			if got[i][k] != v {
				t.Errorf("entry %d %s: got %q, want %q", i, k, got[i][k], v)
			}
		}
		if len(got[i]) != len(want[i]) {
			t.Errorf("entry %d: got fields %v, want %v", i, got[i], want[i])
		}
	}
}

func TestExtractFormRepeatedLabels(t *testing.T) {
	tpl := mustTemplate(t, "ket-hon-form")
	words := page(
		line(100, 200, "Số: 7"),
		line(200, 200, "Họ và tên chồng: Lê Văn Nam"),
		line(300, 200, "Ngày sinh: 01/02/1950"), line(300, 1200, "Dân tộc: Kinh"),
		line(400, 200, "Họ và tên vợ: Trần Thị Bé"),
		// the wife's birth date comes after the wife's name, even if the husband's was missed
		line(500, 200, "Ngày sinh: 03/04/1955"), line(500, 1200, "Dân tộc: Tày"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 1 {
		t.Fatalf("got %d entries, want 1", len(got))
	}
	for k, v := range map[string]string{
		"husband_birth_date": "01/02/1950", "husband_ethnicity": "Kinh",
		"wife_birth_date": "03/04/1955", "wife_ethnicity": "Tày", "wife_name": "Trần Thị Bé",
	} {
		if got[0][k] != v {
			t.Errorf("%s: got %q, want %q", k, got[0][k], v)
		}
	}
}

func TestGroupLinesSplitsGluedColon(t *testing.T) {
	ws := line(0, 0, "Nơi sinh:xã Hòa Bình")
	ls := groupLines(ws)
	if len(ls) != 1 || ls[0].Text() != "Nơi sinh: xã Hòa Bình" {
		t.Fatalf("got %q, want one line %q", ls[0].Text(), "Nơi sinh: xã Hòa Bình")
	}
}

func TestExtractFormMissedEntryNumber(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	words := page(
		line(400, 200, "Số: 12"),
		line(500, 200, "Họ và tên: NGUYỄN VĂN AN"),
		line(600, 200, "Giới tính: Nam"),
		line(700, 200, "Họ và tên cha: NGUYỄN VĂN BA"),
		line(800, 200, "Họ và tên mẹ: LÊ THỊ TƯ"),
		line(900, 200, "Ngày đăng ký: 12/3/1987"),
		line(1000, 200, "~~ ¬ .."), // the "Số: 13" line, unreadable
		line(1100, 200, "Họ và tên: Lê Thị Hoa"),
		line(1200, 200, "Giới tính: Nữ"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 2 {
		t.Fatalf("got %d entries %v, want 2: a name label met again starts the next entry", len(got), got)
	}
	if got[0]["full_name"] != "NGUYỄN VĂN AN" || got[0]["sex"] != "Nam" {
		t.Errorf("first entry: got %v", got[0])
	}
	if got[1]["full_name"] != "Lê Thị Hoa" || got[1]["sex"] != "Nữ" || got[1]["entry_no"] != "" {
		t.Errorf("second entry: got %v, want Lê Thị Hoa, Nữ and no entry number", got[1])
	}
}

func TestExtractFormFirstEntryNumberMissed(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	words := page(
		line(100, 700, "SỔ ĐĂNG KÝ KHAI"),
		line(200, 900, "Quyển số: 02"),
		line(400, 200, "TT Ặ z"), // the "Số: 221" line, unreadable
		line(500, 200, "Họ và tên: PHAN THỊ TÂM"),
		line(600, 200, "Giới tính: Nữ"),
		line(900, 200, "Số: 222"),
		line(1000, 200, "Họ và tên: PHẠM VĂN DUY"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 2 || got[0]["full_name"] != "PHAN THỊ TÂM" || got[0]["sex"] != "Nữ" || got[1]["entry_no"] != "222" {
		t.Fatalf("got %v, want PHAN THỊ TÂM (no number) and entry 222", got)
	}
}

func TestExtractFormDamagedLaterLabel(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	words := page(
		line(400, 200, "Số: 12"),
		line(500, 200, "Họ và tên: NGUYỄN VĂN AN"),
		line(600, 200, "Giới tính: Nam"),
		line(700, 200, "Họ và tên: NGUYỄN VĂN BA"), // "Họ và tên cha:" with "cha" lost
		line(800, 200, "Họ và tên mẹ: LÊ THỊ TƯ"),
		line(900, 200, "Ngày đăng ký: 12/3/1987"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 1 {
		t.Fatalf("got %d entries %v, want 1: a damaged label inside an entry does not start another", len(got), got)
	}
	if got[0]["mother_name"] != "LÊ THỊ TƯ" || got[0]["registration_date"] != "12/3/1987" {
		t.Errorf("got %v, want the mother and the registration date kept in the entry", got[0])
	}
}

// The second entry's number line and name label were not read (a cut, faded left edge): its
// "Giới tính" label, met again once the first entry has gone past it, begins the second entry,
// so the two entries do not come out as one record holding both entries' values.
func TestExtractFormRepeatedLabelStartsEntry(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	words := page(
		line(400, 200, "Số: 12"),
		line(500, 200, "Họ và tên: NGUYỄN VĂN AN"),
		line(600, 200, "Giới tính: Nam"),
		line(700, 200, "Dân tộc: Kinh"),
		line(900, 200, "xxxx: 13"),
		line(1000, 200, "xxx xx xxx: LÊ THỊ HOA"),
		line(1100, 200, "Giới tính: Nữ"),
		line(1200, 200, "Dân tộc: Tày"),
	)
	got := values(tpl, extractForm(groupLines(words), tpl))
	if len(got) != 2 {
		t.Fatalf("got %d entries %v, want 2", len(got), got)
	}
	if got[0]["sex"] != "Nam" || got[0]["ethnicity"] != "Kinh" || got[1]["sex"] != "Nữ" || got[1]["ethnicity"] != "Tày" {
		t.Errorf("got %v, want Nam/Kinh then Nữ/Tày", got)
	}
}
