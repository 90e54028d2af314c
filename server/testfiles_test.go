package server_test

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/image/tiff"

	"github.com/sohoa/sohoa/internal/badinput"
)

// page draws a small grey page with a mark that makes each seed's bytes different.
func page(w, h, seed int) *image.Gray { return badinput.Sized(w, h, seed) }

func pngBytes(t *testing.T, w, h, seed int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, page(w, h, seed)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegBytes(t *testing.T, w, h, seed int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, page(w, h, seed), &jpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// multiTIFF joins n single-page TIFFs with libtiff's tiffcp.
func multiTIFF(t *testing.T, n int) []byte {
	t.Helper()
	dir := t.TempDir()
	var args []string
	for i := range n {
		var b bytes.Buffer
		if err := tiff.Encode(&b, page(400, 560, i*7), &tiff.Options{Compression: tiff.Deflate}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("p%d.tif", i))
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, p)
	}
	out := filepath.Join(dir, "all.tif")
	if msg, err := exec.Command("tiffcp", append(args, out)...).CombinedOutput(); err != nil {
		t.Fatalf("tiffcp: %v %s", err, msg)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// scannerPDF writes a PDF as scanners make them: one JPEG image filling each page.
func scannerPDF(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	var offsets []int
	obj := func(body string, stream []byte) {
		offsets = append(offsets, buf.Len())
		fmt.Fprintf(&buf, "%d 0 obj\n%s", len(offsets), body)
		if stream != nil {
			buf.WriteString("\nstream\n")
			buf.Write(stream)
			buf.WriteString("\nendstream")
		}
		buf.WriteString("\nendobj\n")
	}
	buf.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	kids := ""
	for i := range n {
		kids += fmt.Sprintf("%d 0 R ", 3+i*3)
	}
	obj("<< /Type /Catalog /Pages 2 0 R >>", nil)
	obj(fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, n), nil)
	for i := range n {
		img := jpegBytes(t, 595, 842, i*11) // A4 at 72 dpi
		content := []byte("q 595 0 0 842 0 0 cm /Im0 Do Q")
		obj(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>", 4+i*3, 5+i*3), nil)
		obj(fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width 595 /Height 842 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>", len(img)), img)
		obj(fmt.Sprintf("<< /Length %d >>", len(content)), content)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(offsets)+1)
	for _, o := range offsets {
		fmt.Fprintf(&buf, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offsets)+1, xref)
	return buf.Bytes()
}

// bombPNG is a valid PNG header claiming 60000×60000 pixels, with no pixel data behind it.
func bombPNG() []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := []byte{0, 0, 0xEA, 0x60, 0, 0, 0xEA, 0x60, 8, 0, 0, 0, 0}
	writeChunk(&b, "IHDR", ihdr)
	return b.Bytes()
}

func writeChunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	n[0], n[1], n[2], n[3] = byte(len(data)>>24), byte(len(data)>>16), byte(len(data)>>8), byte(len(data))
	b.Write(n[:])
	b.WriteString(typ)
	b.Write(data)
	c := crc32IEEE(append([]byte(typ), data...))
	b.Write([]byte{byte(c >> 24), byte(c >> 16), byte(c >> 8), byte(c)})
}

func crc32IEEE(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
