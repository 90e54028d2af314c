package imaging

import "encoding/binary"

// jpegOrientation returns the EXIF orientation tag (1..8) of a JPEG, or 1 when it has none or
// the metadata is malformed. It walks the marker segments up to the start of scan and reads
// only IFD0 of the APP1 "Exif" segment.
func jpegOrientation(data []byte) int {
	o := 1
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker == 0xe1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			if v := tiffOrientation(seg[6:]); v != 0 {
				o = v
				return false
			}
		}
		return true
	})
	return o
}

// tiffOrientation reads tag 0x0112 from IFD0 of a TIFF-structured EXIF block, or returns 0.
func tiffOrientation(b []byte) int {
	o, seen := 0, false
	tiffIFD0(b, func(bo binary.ByteOrder, tag, typ uint16, value []byte) {
		if tag != 0x0112 || seen {
			return
		}
		seen = true
		if v := int(bo.Uint16(value)); typ == 3 && v >= 1 && v <= 8 { // SHORT
			o = v
		}
	})
	return o
}

// jpegCamera reports whether a JPEG's EXIF names the camera that made it (Make or Model in
// IFD0), as phones and cameras write and scanners seldom do.
func jpegCamera(data []byte) bool {
	found := false
	jpegSegments(data, func(marker byte, seg []byte) bool {
		if marker == 0xe1 && len(seg) > 6 && string(seg[:6]) == "Exif\x00\x00" {
			tiffIFD0(seg[6:], func(_ binary.ByteOrder, tag, _ uint16, _ []byte) {
				found = found || tag == 0x010f || tag == 0x0110
			})
			return false
		}
		return true
	})
	return found
}
