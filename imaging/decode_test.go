package imaging

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/sohoa/sohoa/domain"
)

func encodePNG(t testing.TB, img image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pngHeader builds a PNG signature and IHDR chunk (with a correct CRC) claiming w×h 8-bit grey
// pixels, followed by a tiny IDAT and IEND: enough for DecodeConfig to believe it.
func pngHeader(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		_ = binary.Write(&buf, binary.BigEndian, uint32(len(data)))
		c := append([]byte(typ), data...)
		buf.Write(c)
		_ = binary.Write(&buf, binary.BigEndian, crc32.ChecksumIEEE(c))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 0 // bit depth 8, colour type grey; compression, filter, interlace 0
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}) // empty zlib stream
	chunk("IEND", nil)
	return buf.Bytes()
}

func TestDecodeErrors(t *testing.T) {
	valid := encodePNG(t, makePage(defaultSpec(200, 300)).g)
	for _, tc := range []struct {
		name    string
		data    []byte
		lim     Limits
		want    error
		message string
	}{
		{"zero bytes", nil, Limits{}, domain.ErrInvalid, "empty input"},
		{"not an image", []byte("%PDF-1.4 this is a PDF, not a scan"), Limits{}, domain.ErrUnsupported, "not a PNG, JPEG or TIFF"},
		{"html", []byte("<html><body>hi</body></html>"), Limits{}, domain.ErrUnsupported, "not a PNG"},
		{"corrupt png", append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0xAB}, 64)...), Limits{}, domain.ErrInvalid, "png header"},
		{"truncated png", valid[:len(valid)/2], Limits{}, domain.ErrInvalid, "decode png"},
		{"corrupt jpeg", []byte{0xff, 0xd8, 0xff, 0xe0, 0x00, 0x02, 0x12, 0x34}, Limits{}, domain.ErrInvalid, "jpeg header"},
		{"corrupt tiff", []byte("II*\x00\xff\xff\xff\x7f"), Limits{}, domain.ErrInvalid, "tiff header"},
		{"1x1 png", encodePNG(t, uniform(1, 1, 255)), Limits{}, domain.ErrInvalid, "too small to be a page"},
		{"60000x60000 header", pngHeader(60000, 60000), Limits{}, domain.ErrTooLarge, "60000×60000"},
		{"bytes over limit", valid, Limits{MaxBytes: 100}, domain.ErrTooLarge, "limit 100"},
		{"pixels over custom limit", valid, Limits{MaxPixels: 1000}, domain.ErrTooLarge, "200×300"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			img, _, err := Decode(bytes.NewReader(tc.data), tc.lim)
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatalf("got image %v, want an error", img.Bounds())
			}
			if !errors.Is(err, tc.want) {
				t.Errorf("got %q, want it to wrap %q", err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.message) {
				t.Errorf("got %q, want it to mention %q", err, tc.message)
			}
			if d := after.TotalAlloc - before.TotalAlloc; d > 50<<20 {
				t.Errorf("allocated %d MB, want < 50 MB", d>>20)
			}
		})
	}
}

func TestProbeRefusesBombWithoutAllocating(t *testing.T) {
	data := pngHeader(60000, 60000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	info, err := Probe(data, Limits{})
	runtime.ReadMemStats(&after)
	if !errors.Is(err, domain.ErrTooLarge) {
		t.Fatalf("got %v, want ErrTooLarge", err)
	}
	if info.Width != 60000 || info.Height != 60000 {
		t.Errorf("got %d×%d, want 60000×60000", info.Width, info.Height)
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
		t.Errorf("allocated %d bytes, want < 1 MB", d)
	}
}

func TestDecodeFormats(t *testing.T) {
	src := makePage(defaultSpec(240, 320)).g
	var jpg, tif bytes.Buffer
	if err := jpeg.Encode(&jpg, src, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	if err := tiff.Encode(&tif, src, &tiff.Options{Compression: tiff.Deflate}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want Format
	}{
		{"png", encodePNG(t, src), FormatPNG},
		{"jpeg", jpg.Bytes(), FormatJPEG},
		{"tiff", tif.Bytes(), FormatTIFF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img, got, err := Decode(bytes.NewReader(tc.data), Limits{})
			if err != nil {
				t.Fatalf("got %v, want no error", err)
			}
			if got.Format != tc.want || got.DPI != 0 {
				t.Errorf("got format %q, dpi %v; want %q and no resolution recorded", got.Format, got.DPI, tc.want)
			}
			if got := img.Bounds().Size(); got != image.Pt(240, 320) {
				t.Errorf("got size %v, want (240,320)", got)
			}
			info, err := Probe(tc.data, Limits{})
			if err != nil || info.Width != 240 || info.Height != 320 {
				t.Errorf("probe: got %+v, %v; want 240×320", info, err)
			}
		})
	}
}
