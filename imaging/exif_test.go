package imaging

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"testing"
)

// exifAPP1 builds an APP1 segment whose IFD0 holds only the orientation tag.
func exifAPP1(order binary.ByteOrder, orientation uint16) []byte {
	var t bytes.Buffer
	if order == binary.LittleEndian {
		t.WriteString("II")
	} else {
		t.WriteString("MM")
	}
	_ = binary.Write(&t, order, uint16(42))
	_ = binary.Write(&t, order, uint32(8)) // IFD0 right after the header
	_ = binary.Write(&t, order, uint16(1)) // one entry
	_ = binary.Write(&t, order, uint16(0x0112))
	_ = binary.Write(&t, order, uint16(3)) // SHORT
	_ = binary.Write(&t, order, uint32(1))
	_ = binary.Write(&t, order, orientation)
	_ = binary.Write(&t, order, uint16(0))
	_ = binary.Write(&t, order, uint32(0)) // no next IFD
	payload := append([]byte("Exif\x00\x00"), t.Bytes()...)
	seg := []byte{0xff, 0xe1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(payload)+2))
	return append(seg, payload...)
}

// jpegWithOrientation encodes a 200×120 image, dark on its left half and white on its right,
// and splices an EXIF orientation segment in after SOI.
func jpegWithOrientation(t *testing.T, order binary.ByteOrder, o uint16) []byte {
	t.Helper()
	g := uniform(200, 120, 255)
	for y := range 120 {
		for x := range 100 {
			g.Pix[y*g.Stride+x] = 0
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, g, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	b := buf.Bytes()
	return append(append(append([]byte{}, b[:2]...), exifAPP1(order, o)...), b[2:]...)
}

func TestDecodeHonoursEXIFOrientation(t *testing.T) {
	type probe struct {
		at   image.Point
		dark bool
	}
	for _, tc := range []struct {
		name   string
		order  binary.ByteOrder
		o      uint16
		size   image.Point
		probes []probe
	}{
		{"none", binary.BigEndian, 1, image.Pt(200, 120), []probe{{image.Pt(10, 60), true}, {image.Pt(190, 60), false}}},
		// 6: the camera was turned; turn the picture 90° clockwise, so the left half goes on top.
		{"6 big-endian", binary.BigEndian, 6, image.Pt(120, 200), []probe{{image.Pt(60, 10), true}, {image.Pt(60, 190), false}}},
		{"6 little-endian", binary.LittleEndian, 6, image.Pt(120, 200), []probe{{image.Pt(60, 10), true}, {image.Pt(60, 190), false}}},
		// 8: turn 90° counter-clockwise, so the left half goes to the bottom.
		{"8", binary.BigEndian, 8, image.Pt(120, 200), []probe{{image.Pt(60, 190), true}, {image.Pt(60, 10), false}}},
		{"3", binary.BigEndian, 3, image.Pt(200, 120), []probe{{image.Pt(190, 60), true}, {image.Pt(10, 60), false}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := jpegWithOrientation(t, tc.order, tc.o)
			if got := jpegOrientation(data); got != int(tc.o) {
				t.Errorf("orientation: got %d, want %d", got, tc.o)
			}
			img, _, err := Decode(bytes.NewReader(data), Limits{})
			if err != nil {
				t.Fatal(err)
			}
			if got := img.Bounds().Size(); got != tc.size {
				t.Fatalf("got size %v, want %v", got, tc.size)
			}
			g := Grayscale(img)
			for _, p := range tc.probes {
				if v := g.GrayAt(p.at.X, p.at.Y).Y; (v < 128) != p.dark {
					t.Errorf("pixel %v: got %d, want dark=%v", p.at, v, p.dark)
				}
			}
		})
	}
}

func TestJPEGOrientationMalformed(t *testing.T) {
	for _, tc := range []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"soi only", []byte{0xff, 0xd8}},
		{"segment past end", []byte{0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, 'E'}},
		{"exif with bad ifd offset", append([]byte{0xff, 0xd8, 0xff, 0xe1, 0, 16}, []byte("Exif\x00\x00MM\x00*\xff\xff\xff\xff")...)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := jpegOrientation(tc.data); got != 1 {
				t.Errorf("got %d, want 1", got)
			}
		})
	}
}
