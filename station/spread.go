package station

import (
	"context"
	"os"

	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// pagesIn is how many page numbers a file takes when numbered in scan order: 2 for a phone
// photo of an open book (the server makes it pages N and N+1), else 1. It decodes only JPEG
// and PNG files that record no scanning resolution, as phones write them.
func pagesIn(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 1
	}
	info, err := imaging.Probe(data, imaging.Limits{})
	if err != nil || info.DPI > 0 || info.Format == imaging.FormatTIFF {
		return 1
	}
	img, info, err := imaging.DecodeBytes(data, imaging.Limits{})
	if err != nil || !photo.IsPhoto(img, info) {
		return 1
	}
	res, err := photo.Inspect(context.Background(), img)
	if err != nil || !res.Spread {
		return 1
	}
	return 2
}
