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
	"strings"
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
		fmt.Fprintln(os.Stderr, "sohoa-station:", errorText(err, os.Args[1:], os.Getenv))
		os.Exit(1)
	}
}

// errorText is what the operator reads about err: in Vietnamese unless --lang en or
// SOHOA_STATION_LANG=en, including the station library's errors and the server's answers.
func errorText(err error, args []string, getenv func(string) string) string {
	return station.Message(err, string(langOf(args, getenv)))
}

// isTerminal reports whether f is a console, where the status line is redrawn in place.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, terminal bool) error {
	l := langOf(args, getenv)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout, l)
		return nil
	}
	switch args[0] {
	case "watch":
		return runWatch(ctx, args[1:], stderr, getenv, terminal, l)
	case "upload":
		return runUpload(ctx, args[1:], stdout, stderr, getenv, terminal, l)
	}
	usage(stderr, l)
	return fmt.Errorf(l.t("unknown command %q: use watch or upload", "không có lệnh %q: dùng watch hoặc upload"), args[0])
}

func usage(w io.Writer, l lang) {
	fmt.Fprint(w, l.t(`sohoa-station sends a scanner's page images to sohoa.

Usage:
  sohoa-station watch  --server URL --token TOKEN --ledger NUMBER FOLDER   send each page that appears in FOLDER
  sohoa-station upload --server URL --token TOKEN --ledger NUMBER FILE...  send these files once

Each command has -h. The token can come from SOHOA_STATION_TOKEN and the server from SOHOA_SERVER.
Messages are in Vietnamese unless --lang en (or SOHOA_STATION_LANG=en).
`, `sohoa-station gửi ảnh các trang sổ từ máy quét lên sohoa.

Cách dùng:
  sohoa-station watch  --server URL --token MÃ --ledger SỐ_SỔ THƯ_MỤC   gửi từng trang mới xuất hiện trong THƯ_MỤC
  sohoa-station upload --server URL --token MÃ --ledger SỐ_SỔ TỆP...    gửi các tệp này một lần

Mỗi lệnh có -h. Mã trạm có thể lấy từ biến môi trường SOHOA_STATION_TOKEN, địa chỉ máy chủ từ SOHOA_SERVER.
Thông báo bằng tiếng Việt; --lang en (hoặc SOHOA_STATION_LANG=en) để dùng tiếng Anh.
`))
}

// flags are the settings both commands share.
type flags struct {
	fs   *flag.FlagSet
	cfg  station.Config
	lang lang
}

