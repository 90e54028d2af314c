// Command sohoa is the whole sohoa service in one binary: `sohoa help` lists its subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

// command is one subcommand of sohoa.
type command struct {
	name, summary string
	run           func(ctx context.Context, args []string, stdout, stderr io.Writer) error
}

func commands() []command {
	return []command{
		{"serve", "serve the web UI, the API, /healthz, /readyz and /metrics, with background workers", runServe},
		{"worker", "run background workers only (many machines can share one PostgreSQL + MinIO)", runWorker},
		{"migrate", "bring the database schema up to date", runMigrate},
		{"up", "run everything locally with demo data (starts its own PostgreSQL and MinIO if none is configured)", runUp},
		{"token", "a scanning station's API token for its communes: token create|scope --station NAME --commune CODE..., token revoke --station NAME", runToken},
		{"user", "accounts: user add --role ROLE [--commune CODE]... USERNAME (password on stdin); user disable|enable|password|communes|revoke-sessions USERNAME", runUser},
		{"synth", "render a synthetic corpus of degraded register pages with ground truth", runSynth},
		{"clean", "clean one page image for OCR and show its measurements (--steps-dir shows every step)", runClean},
		{"services", "start a private PostgreSQL and MinIO and write their settings to a file (used by the tests)", runServices},
		{"ocr", "print the text of one page image, read by Tesseract after cleaning", runOCR},
		{"extract", "read one page image into records (JSON): values, confidences, boxes, issues", runExtract},
		{"population", "import a population extract (population import FILE) or write a synthetic one (population synth)", runPopulation},
		{"match", "link register entries to citizens: match --entries FILE (JSON lines out) or match --ledger ID", runMatch},
		{"eval", "measure OCR and field accuracy on a synthetic corpus (raw vs cleaned, per severity)", runEval},
		{"complete", "print candidates for what a clerk typed into a field: complete --field TYPE PREFIX", runComplete},
		{"export-training", "write confirmed line images + texts for training a recogniser: --ledger ID|--commune CODE OUT", runExportTraining},
		{"mirror", "copy every object the --to bucket lacks into it: the object store's backup, and its restore", runMirror},
		{"export", "write finished entries as the civil-status import workbook (xlsx), csv or jsonl", runExport},
	}
}

func main() {
	ompGuard() // first: re-exec with OMP_THREAD_LIMIT=1 before Tesseract's OpenMP is used
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "sohoa:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q", args[0])
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "sohoa digitises civil-registry ledgers: scans in, reviewed records out.")
	fmt.Fprintln(w, "\nUsage: sohoa <command> [flags]   (each command has -h)\n\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "  help      show this list")
}

// newFlagSet makes a flag set that prints its usage to stderr and returns errors to the caller.
func newFlagSet(name, synopsis string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: sohoa %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}
