package synth

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
)

// encodePNG writes img as PNG with its resolution in a pHYs chunk, so that Tesseract and viewers
// know the dpi.
func encodePNG(img image.Image, dpi int) ([]byte, error) {
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("encode png: %w", err)
	}
	b := buf.Bytes()
	const afterIHDR = 8 + 4 + 4 + 13 + 4 // signature, then IHDR length, type, data, crc
	ppm := uint32(float64(dpi)/0.0254 + 0.5)
	chunk := make([]byte, 4+4+9+4)
	binary.BigEndian.PutUint32(chunk[0:], 9)
	copy(chunk[4:], "pHYs")
	binary.BigEndian.PutUint32(chunk[8:], ppm)
	binary.BigEndian.PutUint32(chunk[12:], ppm)
	chunk[16] = 1 // unit: metre
	binary.BigEndian.PutUint32(chunk[17:], crc32.ChecksumIEEE(chunk[4:17]))
	out := make([]byte, 0, len(b)+len(chunk))
	out = append(out, b[:afterIHDR]...)
	out = append(out, chunk...)
	return append(out, b[afterIHDR:]...), nil
}

// encodeJPEG writes img as JPEG at quality q with a JFIF header carrying the dpi, and returns
// the bytes and the decoded image, which is what a reader of the file sees.
func encodeJPEG(img image.Image, q, dpi int) ([]byte, image.Image, error) {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: q}); err != nil {
		return nil, nil, fmt.Errorf("encode jpeg: %w", err)
	}
	b := buf.Bytes()
	app0 := []byte{0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 1, 0, 0, 0, 0, 0, 0}
	binary.BigEndian.PutUint16(app0[12:], uint16(dpi))
	binary.BigEndian.PutUint16(app0[14:], uint16(dpi))
	out := make([]byte, 0, len(b)+len(app0))
	out = append(out, b[:2]...) // SOI
	out = append(out, app0...)
	out = append(out, b[2:]...)
	dec, err := jpeg.Decode(bytes.NewReader(out))
	if err != nil {
		return nil, nil, fmt.Errorf("decode jpeg: %w", err)
	}
	return out, dec, nil
}
