package badinput

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
)

// Page is a small, valid grey page (620×877) with a dark line whose place depends on seed.
func Page(seed int) *image.Gray { return Sized(620, 877, seed) }

// Sized is a w × h grey page with a dark line whose place depends on seed, so that each seed's
// bytes differ.
func Sized(w, h, seed int) *image.Gray {
	img := image.NewGray(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = 235
	}
	for y := 10 + seed%50; y < 20+seed%50; y++ {
		for x := 10; x < w-10; x++ {
			img.SetGray(x, y, color.Gray{Y: 20})
		}
	}
	return img
}

// PNG is Page(seed) as a PNG file.
func PNG(seed int) []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, Page(seed))
	return b.Bytes()
}

// JPEG is Page(seed) as a JPEG file.
func JPEG(seed int) []byte {
	var b bytes.Buffer
	_ = jpeg.Encode(&b, Page(seed), &jpeg.Options{Quality: 85})
	return b.Bytes()
}

// cut keeps the first fraction of data.
func cut(data []byte, fraction float64) []byte {
	return append([]byte(nil), data[:int(float64(len(data))*fraction)]...)
}

// flipped is data with the bytes from the middle on inverted: a file whose header reads well
// and whose content is damaged.
func flipped(data []byte) []byte {
	out := append([]byte(nil), data...)
	for i := len(out) / 2; i < len(out)/2+64 && i < len(out); i++ {
		out[i] ^= 0xff
	}
	return out
}

func pngChunk(b *bytes.Buffer, typ string, data []byte) {
	_ = binary.Write(b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	_ = binary.Write(b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(typ), data...)))
}

// pngHeader is a PNG file whose header says width × height grey pixels, with idat bytes of
// zeros compressed as its only data.
func pngHeader(width, height uint32, idat int) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8] = 8 // bit depth; colour type 0 (grey)
	pngChunk(&b, "IHDR", ihdr)
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write(make([]byte, idat))
	_ = zw.Close()
	pngChunk(&b, "IDAT", z.Bytes())
	pngChunk(&b, "IEND", nil)
	return b.Bytes()
}

// jpegSized is a valid JPEG whose frame header is rewritten to say width × height.
func jpegSized(width, height uint16) []byte {
	data := JPEG(1)
	for i := 2; i+9 < len(data); i++ {
		if data[i] == 0xff && (data[i+1] == 0xc0 || data[i+1] == 0xc2) {
			binary.BigEndian.PutUint16(data[i+5:], height)
			binary.BigEndian.PutUint16(data[i+7:], width)
			break
		}
	}
	return data
}

// tiffDir is one directory of a hand-made TIFF.
type tiffDir struct {
	width, height uint32
	selfNext      bool // the next-directory offset points back at this directory
	subIFDLoop    bool // a SubIFDs tag pointing at this directory
}

// tiffFile writes a little-endian, uncompressed 8-bit grey TIFF with the given directories; all
// share one strip of pixels, sized for the first directory.
func tiffFile(dirs []tiffDir, stripBytes int) []byte {
	var b bytes.Buffer
	b.WriteString("II*\x00")
	_ = binary.Write(&b, binary.LittleEndian, uint32(8+stripBytes))
	b.Write(bytes.Repeat([]byte{200}, stripBytes))
	const entries = 10
	for i, d := range dirs {
		at := uint32(b.Len())
		next := at + 2 + entries*12 + 4
		switch {
		case d.selfNext:
			next = at
		case i == len(dirs)-1:
			next = 0
		}
		sub := uint32(0)
		if d.subIFDLoop {
			sub = at
		}
		tags := [][3]uint32{{256, 4, d.width}, {257, 4, d.height}, {258, 3, 8}, {259, 3, 1}, {262, 3, 1},
			{273, 4, 8}, {277, 3, 1}, {278, 4, d.height}, {279, 4, uint32(stripBytes)}, {330, 4, sub}}
		_ = binary.Write(&b, binary.LittleEndian, uint16(entries))
		for _, tg := range tags {
			_ = binary.Write(&b, binary.LittleEndian, uint16(tg[0]))
			_ = binary.Write(&b, binary.LittleEndian, uint16(tg[1]))
			_ = binary.Write(&b, binary.LittleEndian, uint32(1))
			_ = binary.Write(&b, binary.LittleEndian, tg[2])
		}
		_ = binary.Write(&b, binary.LittleEndian, next)
	}
	return b.Bytes()
}

// PDF is a PDF of pages empty pages with the given MediaBox and CropBox (in points), and a
// Count that says count pages.
func PDF(pages, count int, media, crop [4]int) []byte {
	box := func(v [4]int) string { return fmt.Sprintf("[%d %d %d %d]", v[0], v[1], v[2], v[3]) }
	kids := ""
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	for i := range pages {
		kids += fmt.Sprintf("%d 0 R ", i+3)
		objs = append(objs, "<< /Type /Page /Parent 2 0 R /MediaBox "+box(media)+" /CropBox "+box(crop)+" >>")
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids, count)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offs := []int{}
	for i, o := range objs {
		offs = append(offs, b.Len())
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

// a4 is an A4 page in points.
var a4 = [4]int{0, 0, 595, 842}
