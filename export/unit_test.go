package export

import (
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestSafe(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""}, {"Nguyễn Văn Á", "Nguyễn Văn Á"}, {"=1+1", "'=1+1"}, {"+84", "'+84"}, {"-3", "'-3"},
		{"@SUM(A1)", "'@SUM(A1)"}, {"\tx", "'\tx"}, {"\rx", "'\rx"}, {"＝1", "'＝1"}, {"a=b", "a=b"}, {"1-2", "1-2"},
	} {
		if got := Safe(tc.in); got != tc.want {
			t.Errorf("Safe(%q): got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestColumnLetter(t *testing.T) {
	for i, want := range map[int]string{0: "A", 25: "Z", 26: "AA", 51: "AZ", 52: "BA", 69: "BR"} {
		if got := columnLetter(i); got != want {
			t.Errorf("columnLetter(%d): got %q, want %q", i, got, want)
		}
	}
}

func TestColumnsOfEveryKind(t *testing.T) {
	for k, want := range map[domain.Kind][3]string{
		domain.KindBirth:    {"STT", "ghiChu", "qgNuocNgoaiDaDangKy"},
		domain.KindMarriage: {"so", "ghiChu", "qgNuocNgoaiDaDangKy"},
		domain.KindDeath:    {"so", "ghiChu", "qgNuocNgoaiDaDangKy"},
	} {
		cols, err := Columns(k)
		if err != nil {
			t.Fatal(err)
		}
		if cols[0] != want[0] || cols[len(cols)-1] != want[2] {
			t.Errorf("%s: got first %q and last %q, want %q and %q", k, cols[0], cols[len(cols)-1], want[0], want[2])
		}
		ir, err := newImportRow(k)
		if err != nil {
			t.Fatal(err)
		}
		mapped := 0
		for _, s := range ir.sources {
			if s != nil {
				mapped++
			}
		}
		// Every field of the kind reaches some column (entry_no → so, registration_date → ngayDangKy, …).
		if mapped < len(k.Fields()) {
			t.Errorf("%s: %d columns mapped, want at least one per field (%d)", k, mapped, len(k.Fields()))
		}
	}
	if _, err := Columns("giay-to"); err == nil {
		t.Error("Columns of an unknown kind: got no error")
	}
}

func TestDates(t *testing.T) {
	for _, tc := range []struct{ iso, dot, slash, note string }{
		{"1994-03-07", "07.03.1994", "07/03/1994", ""},
		{"1994-03", "", "03/1994", "Ngày đăng ký chỉ ghi 03.1994"},
		{"1994", "", "1994", "Ngày đăng ký chỉ ghi 1994"},
		{"mồng 5 tháng Giêng", "", "mồng 5 tháng Giêng", "Ngày đăng ký ghi trong sổ: mồng 5 tháng Giêng"},
	} {
		dot, ok := dotDate(tc.iso)
		if dot != tc.dot || ok != (tc.dot != "") {
			t.Errorf("dotDate(%q): got %q %v, want %q", tc.iso, dot, ok, tc.dot)
		}
		if got := slashDate(tc.iso); got != tc.slash {
			t.Errorf("slashDate(%q): got %q, want %q", tc.iso, got, tc.slash)
		}
		if !ok {
			if got := dateNote("registration_date", tc.iso); got != tc.note {
				t.Errorf("dateNote(%q): got %q, want %q", tc.iso, got, tc.note)
			}
		}
	}
}
