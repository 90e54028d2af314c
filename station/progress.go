package station

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
)

// Progress counts what a station has done and shows it: on a terminal as one status line that
// is redrawn, otherwise as plain log lines. Events (a file sent or rejected, the server away)
// are always lines of their own. It is safe for concurrent use.
type Progress struct {
	mu       sync.Mutex
	w        io.Writer
	terminal bool
	drawn    int    // width of the status line on screen (terminal only)
	last     string // the status line last shown

	waiting, sent, rejected int
	sending                 string
	bytes                   int64
	busy                    time.Duration // time spent in successful uploads
	started                 time.Time     // first upload
	notice                  string        // why nothing is being sent, if so
	uploaded, expected      int           // the ledger's pages, from the server
	ledgerKnown             bool
	lang                    string // "vi": Vietnamese; otherwise English
}

// NewProgress writes to w; terminal selects the redrawn status line.
func NewProgress(w io.Writer, terminal bool) *Progress {
	return &Progress{w: w, terminal: terminal}
}

// Eventf prints one line about something that happened; errors among args are told in the
// progress's language (Message).
func (p *Progress) Eventf(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintf(p.w, "%s %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(p.text(format), localArgs(args, p.lang)...))
	p.redraw()
}

func (p *Progress) setWaiting(n int) { p.update(func() { p.waiting = n }) }
func (p *Progress) setSending(name string) {
	p.update(func() {
		p.sending = name
		if p.started.IsZero() && name != "" {
			p.started = time.Now()
		}
	})
}
func (p *Progress) setNotice(s string) { p.update(func() { p.notice = p.text(s) }) }
func (p *Progress) addRejected()       { p.update(func() { p.rejected++ }) }
func (p *Progress) addSent(size int64, took time.Duration) {
	p.update(func() { p.sent++; p.bytes += size; p.busy += took })
}
func (p *Progress) setLedger(uploaded, expected int) {
	p.update(func() { p.uploaded, p.expected, p.ledgerKnown = uploaded, expected, true })
}

// Counts returns the files sent and rejected so far.
func (p *Progress) Counts() (sent, rejected int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.sent, p.rejected
}

func (p *Progress) update(f func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	f()
	p.redraw()
}

// Line is the status line as it stands.
func (p *Progress) Line() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.line()
}

func (p *Progress) line() string {
	parts := []string{fmt.Sprintf(p.text("waiting %d"), p.waiting)}
	if p.sending != "" {
		parts = append(parts, p.text("sending ")+p.sending)
	}
	parts = append(parts, fmt.Sprintf(p.text("sent %d"), p.sent), fmt.Sprintf(p.text("rejected %d"), p.rejected))
	if p.sent > 0 {
		minutes := max(time.Since(p.started).Minutes(), 0.5) // no wild rates from the first file
		parts = append(parts, fmt.Sprintf(p.text("%.1f files/min"), float64(p.sent)/minutes))
		if p.busy > 0 {
			parts = append(parts, fmt.Sprintf(p.text("%.2f MB/s"), float64(p.bytes)/1e6/p.busy.Seconds()))
		}
	}
	if p.ledgerKnown {
		if p.expected > 0 {
			parts = append(parts, fmt.Sprintf(p.text("ledger %d/%d pages"), p.uploaded, p.expected))
		} else {
			parts = append(parts, fmt.Sprintf(p.text("ledger %d pages"), p.uploaded))
		}
	}
	if p.notice != "" {
		parts = append(parts, p.notice)
	}
	return strings.Join(parts, " · ")
}

// Tick redraws the terminal line (for the rates and the clock) or, on plain output, prints the
// status line if it changed since last printed.
func (p *Progress) Tick() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.terminal {
		p.redraw()
		return
	}
	if l := p.line(); l != p.last {
		p.last = l
		fmt.Fprintf(p.w, "%s %s\n", time.Now().Format("15:04:05"), l)
	}
}

// Done ends the status line so that what follows starts on a line of its own.
func (p *Progress) Done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.drawn > 0 {
		fmt.Fprintln(p.w)
		p.drawn = 0
	}
}

// clear blanks the status line with spaces rather than an ANSI sequence, which the older
// Windows consoles do not understand.
func (p *Progress) clear() {
	if p.drawn > 0 {
		p.last = ""
		fmt.Fprint(p.w, "\r"+strings.Repeat(" ", p.drawn)+"\r")
		p.drawn = 0
	}
}

func (p *Progress) redraw() {
	if !p.terminal {
		return
	}
	r := []rune(p.line())
	if len(r) > 110 { // fits an ordinary console window without wrapping
		r = append(r[:109], '…')
	}
	if p.drawn > 0 && string(r) == p.last {
		return // unchanged: spare the console
	}
	p.last = string(r)
	pad := max(p.drawn-len(r), 0)
	fmt.Fprint(p.w, "\r"+string(r)+strings.Repeat(" ", pad))
	p.drawn = len(r)
}
