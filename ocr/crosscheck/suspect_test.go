package crosscheck

import "testing"

func TestCheckSuspect(t *testing.T) {
	for _, tc := range []struct {
		f    Field
		code string
	}{
		{Field{Type: "place", Value: "xóm xã Tân Mỹ", Text: "xóm ?, xã Tân Mỹ"}, CodeUnreadableChar},
		{Field{Type: "place", Value: "xóm Bắc Hả1, xã Đông Trà", Text: "xóm Bắc Hả1, xã Đông Trà"}, CodeMixedToken},
		{Field{Type: "place", Value: "cấp Vĩnh PhƯớc, xã Hòa Đông", Text: "cấp Vĩnh PhƯớc"}, CodeMixedCase},
		{Field{Type: "name", Value: "Vân", Text: "Vân :"}, CodeOneWordName},
		{Field{Type: "place", Value: "ấp Xuân Thọ, xã” Xuân Bắc, huyện Xuân Lộc", Text: "ấp Xuân Thọ, xã” Xuân Bắc"}, CodeStrayMark},
		{Field{Type: "place", Value: "ấp Xuân Hòa, xã Xuân Hòa, - huyện Xuân Lộc", Text: "xã Xuân Hòa, - huyện"}, CodeStrayMark},
	} {
		got := Suspect(tc.f)
		if !got.NeedsReview || !hasIssue(got, tc.code) {
			t.Errorf("%q: got %+v, want %s", tc.f.Text, got, tc.code)
		}
	}
	for _, f := range []Field{
		{Type: "place", Value: "tổ 5, thị trấn Lệ Ninh, huyện Lệ Thủy", Text: "tổ 5, thị trấn Lệ Ninh, huyện Lệ Thủy"},
		{Type: "name", Value: "NGUYỄN THÙY VÂN", Text: "NGUYỄN THÙY VÂN"},
		{Type: "name", Value: "Lê Quỳnh Nhi", Text: "Lê Quỳnh Nhi"},
		{Type: "place", Value: "xã Long Điền, tỉnh Bà Rịa - Vũng Tàu", Text: "xã Long Điền, tỉnh Bà Rịa - Vũng Tàu"},
		{Type: "date", Value: "1987", Text: "?1987"}, // other types have their own checks
	} {
		if got := Suspect(f); got.NeedsReview {
			t.Errorf("%q flagged: %+v", f.Text, got)
		}
	}
}
