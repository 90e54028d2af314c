package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/ocr"
)

// runExtract implements `sohoa extract [--kind K] [--layout L] IMAGE`: it cleans the page, reads
// its records and prints them as JSON. "box" is in the cleaned greyscale page's coordinates,
// "box_original" in the image file's own pixels.
func runExtract(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("extract", "extract [--kind K] [--layout form|table] [--review-threshold X] IMAGE", stderr)
	kind := fs.String("kind", "", "register kind: khai-sinh, ket-hon or khai-tu (default: read from the page title)")
	layout := fs.String("layout", "", "page layout: form or table (default: detected from the ruling)")
	threshold := fs.Float64("review-threshold", ocr.DefaultReviewThreshold, "fields less confident than this need review")
	templates := config.TemplatesFlag(fs, os.Getenv)
	reread := fs.String("reread", "auto", "read field crops again: auto (doubtful fields), always or never")
	input := fs.String("input", "binary", "cleaned image Tesseract reads: gray or binary")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("extract: want one IMAGE, got %d arguments: %w", len(pos), domain.ErrInvalid)
	}
	opts := ocr.ExtractOptions{Layout: ocr.Layout(*layout)}
	if *kind != "" {
		if opts.Kind, err = domain.ParseKind(*kind); err != nil {
			return fmt.Errorf("extract: --kind: %w", err)
		}
	}
	if *layout != "" && opts.Layout != ocr.LayoutForm && opts.Layout != ocr.LayoutTable {
		return fmt.Errorf("extract: --layout %q: want form or table: %w", *layout, domain.ErrInvalid)
	}
	img, info, err := imaging.DecodeFile(pos[0])
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	opts.DPI = info.DPI
	r, err := ocr.New(ocr.Config{
		Engine: ocr.EngineConfig{Workers: 1}, TemplatesDir: *templates, ReviewThreshold: *threshold,
		Reread: ocr.Reread(*reread), Input: ocr.Input(*input),
	})
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	defer r.Close()
	page, _, err := r.ExtractImage(ctx, img, opts)
	if err != nil {
		return fmt.Errorf("extract %s: %w", pos[0], err)
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(page)
}
