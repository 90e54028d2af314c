package synth

import (
	"fmt"
	"math/rand/v2"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/age"
)

// Page geometry: A4 at 300 dpi.
const (
	dpi        = 300
	pageWidth  = 2480
	pageHeight = 3508
)

// Severity is how strongly a page is aged and scanned badly.
type Severity string

// Severities; SeverityMixed picks light, medium or heavy per page.
const (
	SeverityLight  Severity = "light"
	SeverityMedium Severity = "medium"
	SeverityHeavy  Severity = "heavy"
	SeverityMixed  Severity = "mixed"
)

// severityRanges are the ageing ranges of each severity (package age).
var severityRanges = map[Severity]age.Range{SeverityLight: age.Light, SeverityMedium: age.Medium, SeverityHeavy: age.Heavy}

// ParseSeverity accepts light, medium, heavy or mixed.
func ParseSeverity(s string) (Severity, error) {
	switch v := Severity(s); v {
	case SeverityLight, SeverityMedium, SeverityHeavy, SeverityMixed:
		return v, nil
	}
	return "", fmt.Errorf("%w: unknown severity %q (want light, medium, heavy or mixed)", domain.ErrInvalid, s)
}

// Layout is how entries are laid out on a page.
type Layout string

// Layouts; LayoutMixed picks form or table per page.
const (
	LayoutForm  Layout = "form"  // label/value blocks, 2–3 entries a page
	LayoutTable Layout = "table" // one entry per ruled row
	LayoutMixed Layout = "mixed"
)

// ParseLayout accepts form, table or mixed.
func ParseLayout(s string) (Layout, error) {
	switch v := Layout(s); v {
	case LayoutForm, LayoutTable, LayoutMixed:
		return v, nil
	}
	return "", fmt.Errorf("%w: unknown layout %q (want form, table or mixed)", domain.ErrInvalid, s)
}

// Options says what to generate. The zero Severity and Layout mean mixed; the zero Kind rotates
// through domain.Kinds page by page.
type Options struct {
	Seed     int64
	Pages    int
	Kind     domain.Kind
	Severity Severity
	Layout   Layout
	// Script is how entries are written: typed (the zero value), hand or mixed.
	Script Script
	// Clean keeps the undegraded rendering in Page.Clean (and Page.Save writes it).
	Clean bool
	// PlainWording keeps every register in today's wording (the labels of the 1999 forms) and
	// draws no wording at random. Wording has its own random stream, so a seed has the same
	// content either way; PlainWording keeps the labels and rows too (and no birth date is
	// written as a year alone), so a seed renders the page it rendered before wordings varied.
	PlainWording bool
	// Workers renders pages in parallel; 0 means GOMAXPROCS.
	Workers int
}

// Validate reports the first invalid option, naming it.
func (o Options) Validate() error {
	if o.Pages < 0 {
		return fmt.Errorf("%w: pages must be >= 0, got %d", domain.ErrInvalid, o.Pages)
	}
	if o.Kind != "" {
		if _, err := domain.ParseKind(string(o.Kind)); err != nil {
			return fmt.Errorf("kind: %w", err)
		}
	}
	if o.Severity != "" {
		if _, err := ParseSeverity(string(o.Severity)); err != nil {
			return fmt.Errorf("severity: %w", err)
		}
	}
	if o.Layout != "" {
		if _, err := ParseLayout(string(o.Layout)); err != nil {
			return fmt.Errorf("layout: %w", err)
		}
	}
	if o.Script != "" {
		if _, err := ParseScript(string(o.Script)); err != nil {
			return fmt.Errorf("script: %w", err)
		}
	}
	if o.Workers < 0 {
		return fmt.Errorf("%w: workers must be >= 0, got %d", domain.ErrInvalid, o.Workers)
	}
	return nil
}

// Random streams of one page: separate so that, for instance, changing the severity leaves the
// content of a page unchanged. streamWording draws a register's wording (and its year-only birth
// dates): adding or changing wordings leaves every page's content where it was.
const (
	streamContent uint64 = iota + 1
	streamInk
	streamDegrade
	streamChoice
	streamWording
)

// pageRand is the random source of one stream of one page.
func pageRand(seed int64, index int, stream uint64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed)^0x5eed5a4d, uint64(index)<<8|stream))
}

// resolve picks the kind, layout and severity of page index.
func (o Options) resolve(index int) (domain.Kind, Layout, Severity) {
	r := pageRand(o.Seed, index, streamChoice)
	kind := o.Kind
	if kind == "" {
		kind = domain.Kinds[index%len(domain.Kinds)]
	}
	layout := o.Layout
	if layout == "" || layout == LayoutMixed {
		layout = LayoutForm
		if r.IntN(2) == 1 {
			layout = LayoutTable
		}
	}
	sev := o.Severity
	if sev == "" || sev == SeverityMixed {
		sev = []Severity{SeverityLight, SeverityMedium, SeverityHeavy}[r.IntN(3)]
	}
	return kind, layout, sev
}
