package main

import (
	"context"
	"fmt"
	"image"
	"io"
	"strings"

	"github.com/sohoa/sohoa/imaging"
	"github.com/sohoa/sohoa/imaging/photo"
)

// cleanPhoto is `sohoa clean` for a phone photo: the capture verdict, then each page found
// flattened and cleaned. A spread's right-hand page goes to OUT with ".right" before the
// extension (and the same for --binary); the steps of both pages go to the steps folder.
func cleanPhoto(ctx context.Context, img image.Image, out, binaryOut, stepsDir string, stdout io.Writer) error {
	res, err := photo.Flatten(ctx, img, photo.Options{CollectSteps: stepsDir != ""})
	if err != nil {
		return fmt.Errorf("clean: %w", err)
	}
	printVerdict(stdout, res)
	steps := res.Steps
	for i, p := range res.Pages {
		c, err := imaging.Clean(ctx, p.Image, imaging.Options{DPI: 300, MinBlur: 1, CollectSteps: stepsDir != ""})
		if err != nil {
			return fmt.Errorf("clean %s page: %w", sideName(p.Side), err)
		}
		for _, s := range c.Steps {
			steps = append(steps, imaging.Step{Name: sideName(p.Side) + "-" + s.Name, Image: s.Image})
		}
		gray, bin := out, binaryOut
		if i > 0 {
			gray, bin = withSuffix(out, "."+string(p.Side)), withSuffix(binaryOut, "."+string(p.Side))
		}
		if err := writePNG(gray, c.Gray); err != nil {
			return fmt.Errorf("clean: %w", err)
		}
		if bin != "" {
			if err := writePNG(bin, c.Binary); err != nil {
				return fmt.Errorf("clean: %w", err)
			}
		}
		fmt.Fprintf(stdout, "\n%s page → %s\n", sideName(p.Side), gray)
		printMetrics(stdout, c)
	}
	return writeSteps(stepsDir, steps)
}

func sideName(s photo.Side) string {
	if s == photo.Whole {
		return "page"
	}
	return string(s)
}

// withSuffix puts suffix before the file name's extension ("" stays "").
func withSuffix(name, suffix string) string {
	if name == "" {
		return ""
	}
	if i := strings.LastIndex(name, "."); i > strings.LastIndex(name, "/") {
		return name[:i] + suffix + name[i:]
	}
	return name + suffix
}

func printVerdict(w io.Writer, res *photo.Result) {
	v := res.Verdict
	fmt.Fprintf(w, "photo       %d page(s)%s; sharpness %.0f, paper %.2f, glare %.1f%%, %.0f dpi\n", len(res.Pages),
		map[bool]string{true: " of an open book", false: ""}[res.Spread], v.Sharpness, v.Paper, 100*v.Glare, v.DPI)
	if !v.Retake {
		fmt.Fprintln(w, "capture     ok")
		return
	}
	fmt.Fprintln(w, "capture     chụp lại (take again)")
	for _, p := range v.Problems {
		fmt.Fprintf(w, "  %s\n  %s\n", p.Vietnamese, p.English)
	}
}
