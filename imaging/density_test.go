package imaging

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"golang.org/x/image/tiff"
)

// withPHYs splices a pHYs chunk (x pixels per unit, unit 1 = metre, 0 = none) after IHDR.
func withPHYs(t *testing.T, x uint32, unit byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, uniform(120, 160, 200)); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	chunk := make([]byte, 21)
	binary.BigEndian.PutUint32(chunk, 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], x)
	binary.BigEndian.PutUint32(chunk[12:], x)
	chunk[16] = unit
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	const afterIHDR = 8 + 25
	return append(append(append([]byte{}, b[:afterIHDR]...), chunk...), b[afterIHDR:]...)
}

// withAPP splices marker segments in after a JPEG's SOI.
func withAPP(t *testing.T, segs ...[]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, uniform(120, 160, 200), nil); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	out := append([]byte{}, b[:2]...)
	for _, s := range segs {
		out = append(out, s...)
	}
	return append(out, b[2:]...)
}

func jfif(unit byte, density uint16) []byte {
	s := []byte{0xff, 0xe0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, unit, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(s[12:], density)
	binary.BigEndian.PutUint16(s[14:], density)
	return s
}

// tiffResolution builds a little TIFF structure whose IFD0 holds XResolution num/den and
// ResolutionUnit unit (omitted when 0).
func tiffResolution(order binary.ByteOrder, num, den uint32, unit uint16) []byte {
	var t bytes.Buffer
	t.WriteString(map[bool]string{true: "II", false: "MM"}[order == binary.LittleEndian])
	w := func(v any) { _ = binary.Write(&t, order, v) }
	w(uint16(42))
	w(uint32(8))
	entries := uint16(1)
	if unit != 0 {
		entries = 2
	}
	w(entries)
	valueAt := uint32(8 + 2 + 12*int(entries) + 4)
	w(uint16(0x011a))
	w(uint16(5)) // RATIONAL
	w(uint32(1))
	w(valueAt)
	if unit != 0 {
		w(uint16(0x0128))
		w(uint16(3)) // SHORT
		w(uint32(1))
		w(unit)
		w(uint16(0))
	}
	w(uint32(0)) // no next IFD
	w(num)
	w(den)
	return t.Bytes()
}

func TestFileDPI(t *testing.T) {
	exif := func(tiff []byte) []byte {
		payload := append([]byte("Exif\x00\x00"), tiff...)
		seg := []byte{0xff, 0xe1, 0, 0}
		binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
		return append(seg, payload...)
	}
	var plainPNG bytes.Buffer
	if err := png.Encode(&plainPNG, uniform(120, 160, 200)); err != nil {
		t.Fatal(err)
	}
	var goTIFF bytes.Buffer
	if err := tiff.Encode(&goTIFF, uniform(120, 160, 200), nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		f    Format
		data []byte
		want float64
	}{
		{"png 300 dpi", FormatPNG, withPHYs(t, 11811, 1), 300},
		{"png 150 dpi", FormatPNG, withPHYs(t, 5906, 1), 150},
		{"png aspect ratio only", FormatPNG, withPHYs(t, 11811, 0), 0},
		{"png at a camera's 72 dpi", FormatPNG, withPHYs(t, 2835, 1), 0},
		{"png without pHYs", FormatPNG, plainPNG.Bytes(), 0},
		{"png chunk length past the end", FormatPNG, append([]byte("\x89PNG\r\n\x1a\n\x7f\xff\xff\xf8pHYs"), make([]byte, 20)...), 0},
		{"jpeg jfif dpi", FormatJPEG, withAPP(t, jfif(1, 200)), 200},
		{"jpeg jfif per cm", FormatJPEG, withAPP(t, jfif(2, 118)), 300},
		{"jpeg jfif aspect only", FormatJPEG, withAPP(t, jfif(0, 1)), 0},
		{"jpeg exif", FormatJPEG, withAPP(t, jfif(0, 1), exif(tiffResolution(binary.BigEndian, 600, 2, 2))), 300},
		{"jpeg exif per cm", FormatJPEG, withAPP(t, exif(tiffResolution(binary.LittleEndian, 118, 1, 3))), 300},
		{"jpeg plain", FormatJPEG, withAPP(t), 0},
		{"jpeg jfif placeholder, exif value", FormatJPEG, withAPP(t, jfif(1, 72), exif(tiffResolution(binary.BigEndian, 300, 1, 2))), 300},
		{"jpeg exif placeholder, jfif value", FormatJPEG, withAPP(t, exif(tiffResolution(binary.BigEndian, 72, 1, 2)), jfif(1, 300)), 300},
		{"tiff default unit", FormatTIFF, tiffResolution(binary.LittleEndian, 400, 1, 0), 400},
		{"tiff no unit", FormatTIFF, tiffResolution(binary.BigEndian, 400, 1, 1), 0},
		{"tiff zero denominator", FormatTIFF, tiffResolution(binary.BigEndian, 400, 0, 2), 0},
		{"tiff truncated", FormatTIFF, tiffResolution(binary.LittleEndian, 400, 1, 2)[:30], 0},
		{"tiff from x/image (72 dpi or none)", FormatTIFF, goTIFF.Bytes(), 0},
	} {
		if got := fileDPI(tc.f, tc.data); got != tc.want {
			t.Errorf("%s: got %.2f dpi, want %.2f", tc.name, got, tc.want)
		}
	}
}

// TestDecodeRecordsDPI checks that Decode reports a file's resolution and that Clean, told it,
// upscales a 150-dpi page it would otherwise take at its word.
func TestDecodeRecordsDPI(t *testing.T) {
	data := withPHYs(t, 5906, 1)
	img, info, err := Decode(bytes.NewReader(data), Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if info.DPI != 150 {
		t.Fatalf("got %.2f dpi, want 150", info.DPI)
	}
	res, err := Clean(t.Context(), img, Options{DPI: info.DPI})
	if err != nil {
		t.Fatal(err)
	}
	if m := res.Metrics; m.DPI != 150 || res.Gray.Rect.Size() != image.Pt(240, 320) {
		t.Errorf("got dpi %.0f and a %v page, want 150 and the page upscaled to 240×320", m.DPI, res.Gray.Rect.Size())
	}
}
