package upload

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// RetakeError refuses a photo that must be taken again ("chụp lại"), with the reasons.
type RetakeError struct {
	Verdict photo.Verdict
}

func (e *RetakeError) Error() string {
	var vi, en []string
	for _, p := range e.Verdict.Problems {
		vi, en = append(vi, p.Vietnamese), append(en, p.English)
	}
	return fmt.Sprintf("Chụp lại: %s / Take the photo again: %s", strings.Join(vi, " "), strings.Join(en, " "))
}

// Unwrap makes a RetakeError a domain.ErrInvalid.
func (e *RetakeError) Unwrap() error { return domain.ErrInvalid }

// inspectPhoto judges the image at path when it is a phone photo (nil, nil for a scan): how
// many pages it shows, and whether it must be taken again.
func inspectPhoto(ctx context.Context, path string) (*photo.Result, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read upload: %w", err)
	}
	info, err := imaging.Probe(data, imaging.Limits{})
	if err != nil || info.DPI > 0 {
		return nil, nil // a scan, or a file the pipeline will report on
	}
	img, info, err := imaging.DecodeBytes(data, imaging.Limits{})
	if err != nil {
		return nil, fmt.Errorf("%w: the image cannot be decoded: %w", domain.ErrInvalid, err)
	}
	if !photo.IsPhoto(img, info) {
		return nil, nil
	}
	res, err := photo.Inspect(ctx, img)
	if err != nil {
		return nil, err
	}
	if res.Verdict.Retake {
		return res, &RetakeError{Verdict: res.Verdict}
	}
	return res, nil
}
