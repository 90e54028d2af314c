package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

// runSynth writes a synthetic corpus of register pages with their ground truth.
func runSynth(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("synth", "synth --out DIR --pages N --seed S [--kind K] [--severity S] [--layout L] [--capture scan|photo] [--script typed|hand|mixed]", stderr)
	out := fs.String("out", "", "directory to write page-NNNN.png|jpg and page-NNNN.json into (created if missing)")
	pages := fs.Int("pages", 10, "number of pages to render")
	seed := fs.Int64("seed", 1, "random seed; the same seed gives byte-identical pages")
	kind := fs.String("kind", "", "register kind: khai-sinh, ket-hon or khai-tu (default: all, in turn)")
	severity := fs.String("severity", "mixed", "degradation: light, medium, heavy or mixed (random per page)")
	layout := fs.String("layout", "mixed", "page layout: form, table or mixed (random per page)")
	script := fs.String("script", "typed", "how entries are written: typed, hand (handwriting) or mixed (random per page)")
	clean := fs.Bool("clean", false, "also write the undegraded rendering as page-NNNN.clean.png")
	workers := fs.Int("workers", 0, "pages rendered in parallel (default: one per core)")
	capture := fs.String("capture", "scan", "scan (page-NNNN images) or photo (phone photos photo-NNNN.jpg, single pages and spreads, with page-NNNN.json per page)")
	faults := fs.Bool("faults", false, "with --capture photo: make every other photo faulty on purpose (blurred, dark, glare, cut off, too small)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("synth: unexpected argument %q", fs.Arg(0))
	}
	opts, err := synthOptions(*out, *pages, *seed, *kind, *severity, *layout, *workers)
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	opts.Clean = *clean
	if opts.Script, err = synth.ParseScript(*script); err != nil {
		return fmt.Errorf("synth: --script: %w", err)
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return fmt.Errorf("synth: create --out: %w", err)
	}

	switch *capture {
	case "scan":
	case "photo":
		return synthPhotos(ctx, opts, *faults, *out, stdout, stderr)
	default:
		return fmt.Errorf("synth: --capture: %w: want scan or photo, got %q", domain.ErrInvalid, *capture)
	}
	progress := newProgress(stderr, opts.Pages)
	done := 0
	err = synth.Generate(ctx, opts, func(p synth.Page) error {
		if err := p.Save(*out); err != nil {
			return err
		}
		done++
		progress.update(done)
		return nil
	})
	progress.finish()
	if err != nil {
		return fmt.Errorf("synth: %w", err)
	}
	fmt.Fprintf(stdout, "wrote %d pages to %s\n", done, *out)
	return nil
}

// synthOptions checks the flags; each message names the flag at fault.
func synthOptions(out string, pages int, seed int64, kind, severity, layout string, workers int) (synth.Options, error) {
	opts := synth.Options{Seed: seed, Pages: pages, Workers: workers}
	if strings.TrimSpace(out) == "" {
		return opts, fmt.Errorf("%w: --out is required", domain.ErrInvalid)
	}
	if pages < 1 {
		return opts, fmt.Errorf("%w: --pages must be at least 1, got %d", domain.ErrInvalid, pages)
	}
	if workers < 0 {
		return opts, fmt.Errorf("%w: --workers must be 0 (one per core) or more, got %d", domain.ErrInvalid, workers)
	}
	if kind != "" {
		k, err := domain.ParseKind(kind)
		if err != nil {
			return opts, fmt.Errorf("--kind: %w", err)
		}
		opts.Kind = k
	}
	var err error
	if opts.Severity, err = synth.ParseSeverity(severity); err != nil {
		return opts, fmt.Errorf("--severity: %w", err)
	}
	if opts.Layout, err = synth.ParseLayout(layout); err != nil {
		return opts, fmt.Errorf("--layout: %w", err)
	}
	return opts, nil
}

// progress reports pages written: a redrawn bar on a terminal, a plain line every ten pages
// otherwise (logs, CI).
type progress struct {
	w        io.Writer
	total    int
	terminal bool
	start    time.Time
	last     int
}

func newProgress(w io.Writer, total int) *progress {
	return &progress{w: w, total: total, terminal: isTerminal(w), start: time.Now()}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) update(done int) {
	p.last = done
	perPage := time.Since(p.start).Seconds() / float64(done)
	if p.terminal {
		fmt.Fprintf(p.w, "\r%s %d/%d pages  %.1f s/page", bar(done, p.total, 30), done, p.total, perPage)
		return
	}
	if done%10 == 0 || done == p.total {
		fmt.Fprintf(p.w, "synth: %d/%d pages, %.1f s/page\n", done, p.total, perPage)
	}
}

func (p *progress) finish() {
	if p.terminal && p.last > 0 {
		fmt.Fprintln(p.w)
	}
}

// bar draws "[=====>    ]" for done of total in width cells.
func bar(done, total, width int) string {
	filled := width * done / max(total, 1)
	var b strings.Builder
	b.WriteByte('[')
	for i := range width {
		switch {
		case i < filled-1 || (i == filled-1 && done == total):
			b.WriteByte('=')
		case i == filled-1:
			b.WriteByte('>')
		default:
			b.WriteByte(' ')
		}
	}
	b.WriteByte(']')
	return b.String()
}
