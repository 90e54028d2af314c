package ingest

import (
	"bytes"
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
)

// Format is an accepted upload format.
type Format string

// The formats scanning stations send: the images package imaging decodes, and PDF.
const (
	PNG  = Format(imaging.FormatPNG)
	JPEG = Format(imaging.FormatJPEG)
	TIFF = Format(imaging.FormatTIFF)
	PDF  = Format("pdf")
)

// ContentType is the format's media type.
func (f Format) ContentType() string {
	switch f {
	case PNG:
		return "image/png"
	case JPEG:
		return "image/jpeg"
	case TIFF:
		return "image/tiff"
	case PDF:
		return "application/pdf"
	}
	return "application/octet-stream"
}

// Sniff recognises the format from the first bytes of the content; the file name and the
// declared content type are not trusted. Images are recognised by imaging.Sniff, the one place
// that knows their signatures.
func Sniff(head []byte) (Format, error) {
	if f, err := imaging.Sniff(head); err == nil {
		return Format(f), nil
	}
	switch {
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF, nil
	case isHEIF(head):
		return "", fmt.Errorf("%w: %s", domain.ErrUnsupported, HEICMessage)
	}
	return "", fmt.Errorf("%w: not a PNG, JPEG, TIFF or PDF file", domain.ErrUnsupported)
}

// HEICMessage tells an iPhone user what to do about a HEIC photo, in Vietnamese and English.
const HEICMessage = "Định dạng ảnh HEIC chưa hỗ trợ; hãy chỉnh máy chụp ảnh ở định dạng JPEG " +
	"(Cài đặt › Camera › Định dạng › Tương thích nhất) rồi chụp lại. / HEIC photos are not supported yet: " +
	"set the camera to JPEG (Settings › Camera › Formats › Most Compatible) and take the photo again."

// isHEIF recognises an ISO media file of the HEIF family (iPhone photos: HEIC, and AVIF): an
// "ftyp" box first, with one of their brands.
func isHEIF(head []byte) bool {
	if len(head) < 12 || string(head[4:8]) != "ftyp" {
		return false
	}
	switch string(head[8:12]) {
	case "heic", "heix", "heim", "heis", "hevc", "hevx", "mif1", "msf1", "avif", "avis":
		return true
	}
	return false
}
