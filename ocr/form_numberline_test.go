package ocr

import (
	"strings"
	"testing"
)

// Issue 12, point 8: on a heavy page the second entry's "Số:" is misread ("S6:"), so its line
// holds no label. The entry's box must still start at its own number line, and the first entry
// must not take that line as the wrapped end of its last field.
func TestExtractFormNumberLineWithoutLabel(t *testing.T) {
	tpl := mustTemplate(t, "khai-sinh-form")
	entry := func(y int, no string) [][]Word {
		return [][]Word{
			line(y, 200, no),
			line(y+60, 200, "Họ và tên: NGUYỄN VĂN AN"),
			line(y+120, 200, "Giới tính: Nam"), line(y+120, 900, "Ngày, tháng, năm sinh: 05/03/1987"),
			line(y+180, 200, "Nơi sinh: xã Hòa Bình"),
			line(y+240, 200, "Dân tộc: Kinh"), line(y+240, 900, "Quốc tịch: Việt Nam"),
			line(y+300, 200, "Họ và tên cha: Nguyễn Văn Ba"),
			line(y+360, 200, "Họ và tên mẹ: Lê Thị Tư"),
			line(y+420, 200, "Ngày đăng ký: 10/03/1987"),
		}
	}
	for _, misread := range []string{"5ó: 13", "13"} {
		var all [][]Word
		all = append(all, entry(400, "Số: 12")...)
		all = append(all, entry(880, misread)...) // the number line 60 px below the last line, as the others
		checkNumberLine(t, tpl, extractForm(groupLines(page(all...)), tpl))
	}
}

func checkNumberLine(t *testing.T, tpl Template, es []*entry) {
	t.Helper()
	got := values(tpl, es)
	if len(es) != 2 {
		t.Fatalf("got %d entries %v, want 2", len(es), got)
	}
	if got[1]["entry_no"] != "13" {
		t.Errorf("second entry's number: got %q, want 13", got[1]["entry_no"])
	}
	if strings.Contains(got[0]["registration_date"], "13") || strings.Contains(got[0]["registration_date"], "S6") {
		t.Errorf("first entry's last field took the next number line: %q", got[0]["registration_date"])
	}
	if es[0].box.Max.Y > 880 {
		t.Errorf("first entry's box ends at %d, into the next entry's number line at 880", es[0].box.Max.Y)
	}
	if es[1].box.Min.Y > 880 {
		t.Errorf("second entry's box starts at %d, below its own number line at 880", es[1].box.Min.Y)
	}
}
