package imaging

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	"image/jpeg"
	"image/png"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/sohoa/sohoa/domain"
)

// fuzzLimits are small, so the fuzzer's inputs can claim huge pages but never make the test
// allocate them.
var fuzzLimits = Limits{MaxBytes: 1 << 20, MaxPixels: 4_000_000, MinSide: 8}

// FuzzDecodeBytes: whatever the bytes, decoding never panics, never returns an image larger
// than the limits allow (the header is checked before pixels are allocated), and a refusal is
// always one of the errors the API turns into a 4xx.
func FuzzDecodeBytes(f *testing.F) {
	for _, seed := range fuzzImageSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		img, info, err := DecodeBytes(data, fuzzLimits)
		if err != nil {
			if !errors.Is(err, domain.ErrInvalid) && !errors.Is(err, domain.ErrTooLarge) && !errors.Is(err, domain.ErrUnsupported) {
				t.Fatalf("error %v is not invalid / too large / unsupported", err)
			}
			return
		}
		b := img.Bounds()
		if int64(b.Dx())*int64(b.Dy()) > fuzzLimits.MaxPixels {
			t.Fatalf("decoded %v, over the limit of %d pixels", b.Size(), fuzzLimits.MaxPixels)
		}
		if b.Dx()*b.Dy() != info.Width*info.Height || min(b.Dx(), b.Dy()) < fuzzLimits.MinSide {
			t.Fatalf("decoded %v, header said %d×%d (min side %d)", b.Size(), info.Width, info.Height, fuzzLimits.MinSide)
		}
		if info.DPI != 0 && !plausibleDPI(info.DPI) {
			t.Fatalf("implausible resolution %v reported", info.DPI)
		}
	})
}

// FuzzTIFFDirectory: walking a TIFF header's first directory (for the resolution and the EXIF
// orientation) reads only inside the buffer, whatever offsets and counts it claims.
func FuzzTIFFDirectory(f *testing.F) {
	for _, seed := range fuzzImageSeeds(f) {
		if bytes.HasPrefix(seed, []byte("II")) || bytes.HasPrefix(seed, []byte("MM")) {
			f.Add(seed)
		}
	}
	f.Add(tiffHeader(binary.LittleEndian, 8, 0xffff))        // a directory claiming 65535 entries
	f.Add(tiffHeader(binary.BigEndian, 0xfffffff0, 1))       // a directory past the end
	f.Add(tiffHeader(binary.LittleEndian, 0x7ffffffe, 2))    // an offset near the 32-bit limit
	f.Add([]byte("II*\x00\x08\x00\x00\x00\x01\x00\x12\x01")) // a truncated entry
	f.Fuzz(func(t *testing.T, data []byte) {
		entries := 0
		tiffIFD0(data, func(bo binary.ByteOrder, tag, typ uint16, value []byte) {
			entries++
			if len(value) != 4 {
				t.Fatalf("entry value of %d bytes, want 4", len(value))
			}
		})
		if max := (len(data) - 8) / 12; entries > max && entries > 0 {
			t.Fatalf("%d entries walked in %d bytes", entries, len(data))
		}
		if dpi := fileDPI(FormatTIFF, data); dpi != 0 && !plausibleDPI(dpi) {
			t.Fatalf("implausible resolution %v reported", dpi)
		}
		if o := tiffOrientation(data); o < 0 || o > 8 {
			t.Fatalf("orientation %d, want 0 (none) or 1–8", o)
		}
	})
}

// tiffHeader is a TIFF header pointing at a directory at ifd that claims n entries.
func tiffHeader(bo binary.ByteOrder, ifd uint32, n uint16) []byte {
	b := []byte("II*\x00\x00\x00\x00\x00\x00\x00")
	if bo == binary.BigEndian {
		copy(b, "MM\x00*")
	}
	bo.PutUint32(b[4:], ifd)
	bo.PutUint16(b[8:], n)
	return b
}

// fuzzImageSeeds are small valid images of each format, to be mutated.
func fuzzImageSeeds(tb testing.TB) [][]byte {
	img := image.NewGray(image.Rect(0, 0, 24, 16))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	var p, j, ti bytes.Buffer
	if err := png.Encode(&p, img); err != nil {
		tb.Fatal(err)
	}
	if err := jpeg.Encode(&j, img, &jpeg.Options{Quality: 50}); err != nil {
		tb.Fatal(err)
	}
	if err := tiff.Encode(&ti, img, nil); err != nil {
		tb.Fatal(err)
	}
	return [][]byte{p.Bytes(), j.Bytes(), ti.Bytes()}
}
