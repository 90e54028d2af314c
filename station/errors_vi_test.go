package station

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The library's errors are English by default and Vietnamese through Message; wrapped errors
// are told in the same language and still found by errors.As.
func TestMessageInVietnamese(t *testing.T) {
	_, statErr := os.Stat(filepath.Join(t.TempDir(), "none"))
	api := &APIError{Status: 404, Message: "no such ledger", MessageVI: "Không có sổ này"}
	tests := []struct {
		err    error
		en, vi string
	}{
		{errorf("ledger %d: %w", "sổ %d: %w", 7, api), "ledger 7: 404 Not Found: no such ledger", "sổ 7: 404 Không tìm thấy: Không có sổ này"},
		{&FileError{Path: "a.jpg", Err: statErr}, "read a.jpg: ", "không đọc được a.jpg: không có tệp hoặc thư mục "},
		{errorf("watch: %w", "theo dõi: %w", statErr), "watch: stat ", "theo dõi: không có tệp hoặc thư mục "},
		{Config{Server: "http://x", Token: "t"}.Validate(), "--ledger is required", "cần --ledger: số của sổ chứa các trang này"},
		{&APIError{Status: 418, Message: "teapot"}, "418 I'm a teapot: teapot", "418 I'm a teapot: teapot"},
	}
	for _, tc := range tests {
		if got := Message(tc.err, ""); !strings.HasPrefix(got, tc.en) || got != tc.err.Error() {
			t.Errorf("English: got %q, want it to start with %q and equal Error()", got, tc.en)
		}
		if got := Message(tc.err, Vietnamese); !strings.HasPrefix(got, tc.vi) {
			t.Errorf("Vietnamese: got %q, want it to start with %q", got, tc.vi)
		}
	}
	var ae *APIError
	if err := errorf("ledger %d: %w", "sổ %d: %w", 7, api); !errors.As(err, &ae) || ae.Status != 404 {
		t.Errorf("errors.As through errorf: got %v", ae)
	}
	if err := errorf("watch: %w", "theo dõi: %w", statErr); !errors.Is(err, fs.ErrNotExist) {
		t.Error("errors.Is through errorf: not found")
	}
	var out strings.Builder
	p := NewProgress(&out, false)
	p.SetLanguage(Vietnamese)
	p.Eventf("rejected %s (page %d): %v", "trang-0003.jpg", 3, api)
	if !strings.Contains(out.String(), "bị từ chối trang-0003.jpg (trang 3): 404 Không tìm thấy: Không có sổ này") {
		t.Errorf("event: got %q", out.String())
	}
}

// The server's answer is read in both languages.
func TestErrorMessageBothLanguages(t *testing.T) {
	en, vi := errorMessage([]byte(`{"error":"ledger exists","error_vi":"Sổ này đã có"}`))
	if en != "ledger exists" || vi != "Sổ này đã có" {
		t.Errorf("got %q, %q", en, vi)
	}
	en, vi = errorMessage([]byte("Bad Gateway"))
	if en != "Bad Gateway" || vi != "Bad Gateway" {
		t.Errorf("plain body: got %q, %q", en, vi)
	}
}
