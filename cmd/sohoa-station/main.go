// Command sohoa-station runs at a scanning station: it sends the page images a scanner drops
// into a folder to sohoa, surviving network cuts, server restarts and its own. `sohoa-station
// help` lists its commands; it is built without cgo, so it cross-compiles for Windows.
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
	"time"

	"github.com/sohoa/sohoa/station"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv, isTerminal(os.Stderr))
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "sohoa-station:", err)
		os.Exit(1)
	}
}

// isTerminal reports whether f is a console, where the status line is redrawn in place.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, terminal bool) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return nil
	}
	switch args[0] {
	case "watch":
		return runWatch(ctx, args[1:], stderr, getenv, terminal)
	case "upload":
		return runUpload(ctx, args[1:], stdout, stderr, getenv, terminal)
	}
	usage(stderr)
	return fmt.Errorf("unknown command %q: use watch or upload", args[0])
}

func usage(w io.Writer) {
	fmt.Fprint(w, `sohoa-station sends a scanner's page images to sohoa.

Usage:
  sohoa-station watch  --server URL --token T --ledger L DIR      send each page that appears in DIR
  sohoa-station upload --server URL --token T --ledger L FILE...  send these files once

Each command has -h. The token can come from SOHOA_STATION_TOKEN and the server from SOHOA_SERVER.
`)
}

// flags are the settings both commands share.
type flags struct {
	fs  *flag.FlagSet
	cfg station.Config
}

func newFlags(name, synopsis, about string, stderr io.Writer, getenv func(string) string) *flags {
	f := &flags{fs: flag.NewFlagSet(name, flag.ContinueOnError)}
	fs := f.fs
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: sohoa-station %s\n\n%s\n\nFlags:\n", synopsis, about)
		fs.PrintDefaults()
	}
	c := &f.cfg
	fs.StringVar(&c.Server, "server", getenv("SOHOA_SERVER"), "address of sohoa, e.g. https://sohoa.example.vn (env SOHOA_SERVER)")
	fs.StringVar(&c.Token, "token", getenv("SOHOA_STATION_TOKEN"), "the station token from `sohoa token create` (env SOHOA_STATION_TOKEN, which keeps it out of process lists)")
	fs.Int64Var(&c.Ledger, "ledger", 0, "number of the ledger (sổ) the pages belong to")
	fs.Func("page-order", "where page numbers come from: name (from the file name) or scan (in scan order) (default name)", func(s string) error {
		c.PageOrder = station.PageOrder(s)
		return nil
	})
	fs.StringVar(&c.PagePattern, "page-pattern", "", "regexp finding the page number in a file name; its first group (or whole match) is the number (default: the last run of digits, so trang-0012.jpg is page 12)")
	fs.IntVar(&c.FirstPage, "first-page", 1, "in scan order: the page number of the first file")
	fs.DurationVar(&c.Backoff.Min, "retry-min", time.Second, "first wait before sending again while the server is away")
	fs.DurationVar(&c.Backoff.Max, "retry-max", time.Minute, "longest wait before sending again")
	return f
}

// parse reads the flags and checks the config; it names the wrong flag in one line.
func (f *flags) parse(args []string) error {
	if err := f.fs.Parse(args); err != nil {
		return err
	}
	return f.cfg.Validate()
}

func runWatch(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string, terminal bool) error {
	f := newFlags("watch", "watch --server URL --token T --ledger L [flags] DIR",
		"Watches DIR (every --poll) and sends each page once it has stopped changing for --stable;\n"+
			"sent files go to DIR/sent, refused ones to DIR/rejected with NAME.reason.txt. Names\n"+
			"ending in .tmp or .part and names starting with ~ or . are left alone. Stop with Ctrl-C;\n"+
			"a restart carries on where it stopped.", stderr, getenv)
	f.fs.DurationVar(&f.cfg.StableFor, "stable", 2*time.Second, "a file is complete once its size and time are unchanged this long")
	f.fs.DurationVar(&f.cfg.Poll, "poll", time.Second, "how often the folder is looked at")
	if err := f.parse(args); err != nil {
		return err
	}
	if f.fs.NArg() != 1 {
		return fmt.Errorf("watch: give one folder to watch (got %d arguments)", f.fs.NArg())
	}
	if f.cfg.StableFor <= 0 || f.cfg.Poll <= 0 {
		return errors.New("--stable and --poll must be above zero")
	}
	f.cfg.Status, f.cfg.Terminal = stderr, terminal
	st, err := station.New(f.cfg)
	if err != nil {
		return err
	}
	if err := check(ctx, st); err != nil {
		return err
	}
	return st.Watch(ctx, f.fs.Arg(0))
}

func runUpload(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, terminal bool) error {
	f := newFlags("upload", "upload --server URL --token T --ledger L [flags] FILE...",
		"Sends each FILE once (retrying while the server is away) and leaves it where it is.\n"+
			"Exits with status 1 if any file was not sent.", stderr, getenv)
	if err := f.parse(args); err != nil {
		return err
	}
	if f.fs.NArg() == 0 {
		return errors.New("upload: give the files to send")
	}
	f.cfg.Status, f.cfg.Terminal = stderr, terminal
	st, err := station.New(f.cfg)
	if err != nil {
		return err
	}
	if err := check(ctx, st); err != nil {
		return err
	}
	results, err := st.UploadFiles(ctx, f.fs.Args())
	failed := 0
	for _, r := range results {
		if r.Err != nil {
			failed++
		} else if r.Receipt.ID != 0 {
			fmt.Fprintf(stdout, "%s\tpage %d\tscan %d\n", r.Path, r.Page, r.Receipt.ID)
		}
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d files were not sent", failed, len(results))
	}
	return nil
}

// check fails fast on a wrong token or ledger; an unreachable server is only a warning, since
// pages are sent once it is back.
func check(ctx context.Context, st *station.Station) error {
	l, err := st.Check(ctx)
	var ae *station.APIError
	if err != nil && (errors.As(err, &ae) && (ae.Status == 401 || ae.Status == 403 || ae.Status == 404) || ctx.Err() != nil) {
		return err
	}
	if err != nil {
		st.Progress().Eventf("the server cannot be reached now (%v); pages will be sent once it is back", err)
		return nil
	}
	st.Progress().Eventf("ledger %d: commune %s, %s, book %q: %d pages uploaded", l.ID, l.CommuneCode, l.Kind, l.Book, l.Progress.PagesUploaded)
	return nil
}
