package imaging

import (
	"bytes"
	"encoding/binary"
	"math"
)

// Scanning resolutions outside this range are taken as missing: cameras write 72 whatever the
// picture, and nothing scans a register page at more than 2400 dpi.
const minFileDPI, maxFileDPI = 100, 2400

// fileDPI returns the horizontal resolution an image file records (PNG pHYs, JPEG JFIF or
// EXIF, TIFF XResolution), in whole dots per inch (PNG and per-centimetre units do not hold
// 300 dpi exactly), or 0 when it records none or an implausible one. Scanners write it; Clean
// trusts it over its own estimate from the text.
func fileDPI(f Format, data []byte) float64 {
	var dpi float64
	switch f {
	case FormatPNG:
		dpi = pngDPI(data)
	case FormatJPEG:
		dpi = jpegDPI(data)
	case FormatTIFF:
		dpi = tiffDPI(data)
	}
	if !plausibleDPI(dpi) {
		return 0
	}
	return math.Round(dpi)
}

func plausibleDPI(dpi float64) bool { return dpi >= minFileDPI && dpi <= maxFileDPI }

// pngDPI reads the pHYs chunk, which must come before the image data.
func pngDPI(data []byte) float64 {
	for i := 8; i+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[i:]))
		typ := string(data[i+4 : i+8])
		if typ == "IDAT" || n < 0 || n > len(data)-i-12 { // no i+12+n: it may overflow
			return 0
		}
		if typ == "pHYs" && n == 9 && data[i+16] == 1 { // unit 1: pixels per metre
			return float64(binary.BigEndian.Uint32(data[i+8:])) * 0.0254
		}
		i += 12 + n
	}
	return 0
}

// jpegDPI reads the first plausible resolution of the JFIF header's density and EXIF's
// XResolution: many files carry a placeholder 72 in one and the scanner's value in the other.
func jpegDPI(data []byte) float64 {
	var dpi float64
	jpegSegments(data, func(marker byte, seg []byte) bool {
		var d float64
		switch {
		case marker == 0xe0 && len(seg) >= 12 && string(seg[:5]) == "JFIF\x00":
			d = float64(binary.BigEndian.Uint16(seg[8:]))
			switch seg[7] { // unit
			case 1: // dots per inch
			case 2: // dots per centimetre
				d *= 2.54
			default: // 0: an aspect ratio only
				d = 0
			}
		case marker == 0xe1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00":
			d = tiffDPI(seg[6:])
		}
		if plausibleDPI(d) {
			dpi = d
		}
		return dpi == 0
	})
	return dpi
}

// tiffDPI reads XResolution and ResolutionUnit from IFD0 of a TIFF structure (a TIFF file or
// an EXIF block).
func tiffDPI(b []byte) float64 {
	var res float64
	unit := uint16(2) // inches, TIFF's default
	tiffIFD0(b, func(bo binary.ByteOrder, tag, typ uint16, value []byte) {
		switch {
		case tag == 0x011a && typ == 5: // XResolution, RATIONAL at an offset
			off := int(bo.Uint32(value))
			if off >= 0 && off <= len(b)-8 {
				if den := bo.Uint32(b[off+4:]); den != 0 {
					res = float64(bo.Uint32(b[off:])) / float64(den)
				}
			}
		case tag == 0x0128 && typ == 3: // ResolutionUnit, SHORT
			unit = bo.Uint16(value)
		}
	})
	switch unit {
	case 2:
		return res
	case 3: // centimetres
		return res * 2.54
	}
	return 0 // no absolute unit
}

// jpegSegments calls fn with each marker segment before the image data, while fn returns true.
func jpegSegments(data []byte, fn func(marker byte, seg []byte) bool) {
	if len(data) < 4 || data[0] != 0xff || data[1] != 0xd8 {
		return
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xff {
			return
		}
		marker := data[i+1]
		if marker == 0xff { // fill byte
			i++
			continue
		}
		if marker == 0xda || marker == 0xd9 { // start of scan / end of image: no more metadata
			return
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return
		}
		if !fn(marker, data[i+4:i+2+n]) {
			return
		}
		i += 2 + n
	}
}

// tiffIFD0 calls fn with each entry of IFD0 of a TIFF structure: its tag, type and the four
// bytes holding its value or the offset of its value. Malformed structures end the walk.
func tiffIFD0(b []byte, fn func(bo binary.ByteOrder, tag, typ uint16, value []byte)) {
	if len(b) < 8 {
		return
	}
	var bo binary.ByteOrder
	switch {
	case bytes.HasPrefix(b, []byte("II")):
		bo = binary.LittleEndian
	case bytes.HasPrefix(b, []byte("MM")):
		bo = binary.BigEndian
	default:
		return
	}
	if bo.Uint16(b[2:]) != 42 {
		return
	}
	ifd := int(bo.Uint32(b[4:]))
	if ifd < 8 || ifd > len(b)-2 { // no ifd+2: it may overflow where int has 32 bits
		return
	}
	count := int(bo.Uint16(b[ifd:]))
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e > len(b)-12 {
			return
		}
		fn(bo, bo.Uint16(b[e:]), bo.Uint16(b[e+2:]), b[e+8:e+12])
	}
}
