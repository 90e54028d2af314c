package ocr

import (
	"testing"
)

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Ngày, tháng, năm sinh:": "ngaythangnamsinh",
		"ĐĂNG KÝ":                "dangky",
		"Họ và tên":              "hovaten",
	} {
		if got := fold(in); got != want {
			t.Errorf("fold(%q): got %q, want %q", in, got, want)
		}
	}
}

func TestFindLabels(t *testing.T) {
	birth := mustTemplate(t, "khai-sinh-form")
	field := func(name string) int {
		for i, f := range birth.Fields {
			if f.Name == name {
				return i
			}
		}
		t.Fatalf("no field %s", name)
		return -1
	}
	tests := []struct {
		name string
		text string
		want []string // field names found, in order ("" for a stop word)
	}{
		{"exact", "Họ và tên: NGUYỄN VĂN AN", []string{"full_name"}},
		{"accents lost", "Ho va ten cha: Nguyen Van Binh", []string{"father_name"}},
		{"ocr damage", "Ngàv, thảng, nărn sinh: 05/03/1987", []string{"birth_date"}},
		{"two labels", "Giới tính: Nam Ngày, tháng, năm sinh: 05/03/1987", []string{"sex", "birth_date"}},
		{"longest label wins", "Họ và tên mẹ: Trần Thị Mai", []string{"mother_name"}},
		{"label ends at colon", "Họ và tên: Cha Văn Long", []string{"full_name"}},
		{"entry number", "Số: 12", []string{"entry_no"}},
		{"title is not an entry", "SỔ ĐĂNG KÝ KHAI SINH", nil},
		{"Số inside a line is not an entry", "Quyển số: 01", nil},
		{"footer", "Trang 12", []string{""}},
		{"footer word inside a value", "Nơi sinh: xã Trảng Bom", []string{"birth_place"}},
		{"no label", "xã Hòa Bình, huyện Kim Bôi", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := findLabels(line(0, 0, tc.text), candidates(birth))
			var got []string
			for _, m := range ms {
				if m.field < 0 {
					got = append(got, "")
				} else {
					got = append(got, birth.Fields[m.field].Name)
				}
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("got %q, want %q", got, tc.want)
				}
			}
			_ = field
		})
	}
}

func TestErrorRates(t *testing.T) {
	if got := CharErrorRate("Họ và  tên\nAn", "Họ và tên An"); got != 0 {
		t.Errorf("CER with different whitespace: got %g, want 0", got)
	}
	if got := WordErrorRate("một hai ba bốn", "một hai ba"); got != 0.25 {
		t.Errorf("WER: got %g, want 0.25", got)
	}
}
