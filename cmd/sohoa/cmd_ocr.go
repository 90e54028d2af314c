package main

import (
	"context"
	"fmt"
	"image"
	"io"
	"os"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr"
)

// runOCR implements `sohoa ocr [--raw] [--input gray|binary] IMAGE`: it cleans the page and prints
// its text, one visual line per line.
func runOCR(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("ocr", "ocr [--raw] [--input gray|binary] IMAGE", stderr)
	raw := fs.Bool("raw", false, "read the scan as it is, without cleaning")
	input := fs.String("input", "binary", "cleaned image Tesseract reads: gray or binary")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("ocr: want one IMAGE, got %d arguments: %w", len(pos), domain.ErrInvalid)
	}
	img, info, err := decodeFile(pos[0])
	if err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	r, err := ocr.New(ocr.Config{Engine: ocr.EngineConfig{Workers: 1}, Input: ocr.Input(*input)})
	if err != nil {
		return fmt.Errorf("ocr: %w", err)
	}
	defer r.Close()
	g := imaging.Grayscale(img)
	if !*raw {
		res, err := imaging.Clean(ctx, img, imaging.Options{DPI: info.DPI})
		if err != nil {
			return fmt.Errorf("ocr %s: %w", pos[0], err)
		}
		g = res.Gray
		if ocr.Input(*input) == ocr.InputBinary {
			g = res.Binary
		}
	}
	text, err := r.Text(ctx, g)
	if err != nil {
		return fmt.Errorf("ocr %s: %w", pos[0], err)
	}
	_, err = io.WriteString(stdout, text)
	return err
}

// decodeFile decodes a page image file (PNG, JPEG or TIFF); Info carries the resolution the
// file records.
func decodeFile(path string) (image.Image, imaging.Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, imaging.Info{}, err
	}
	defer f.Close()
	img, info, err := imaging.Decode(f, imaging.Limits{})
	if err != nil {
		return nil, info, fmt.Errorf("decode %s: %w", path, err)
	}
	return img, info, nil
}