func newFlags(name, synopsis, about string, stderr io.Writer, getenv func(string) string, l lang) *flags {
	f := &flags{fs: flag.NewFlagSet(name, flag.ContinueOnError), lang: l}
	fs := f.fs
	// The flag package's own complaints are English: parse reports them in the chosen language
	// instead, so its output is kept for the usage text only.
	fs.SetOutput(io.Discard)
	fs.Usage = func() {
		fmt.Fprintf(stderr, l.t("Usage: sohoa-station %s\n\n%s\n\nFlags:\n", "Cách dùng: sohoa-station %s\n\n%s\n\nTham số:\n"), synopsis, about)
		printDefaults(stderr, fs, l, getenv)
	}
	c := &f.cfg
	c.Lang = string(l)
	// The word in backquotes is the placeholder -h shows: -server URL, -token TOKEN, -ledger NUMBER.
	fs.StringVar(&c.Server, "server", getenv("SOHOA_SERVER"), l.t("`URL` of sohoa, e.g. https://sohoa.example.vn (env SOHOA_SERVER)",
		"địa chỉ (`URL`) của sohoa, ví dụ https://sohoa.example.vn (biến môi trường SOHOA_SERVER)"))
	fs.StringVar(&c.Token, "token", getenv("SOHOA_STATION_TOKEN"), l.t("the station `TOKEN` from sohoa token create (env SOHOA_STATION_TOKEN, which keeps it out of process lists)",
		"`MÃ` trạm do sohoa token create cấp (biến môi trường SOHOA_STATION_TOKEN, để mã không hiện trong danh sách tiến trình)"))
	fs.Int64Var(&c.Ledger, "ledger", 0, l.t("`NUMBER` of the ledger (sổ) the pages belong to, as shown on the Progress page",
		"`SỐ` của sổ chứa các trang, như trên trang Tiến độ"))
	fs.Func("page-order", l.t("where page numbers come from: `name` (from the file name) or scan (in scan order) (default name)",
		"số trang lấy từ đâu: `name` (từ tên tệp) hoặc scan (theo thứ tự quét) (mặc định name)"), func(s string) error {
		c.PageOrder = station.PageOrder(s)
		return nil
	})
	fs.StringVar(&c.PagePattern, "page-pattern", "", l.t("`REGEXP` finding the page number in a file name; its first group (or whole match) is the number (default: the last run of digits, so trang-0012.jpg is page 12)",
		"`BIỂU_THỨC` chính quy tìm số trang trong tên tệp; nhóm đầu (hoặc cả chuỗi khớp) là số trang (mặc định: dãy chữ số cuối, trang-0012.jpg là trang 12)"))
	fs.IntVar(&c.FirstPage, "first-page", 1, l.t("in scan order: the `PAGE` number of the first file", "theo thứ tự quét: số `TRANG` của tệp đầu tiên"))
	fs.DurationVar(&c.Backoff.Min, "retry-min", time.Second, l.t("first `WAIT` before sending again while the server is away", "`THỜI_GIAN` chờ đầu tiên trước khi gửi lại khi mất kết nối máy chủ"))
	fs.DurationVar(&c.Backoff.Max, "retry-max", time.Minute, l.t("longest `WAIT` before sending again", "`THỜI_GIAN` chờ lâu nhất trước khi gửi lại"))
	fs.String("lang", string(l), l.t("`LANGUAGE` of messages: vi or en (env SOHOA_STATION_LANG)", "`NGÔN_NGỮ` thông báo: vi hoặc en (biến môi trường SOHOA_STATION_LANG)"))
	return f
}

// parse reads the flags and checks the config; it names the wrong flag in one line.
func (f *flags) parse(args []string) error {
	if err := f.fs.Parse(args); err != nil {
		return f.lang.flagError(err)
	}
	return f.cfg.Validate()
}

