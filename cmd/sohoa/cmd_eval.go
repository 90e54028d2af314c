package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/eval"
	"github.com/sohoa/sohoa/ocr"
)

// runEval implements `sohoa eval --corpus DIR [--limit N]`: flags to eval.Options.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "eval --corpus DIR [--limit N] [--inputs gray,binary] [--speed-pages N]", stderr)
	corpus := fs.String("corpus", "", "folder written by sohoa synth")
	limit := fs.Int("limit", 0, "read at most this many pages (0: all)")
	inputs := fs.String("inputs", "gray,binary", "cleaned images to measure plain OCR on: gray, binary or both (comma-separated)")
	speedPages := fs.Int("speed-pages", 3, "pages timed one at a time: extract vs bare \"tesseract IMAGE - -l vie\"")
	input := fs.String("input", "binary", "cleaned image extraction reads: gray or binary")
	threshold := fs.Float64("review-threshold", ocr.DefaultReviewThreshold, "fields less confident than this need review")
	reread := fs.String("reread", "auto", "read field crops again: auto, always or never")
	templates := config.TemplatesFlag(fs, os.Getenv)
	plain := fs.Bool("plain", true, "measure plain page OCR (CER/WER) too; false measures field extraction only")
	wrongPath := fs.String("wrong", "", "write every wrong field (page, severity, entry, field, truth, value, OCR text, confidence, flagged, entry found, issues) to this TSV file")
	flaggedPath := fs.String("flagged-right", "", "write every right field that is flagged for review (same columns as --wrong) to this TSV file")
	pageTimeout := fs.Duration("page-timeout", 0, "OCR time limit per page (0: the reader's 60 s); raise it on a loaded machine so that a slow page is measured, not timed out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *corpus == "" {
		fs.Usage()
		return fmt.Errorf("eval: --corpus is required: %w", domain.ErrInvalid)
	}
	return eval.Run(ctx, eval.Options{
		Corpus: *corpus, Limit: *limit, Inputs: strings.Split(*inputs, ","), SpeedPages: *speedPages,
		OCR: ocr.Config{ReviewThreshold: *threshold, Input: ocr.Input(*input), Reread: ocr.Reread(*reread), TemplatesDir: *templates,
			Engine: ocr.EngineConfig{PageTimeout: *pageTimeout}},
		Plain: *plain, WrongPath: *wrongPath, FlaggedPath: *flaggedPath,
	}, stdout, stderr)
}
