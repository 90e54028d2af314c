package imaging

import (
	"fmt"
	"image"
	"os"
)

// DecodeFile decodes a page image file (PNG, JPEG or TIFF) without size limits, for the command
// line tools; Info carries the resolution the file records.
func DecodeFile(path string) (image.Image, Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, Info{}, err
	}
	defer f.Close()
	img, info, err := Decode(f, Limits{})
	if err != nil {
		return nil, info, fmt.Errorf("decode %s: %w", path, err)
	}
	return img, info, nil
}