func runWatch(ctx context.Context, args []string, stderr io.Writer, getenv func(string) string, terminal bool, l lang) error {
	f := newFlags("watch", l.t("watch --server URL --token TOKEN --ledger NUMBER [flags] FOLDER", "watch --server URL --token MÃ --ledger SỐ_SỔ [tham số] THƯ_MỤC"),
		l.t("Watches FOLDER (every --poll) and sends each page once it has stopped changing for --stable;\n"+
			"sent files go to FOLDER/sent, refused ones to FOLDER/rejected with NAME.reason.txt. Names\n"+
			"ending in .tmp or .part and names starting with ~ or . are left alone. Stop with Ctrl-C;\n"+
			"a restart carries on where it stopped.",
			"Theo dõi THƯ_MỤC (mỗi --poll) và gửi từng trang khi tệp đã thôi thay đổi trong --stable;\n"+
				"tệp đã gửi chuyển vào THƯ_MỤC/sent, tệp bị từ chối vào THƯ_MỤC/rejected kèm TÊN.reason.txt.\n"+
				"Tên kết thúc bằng .tmp hoặc .part, bắt đầu bằng ~ hoặc . được bỏ qua. Dừng bằng Ctrl-C;\n"+
				"chạy lại sẽ tiếp tục từ chỗ đã dừng."), stderr, getenv, l)
	f.fs.DurationVar(&f.cfg.StableFor, "stable", 2*time.Second, l.t("a file is complete once its size and time are unchanged this `LONG`",
		"tệp được coi là xong khi kích thước và thời gian không đổi trong `THỜI_GIAN` này"))
	f.fs.DurationVar(&f.cfg.Poll, "poll", time.Second, l.t("how `OFTEN` the folder is looked at", "xem thư mục `BAO_LÂU` một lần"))
	if err := f.parse(args); err != nil {
		return err
	}
	if f.fs.NArg() != 1 {
		return fmt.Errorf(l.t("watch: give one folder to watch (got %d arguments)", "watch: hãy cho một thư mục để theo dõi (nhận được %d tham số)"), f.fs.NArg())
	}
	if f.cfg.StableFor <= 0 || f.cfg.Poll <= 0 {
		return errors.New(l.t("--stable and --poll must be above zero", "--stable và --poll phải lớn hơn 0"))
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

func runUpload(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string, terminal bool, l lang) error {
	f := newFlags("upload", l.t("upload --server URL --token TOKEN --ledger NUMBER [flags] FILE...", "upload --server URL --token MÃ --ledger SỐ_SỔ [tham số] TỆP..."),
		l.t("Sends each FILE once (retrying while the server is away) and leaves it where it is.\n"+
			"Exits with status 1 if any file was not sent.",
			"Gửi từng TỆP một lần (thử lại khi mất kết nối máy chủ), tệp vẫn để nguyên chỗ cũ.\n"+
				"Kết thúc với mã 1 nếu có tệp chưa gửi được."), stderr, getenv, l)
	if err := f.parse(args); err != nil {
		return err
	}
	if f.fs.NArg() == 0 {
		return errors.New(l.t("upload: give the files to send", "upload: hãy cho các tệp cần gửi"))
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
			fmt.Fprintf(stdout, l.t("%s\tpage %d\tscan %d\n", "%s\ttrang %d\tbản quét %d\n"), r.Path, r.Page, r.Receipt.ID)
		}
	}
	if err != nil {
		return err
	}
	if failed > 0 {
		return fmt.Errorf(l.t("%d of %d files were not sent", "%d trong %d tệp chưa gửi được"), failed, len(results))
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

// lang is the language of the command's messages: Vietnamese unless --lang en or
// SOHOA_STATION_LANG=en.
type lang string

// t picks the English or the Vietnamese text.
func (l lang) t(en, vi string) string {
	if l == "en" {
		return en
	}
	return vi
}

// langOf finds --lang / -lang in args (before the flags are parsed, since the flags' own help
// is in that language), else SOHOA_STATION_LANG; default Vietnamese.
func langOf(args []string, getenv func(string) string) lang {
	v := getenv("SOHOA_STATION_LANG")
	for i, a := range args {
		a = strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if rest, ok := strings.CutPrefix(a, "lang="); ok {
			v = rest
		} else if a == "lang" && i+1 < len(args) {
			v = args[i+1]
		}
	}
	if strings.EqualFold(v, "en") {
		return "en"
	}
	return station.Vietnamese
}

// flagError is an error of the flag package in l: its English text for English, else the
// usual ones in Vietnamese (flag.ErrHelp is kept, so -h still ends quietly).
func (l lang) flagError(err error) error {
	if l == "en" || errors.Is(err, flag.ErrHelp) {
		return err
	}
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
		return &saidError{fmt.Sprintf("không có tham số %s (xem -h)", name), err}
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: "); ok {
		return &saidError{fmt.Sprintf("tham số %s cần một giá trị", name), err}
	}
	if rest, ok := strings.CutPrefix(msg, "invalid value "); ok {
		if value, name, ok := strings.Cut(rest, " for flag "); ok {
			name, _, _ = strings.Cut(name, ":")
			return &saidError{fmt.Sprintf("giá trị %s của %s không hợp lệ", value, name), err}
		}
	}
	return err
}

// saidError is an error told in other words than its cause's.
type saidError struct {
	text string
	err  error
}

func (e *saidError) Error() string { return e.text }
func (e *saidError) Unwrap() error { return e.err }

// printDefaults lists the flags as flag.PrintDefaults does, with "default" in l.
func printDefaults(w io.Writer, fs *flag.FlagSet, l lang, getenv func(string) string) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  -" + f.Name
		if name != "" {
			line += " " + name
		}
		line += "\n    \t" + strings.ReplaceAll(usage, "\n", "\n    \t")
		switch f.DefValue {
		case "", "0", "0s", "false":
		case getenv("SOHOA_STATION_TOKEN"): // a token from the environment is no default to show
		default:
			line += fmt.Sprintf(l.t(" (default %s)", " (mặc định %s)"), f.DefValue)
		}
		fmt.Fprintln(w, line)
	})
}
