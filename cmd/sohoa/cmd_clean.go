package main

import (
	"context"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// runClean implements `sohoa clean IN OUT [--binary OUT2] [--keep-geometry] [--steps-dir DIR]`:
// it cleans one scanned page, writes the clean greyscale page (and optionally the binarised page
// and every intermediate step) as PNG, and prints the metrics and any rescan verdict.
func runClean(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("clean", "clean IN OUT [--binary OUT2] [--keep-geometry] [--steps-dir DIR]", stderr)
	binaryOut := fs.String("binary", "", "also write the binarised page for OCR to this PNG file")
	keep := fs.Bool("keep-geometry", false, "do not crop, deskew or rescale: outputs keep the input's size")
	stepsDir := fs.String("steps-dir", "", "write every intermediate step to this directory as NN-name.png")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	if len(pos) != 2 {
		fs.Usage()
		return fmt.Errorf("clean: want IN and OUT, got %d arguments: %w", len(pos), domain.ErrInvalid)
	}
	in, out := pos[0], pos[1]

	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	img, info, err := imaging.Decode(f, imaging.Limits{})
	f.Close()
	if err != nil {
		return fmt.Errorf("clean %s: %w", in, err)
	}
	if !*keep && photo.IsPhoto(img, info) {
		return cleanPhoto(ctx, img, out, *binaryOut, *stepsDir, stdout)
	}
	res, err := imaging.Clean(ctx, img, imaging.Options{KeepGeometry: *keep, CollectSteps: *stepsDir != "", DPI: info.DPI})
	if err != nil {
		return fmt.Errorf("clean %s: %w", in, err)
	}

	if err := writePNG(out, res.Gray); err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	if *binaryOut != "" {
		if err := writePNG(*binaryOut, res.Binary); err != nil {
			return fmt.Errorf("clean: %w", err)
		}
	}
	if err := writeSteps(*stepsDir, res.Steps); err != nil {
		return err
	}
	printMetrics(stdout, res)
	return nil
}

// writeSteps writes every intermediate step to dir as NN-name.png (nothing when dir is "").
func writeSteps(dir string, steps []imaging.Step) error {
	if dir == "" {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	for i, s := range steps {
		name := filepath.Join(dir, fmt.Sprintf("%02d-%s.png", i+1, s.Name))
		if err := writePNG(name, s.Image); err != nil {
			return fmt.Errorf("clean: %w", err)
		}
	}
	return nil
}

// parseInterspersed parses flags that may come before, between or after the positional
// arguments (the standard flag package stops at the first non-flag), and returns the positionals.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" {
			return append(pos, rest...), nil // everything after "--" is positional
		}
		if len(rest) == 0 {
			break
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
	return pos, nil
}

func writePNG(name string, img image.Image) (err error) {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(f, img); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

func printMetrics(w io.Writer, res *imaging.Result) {
	m := res.Metrics
	fmt.Fprintf(w, "size        %d×%d\n", res.Gray.Rect.Dx(), res.Gray.Rect.Dy())
	fmt.Fprintf(w, "skew        %.2f°\n", m.SkewDegrees)
	fmt.Fprintf(w, "dpi         %.0f (text size suggests %.0f; upscaled ×%.2f)\n", m.DPI, m.TextDPI, m.Upscale)
	fmt.Fprintf(w, "crop        %v\n", m.Crop)
	fmt.Fprintf(w, "brightness  %.2f\n", m.Brightness)
	fmt.Fprintf(w, "contrast    %.2f\n", m.Contrast)
	fmt.Fprintf(w, "blur        %.0f\n", m.Blur)
	fmt.Fprintf(w, "noise       %.1f\n", m.Noise)
	if !res.Rescan {
		fmt.Fprintln(w, "verdict     ok")
		return
	}
	var codes []string
	for _, r := range res.Reasons {
		codes = append(codes, r.Code)
	}
	fmt.Fprintf(w, "verdict     rescan (%s)\n", strings.Join(codes, ", "))
	for _, r := range res.Reasons {
		fmt.Fprintf(w, "  %s\n  %s\n", r.Vietnamese, r.English)
	}
}
