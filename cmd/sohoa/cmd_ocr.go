package main

import (
	"context"
	"fmt"
	"io"

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
	img, info, err := imaging.DecodeFile(pos[0])
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
