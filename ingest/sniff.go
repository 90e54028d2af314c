package ingest

import (
	"bytes"
	"fmt"

	"github.com/sohoa/sohoa/domain"
)

// Format is an accepted upload format.
type Format string

// The formats scanning stations send.
const (
	PNG  Format = "png"
	JPEG Format = "jpeg"
	TIFF Format = "tiff"
	PDF  Format = "pdf"
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
// declared content type are not trusted.
func Sniff(head []byte) (Format, error) {
	switch {
	case bytes.HasPrefix(head, []byte("\x89PNG\r\n\x1a\n")):
		return PNG, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
		return JPEG, nil
	case bytes.HasPrefix(head, []byte("II*\x00")), bytes.HasPrefix(head, []byte("MM\x00*")):
		return TIFF, nil
	case bytes.HasPrefix(head, []byte("%PDF-")):
		return PDF, nil
	}
	return "", fmt.Errorf("%w: not a PNG, JPEG, TIFF or PDF file", domain.ErrUnsupported)
}
