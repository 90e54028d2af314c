package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		head string
		want Format
	}{
		{"png", "\x89PNG\r\n\x1a\n....", PNG},
		{"jpeg", "\xff\xd8\xff\xe0..JFIF", JPEG},
		{"tiff little-endian", "II*\x00\x08\x00\x00\x00", TIFF},
		{"tiff big-endian", "MM\x00*\x00\x00\x00\x08", TIFF},
		{"pdf", "%PDF-1.7\n", PDF},
	}
	for _, tc := range tests {
		got, err := Sniff([]byte(tc.head))
		if err != nil || got != tc.want {
			t.Errorf("%s: got %q %v, want %q", tc.name, got, err, tc.want)
		}
	}
	heic := "\x00\x00\x00\x18ftypheic\x00\x00\x00\x00"
	if _, err := Sniff([]byte(heic)); !errors.Is(err, domain.ErrUnsupported) || !strings.Contains(err.Error(), "Định dạng ảnh HEIC chưa hỗ trợ") {
		t.Errorf("Sniff(HEIC): got %v, want ErrUnsupported telling to set the camera to JPEG", err)
	}
	for _, bad := range []string{"", "GIF89a", "Họ và tên", "PK\x03\x04"} {
		if _, err := Sniff([]byte(bad)); !errors.Is(err, domain.ErrUnsupported) {
			t.Errorf("Sniff(%q): got %v, want ErrUnsupported", bad, err)
		}
	}
}

// tiffWith builds a little-endian TIFF whose directories give each page's size (and nothing
// else; the pixel data is never read).
func tiffWith(sizes [][2]uint32, loop bool) []byte {
	var b bytes.Buffer
	b.WriteString("II*\x00")
	_ = binary.Write(&b, binary.LittleEndian, uint32(8))
	for i, s := range sizes {
		start := uint32(b.Len())
		_ = binary.Write(&b, binary.LittleEndian, uint16(2))
		for _, e := range []struct {
			tag uint16
			v   uint32
		}{{256, s[0]}, {257, s[1]}} {
			_ = binary.Write(&b, binary.LittleEndian, e.tag)
			_ = binary.Write(&b, binary.LittleEndian, uint16(4)) // LONG
			_ = binary.Write(&b, binary.LittleEndian, uint32(1))
			_ = binary.Write(&b, binary.LittleEndian, e.v)
		}
		next := start + 2 + 2*12 + 4
		switch {
		case loop:
			next = 8 // points back at the first directory
		case i == len(sizes)-1:
			next = 0
		}
		_ = binary.Write(&b, binary.LittleEndian, next)
	}
	return b.Bytes()
}

func TestTIFFPagesAreCheckedFromTheirHeaders(t *testing.T) {
	two := tiffWith([][2]uint32{{2480, 3508}, {1240, 1754}}, false)
	pages, err := tiffPages(bytes.NewReader(two), int64(len(two)), 10)
	if err != nil || len(pages) != 2 || pages[1].width != 1240 || pages[1].height != 1754 {
		t.Fatalf("got %+v %v, want two pages with their sizes", pages, err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		max  int
	}{
		{"directory loop", tiffWith([][2]uint32{{100, 100}}, true), 10},
		{"too many pages", tiffWith([][2]uint32{{100, 100}, {100, 100}, {100, 100}}, false), 2},
		{"truncated", two[:20], 10},
		{"header only", []byte("II*\x00\xff\xff\x00\x00"), 10},
	} {
		if _, err := tiffPages(bytes.NewReader(tc.data), int64(len(tc.data)), tc.max); !errors.Is(err, domain.ErrInvalid) {
			t.Errorf("%s: got %v, want ErrInvalid", tc.name, err)
		}
	}
}

func TestSplitRefusesADecompressionBombBeforeDecoding(t *testing.T) {
	bomb := tiffWith([][2]uint32{{60000, 60000}}, false)
	path := filepath.Join(t.TempDir(), "bomb.tif")
	if err := os.WriteFile(path, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Split(t.Context(), path, TIFF, t.TempDir(), DefaultLimits)
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("got %v, want ErrInvalid naming the pixel limit", err)
	}
}

func TestCheckComplete(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := checkComplete(write("ok.jpg", []byte("\xff\xd8\xff....\xff\xd9\x00\x00")), JPEG); err != nil {
		t.Errorf("JPEG with padding after its end marker: %v", err)
	}
	if err := checkComplete(write("cut.jpg", []byte("\xff\xd8\xff....")), JPEG); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("cut JPEG: got %v, want ErrInvalid", err)
	}
	if err := checkComplete(write("cut.png", []byte("\x89PNG\r\n\x1a\n....")), PNG); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("cut PNG: got %v, want ErrInvalid", err)
	}
}
