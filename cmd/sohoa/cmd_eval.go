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
	"github.com/sohoa/sohoa/synth"
)

// runEval implements `sohoa eval --corpus DIR [--limit N]`: flags to eval.Options.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("eval", "eval --corpus DIR [--limit N] [--inputs gray,binary] [--speed-pages N] | eval --binarise [--seed S] [--pages N] [--severity S]", stderr)
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
	fitPath := fs.String("fit-calibration", "", "fit the confidence calibration (per field type, confidence → share right) on the corpus and write it to this JSON file (ocr/data/calibration.json is the one sohoa embeds)")
	fieldsPath := fs.String("fields", "", "write every printed field's outcome (type, raw and calibrated confidence, flagged whatever the threshold, right) to this TSV file")
	flaggedPath := fs.String("flagged-right", "", "write every right field that is flagged for review (same columns as --wrong) to this TSV file")
	pageTimeout := fs.Duration("page-timeout", 0, "time limit of one page's reading (0: the engine's default, 60 s); raise it on a loaded machine, where pages run past it and count as failed")
	binarise := fs.Bool("binarise", false, "measure the binarisation instead: F-measure on synth pages with pixel ground truth (--seed, --pages, --severity)")
	seed := fs.Int64("seed", 1, "with --binarise: synth seed")
	pages := fs.Int("pages", 10, "with --binarise: pages to render")
	severity := fs.String("severity", "heavy", "with --binarise: light, medium, heavy or mixed")
	boxesPath := fs.String("boxes", "", "write every field whose box misses the truth box (IoU < 0.5: page, layout, kind, entry, field, truth box, box_original, IoU) to this TSV file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *binarise {
		sev, err := synth.ParseSeverity(*severity)
		if err != nil {
			return fmt.Errorf("eval: --severity: %w", err)
		}
		return eval.BinariseRun(ctx, eval.BinariseOptions{Seed: *seed, Pages: *pages, Severity: sev}, stdout)
	}
	if *corpus == "" {
		fs.Usage()
		return fmt.Errorf("eval: --corpus is required: %w", domain.ErrInvalid)
	}
	return eval.Run(ctx, eval.Options{
		Corpus: *corpus, Limit: *limit, Inputs: strings.Split(*inputs, ","), SpeedPages: *speedPages,
		OCR:   ocr.Config{ReviewThreshold: *threshold, Engine: ocr.EngineConfig{PageTimeout: *pageTimeout}, Input: ocr.Input(*input), Reread: ocr.Reread(*reread), TemplatesDir: *templates},
		Plain: *plain, WrongPath: *wrongPath, FlaggedPath: *flaggedPath, BoxesPath: *boxesPath, FitPath: *fitPath, FieldsPath: *fieldsPath,
	}, stdout, stderr)
}
