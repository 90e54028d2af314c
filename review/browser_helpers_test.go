package review_test

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/testenv"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/validate"
)

// Every browser step is bounded, so a hang fails the test in seconds instead of at go test's
// ten-minute alarm.
// The bounds catch hangs, not slowness: a busy 2-core machine running the whole suite under
// -race has taken over 20 s to start a Chromium.
const (
	browserStart = 90 * time.Second // first start of Chromium, cold, under -race, machine busy
	stepTimeout  = 30 * time.Second // one navigation, key press or query
)

// browsers caps the tabs driven at once: a dozen together on two cores starve each other and
// the servers they talk to.
var browsers = make(chan struct{}, 2)

// tab is one Chromium tab driven as a clerk drives it: keys go to whatever has the focus, never
// to an element picked by a selector, and every key press is counted.
type tab struct {
	t    testing.TB
	ctx  context.Context
	base string
	keys int // key presses since the last resetKeys

	mu     sync.Mutex
	errors []string // uncaught JavaScript exceptions
}

// newTab opens a tab for this test in the package's shared headless Chromium, in a browser
// context of its own (browser_shared_test.go). Without Chromium the test is skipped locally and
// fails in CI (CI=true).
func newTab(t testing.TB, b *bundle) *tab {
	t.Helper()
	path := chromiumPath()
	if _, err := os.Stat(path); err != nil {
		msg := fmt.Sprintf("Chromium is not installed at %s (apt-get install chromium, or set SOHOA_TEST_CHROMIUM): %v", path, err)
		testenv.Missing(t, "%s", msg)
	}
	browsers <- struct{}{}
	t.Cleanup(func() { <-browsers }) // registered first, so it runs after the tab has closed
	browser, err := sharedBrowser()
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel) // closes the tab and its browser context
	tb := &tab{t: t, ctx: ctx, base: b.url}

	// Open the tab with a context that has no deadline (its deadline would close the tab), but
	// give up if it does not answer in time.
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx, tabSetup) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("open a Chromium tab: %v", err)
		}
	case <-time.After(browserStart):
		t.Fatalf("Chromium did not open a tab in %s", browserStart)
	}
	if err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*runtime.EventExceptionThrown); ok {
			tb.mu.Lock()
			d := e.ExceptionDetails
			msg := fmt.Sprintf("%s (%s:%d)", d.Text, d.URL, d.LineNumber+1)
			if d.Exception != nil && d.Exception.Description != "" {
				msg = d.Exception.Description + " " + msg
			}
			tb.errors = append(tb.errors, msg)
			tb.mu.Unlock()
		}
	}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		tb.mu.Lock()
		defer tb.mu.Unlock()
		for _, e := range tb.errors {
			t.Errorf("JavaScript error on the page: %s", e)
		}
	})
	return tb
}

// do runs browser actions with the step timeout.
func (tb *tab) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression on the page, awaiting it if it is a promise, with the
// step timeout.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// open navigates to a path of the server and waits for the page to load.
func (tb *tab) open(path string) {
	tb.t.Helper()
	tb.do("open "+path, chromedp.Navigate(tb.base+path))
}

// press presses keys one after another on whatever has the focus, as a person does. Each
// element of keys is one key press (kb.Enter, kb.Tab, kb.F2, "x", "ễ", …).
func (tb *tab) press(keys ...string) {
	tb.t.Helper()
	for _, k := range keys {
		tb.do(fmt.Sprintf("press %q", k), chromedp.KeyEvent(k))
		tb.keys++
	}
}

// typeText types text one character at a time, one key press per character (Unicode letters
// such as "ễ" arrive as an IME would deliver them, as one character).
func (tb *tab) typeText(text string) {
	tb.t.Helper()
	for _, r := range text {
		tb.press(string(r))
	}
}

// ctrl presses a key with Ctrl held: one key press.
func (tb *tab) ctrl(key string) {
	tb.t.Helper()
	tb.do("press Ctrl+"+key, chromedp.KeyEvent(key, chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	tb.keys++
}

// shiftTab presses Shift+Tab: one key press.
func (tb *tab) shiftTab() {
	tb.t.Helper()
	tb.do("press Shift+Tab", chromedp.KeyEvent("\t", chromedp.KeyModifiers(chromedp.ModifierShift)))
	tb.keys++
}

func (tb *tab) resetKeys() { tb.keys = 0 }

// state is where the tab is: the path and query, whether the document finished loading, and
// the id of the focused element.
type state struct {
	Path    string `json:"path"`
	Ready   bool   `json:"ready"`
	Focused string `json:"focused"`
}

const stateJS = `({path: location.pathname + location.search, ready: document.readyState === "complete",
	focused: document.activeElement ? document.activeElement.id : ""})`

// waitFor polls until the page at a path whose part before "?" is path has loaded and (when
// focus is not "") the element with id focus has the focus. A navigation in progress makes an
// evaluation fail; that only means "not yet".
func (tb *tab) waitFor(path, focus string) state {
	tb.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	var last state
	var lastErr error
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Second)
		s, err := chromedp.Run(ctx, chromedp.Evaluate[state](stateJS))
		cancel()
		if err == nil {
			last = s
			p, _, _ := strings.Cut(s.Path, "?")
			if s.Ready && p == path && (focus == "" || s.Focused == focus) {
				return s
			}
		} else if errors.Is(tb.ctx.Err(), context.Canceled) {
			tb.t.Fatalf("browser gone: %v", err)
		} else {
			lastErr = err
		}
		time.Sleep(25 * time.Millisecond)
	}
	tb.t.Fatalf("waiting for %s with #%s focused: got %s with #%s focused (last error %v)", path, focus, last.Path, last.Focused, lastErr)
	return last
}

// stays checks for a while that the tab neither navigates nor starts submitting a form.
func (tb *tab) stays(path string, d time.Duration) {
	tb.t.Helper()
	for end := time.Now().Add(d); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		got := eval[string](tb, `location.pathname + location.search + (document.querySelector("form[data-sent]") ? " (a form was submitted)" : "")`)
		if got != path {
			tb.t.Fatalf("got %s, want to stay on %s", got, path)
		}
	}
}

// login types the username and password into the login form, as a clerk does, and presses
// Enter; the home page opens with the next-entry button focused.
func (tb *tab) login(username, password string) {
	tb.t.Helper()
	tb.open("/login")
	tb.waitFor("/login", "username")
	tb.typeText(username)
	tb.press("\t")
	tb.typeText(password)
	tb.press("\r")
	tb.waitFor("/", "next")
}

// maxShot is the largest screenshot worth keeping in the repository.
const maxShot = 400 << 10

// shot saves a full-page PNG as DIR/name.png when the tests run with -screenshots DIR (a
// relative DIR is taken from the repository root, not from review/ where go test runs). A page
// with a scanned register on it compresses badly; then the first screen is kept, in 256 colours.
func (tb *tab) shot(name string) {
	tb.t.Helper()
	if *screenshots == "" {
		return
	}
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	// Let the page image decode and the zoom onto the entry apply before the capture.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`[...document.images].every(i => i.complete)`,
		chromedp.WithPollingTimeout(stepTimeout))); err != nil {
		tb.t.Fatalf("screenshot %s: images did not load: %v", name, err)
	}
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err == nil && len(buf) > maxShot {
		buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err == nil {
			buf, err = fewerColours(buf)
		}
	}
	if err != nil {
		tb.t.Fatalf("screenshot %s: %v", name, err)
	}
	if len(buf) > maxShot {
		tb.t.Errorf("screenshot %s: got %d KB, want at most %d KB", name, len(buf)>>10, maxShot>>10)
	}
	dir := *screenshots
	if !filepath.IsAbs(dir) {
		dir = filepath.Join("..", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.t.Fatal(err)
	}
	path := filepath.Join(dir, name+".png")
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		tb.t.Fatal(err)
	}
	tb.t.Logf("screenshot %s (%d KB)", path, len(buf)>>10)
}

// fewerColours re-encodes a PNG with a palette: the 256 most common colours at 4 bits a channel,
// each the mean of the pixels it stands for, and every pixel mapped to the nearest of them.
// Screen text and a scanned page both survive it; the file shrinks several times.
func fewerColours(in []byte) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(in))
	if err != nil {
		return nil, err
	}
	r := src.Bounds()
	img := image.NewRGBA(r)
	draw.Draw(img, r, src, r.Min, draw.Src)
	type bucket struct{ n, r, g, b int }
	buckets := map[[3]uint8]*bucket{}
	for i := 0; i < len(img.Pix); i += 4 {
		p := img.Pix[i : i+3 : i+3]
		k := [3]uint8{p[0] & 0xf0, p[1] & 0xf0, p[2] & 0xf0}
		bk := buckets[k]
		if bk == nil {
			bk = &bucket{}
			buckets[k] = bk
		}
		bk.n, bk.r, bk.g, bk.b = bk.n+1, bk.r+int(p[0]), bk.g+int(p[1]), bk.b+int(p[2])
	}
	common := slices.SortedFunc(maps.Values(buckets), func(a, b *bucket) int { return b.n - a.n })
	pal := color.Palette{}
	for _, bk := range common[:min(256, len(common))] {
		pal = append(pal, color.RGBA{uint8(bk.r / bk.n), uint8(bk.g / bk.n), uint8(bk.b / bk.n), 255})
	}
	out := image.NewPaletted(r, pal)
	nearest := map[[3]uint8]uint8{}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			o := img.PixOffset(x, y)
			c := [3]uint8{img.Pix[o], img.Pix[o+1], img.Pix[o+2]}
			i, ok := nearest[c]
			if !ok {
				i = uint8(pal.Index(color.RGBA{c[0], c[1], c[2], 255}))
				nearest[c] = i
			}
			out.SetColorIndex(x, y, i)
		}
	}
	var buf bytes.Buffer
	err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, out)
	return buf.Bytes(), err
}

// box is an element's size and place on screen, in CSS pixels.
type box struct {
	X, Y, W, H float64
	Display    string
}

func boxes(tb *tab, selector string) []box {
	tb.t.Helper()
	return eval[[]box](tb, fmt.Sprintf(`[...document.querySelectorAll(%q)].map(e => {
		const r = e.getBoundingClientRect();
		return {X: r.x, Y: r.y, W: r.width, H: r.height, Display: getComputedStyle(e).display};
	})`, selector))
}

// seedWithIssues adds one entry whose name the OCR read with an impossible syllable
// ("Nguyẽn"), with the issues and suggestions the validator gives for it and marked for review:
// the entry a clerk must look at twice. Its confidence is the lowest, so it comes first in the
// queue. It returns the entry, the name as misread and the name as written.
//
// The page is a flat one with the entry drawn as bars; with -screenshots it is a rendered
// ledger page from package synth instead (seconds to render without -race, a minute with it).
func (b *bundle) seedWithIssues(t testing.TB, ledger domain.Ledger) (id int64, misread, right string) {
	t.Helper()
	ctx := context.Background()
	v, err := validate.New()
	if err != nil {
		t.Fatal(err)
	}
	pg := flatPage(t)
	if *screenshots != "" {
		pg = synthPage(t)
	}
	right = pg.written["full_name"]
	misread = strings.Replace(right, "ễ", "ẽ", 1)
	if misread == right {
		t.Fatalf("the name %q has no ễ to misread", right)
	}
	pageNo := cmp.Or(pg.page, int(time.Now().UnixNano()%100000)+100001) // apart from seed's pages
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(append(pg.encoded, []byte(fmt.Sprint(pageNo, ledger.ID))...)))
	if err != nil {
		t.Fatal(err)
	}
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: pageNo, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: pg.width, Height: pg.height}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		r := &domain.Record{ScanID: sc.ID, Index: 0, Kind: domain.KindBirth, Confidence: 0.2, Box: pg.entry}
		for pos, name := range domain.KindBirth.Fields() {
			f := domain.Field{Name: name, Position: pos, OCRText: pg.written[name], Value: pg.values[name], Confidence: 0.9,
				Box: pg.boxes[name]}
			if name == "full_name" {
				res := v.CheckField(domain.KindBirth, name, misread)
				f.Issues = append(f.Issues, res.Issues...)
				f.OCRText, f.Value = misread, misread
				f.Suggestions, f.NeedsReview, f.Confidence = res.Suggestions, true, 0.41
			}
			r.Fields = append(r.Fields, f)
		}
		if err := tx.InsertRecord(ctx, r); err != nil {
			return err
		}
		id = r.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return id, misread, right
}

// testPage is a page image with one birth entry on it.
type testPage struct {
	page            int    // its number in the ledger; 0 for any
	encoded         []byte // PNG
	width, height   int
	entry           *domain.Box
	boxes           map[string]*domain.Box
	written, values map[string]string // as on the page, and normalised (ISO dates)
}

// flatPage is a grey page with the entry's fields drawn as dark bars, so crops show something.
func flatPage(t testing.TB) testPage {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range img.Pix {
		img.Pix[i] = 235
	}
	pg := testPage{width: 1240, height: 1754, entry: &domain.Box{60, 100, 1180, 560}, boxes: map[string]*domain.Box{},
		values: birthValues(0), written: birthValues(0)}
	pg.written["full_name"], pg.values["full_name"] = "Nguyễn Quang Quân", "Nguyễn Quang Quân"
	for pos, name := range domain.KindBirth.Fields() {
		pg.boxes[name] = &domain.Box{400, 110 + pos*40, 1100, 140 + pos*40}
		for y := 120 + pos*40; y < 130+pos*40; y++ {
			for x := 420; x < 420+(pos%4+2)*120; x++ {
				img.Pix[y*img.Stride+x] = 60
			}
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	pg.encoded = buf.Bytes()
	return pg
}

// synthPage is the first entry of a rendered, lightly aged birth-register page (seed 1, whose
// first child is Nguyễn Thị Thiên).
func synthPage(t testing.TB) testPage {
	t.Helper()
	return synthEntry(t, renderedPage(t), 0)
}

// renderedPage is a lightly aged birth-register page of three entries (seed 1).
func renderedPage(t testing.TB) synth.Page {
	t.Helper()
	p, err := synth.Render(synth.Options{Seed: 1, Kind: domain.KindBirth, Layout: synth.LayoutForm, Severity: synth.SeverityLight,
		PlainWording: true}, 0) // today's wording: seed 1 stays the page these tests were written on
	if err != nil {
		t.Fatal(err)
	}
	if p.Ext != ".png" {
		t.Fatalf("synth page: got %s, want .png", p.Ext)
	}
	return p
}

// synthEntry is entry i of a rendered page: its fields' values and boxes, and its outline.
func synthEntry(t testing.TB, p synth.Page, i int) testPage {
	t.Helper()
	pg := testPage{page: 12, encoded: p.Encoded, width: p.Image.Bounds().Dx(), height: p.Image.Bounds().Dy(),
		boxes: map[string]*domain.Box{}, written: map[string]string{}, values: map[string]string{}}
	for _, f := range p.Truth.Records[i].Fields {
		pg.written[f.Name], pg.values[f.Name] = f.Written, f.Value
		if f.Box != nil {
			bx := *f.Box
			pg.boxes[f.Name] = &bx
		}
	}
	// The entry's outline: every line of the page between its first and last field, labels included.
	top, bottom := p.Truth.Size[1], 0
	for _, bx := range pg.boxes {
		top, bottom = min(top, bx[1]), max(bottom, bx[3])
	}
	const pad = 12
	for _, l := range p.Truth.Lines {
		if mid := (l.Box[1] + l.Box[3]) / 2; mid < top || mid > bottom {
			continue
		}
		e := pg.entry
		if e == nil {
			pg.entry = &domain.Box{l.Box[0] - pad, l.Box[1] - pad, l.Box[2] + pad, l.Box[3] + pad}
			continue
		}
		e[0], e[1], e[2], e[3] = min(e[0], l.Box[0]-pad), min(e[1], l.Box[1]-pad), max(e[2], l.Box[2]+pad), max(e[3], l.Box[3]+pad)
	}
	if pg.entry == nil {
		t.Fatal("synth page: no line of the first entry")
	}
	// The OCR reads what is written; the name is compared with what the clerk types.
	pg.written["full_name"] = pg.values["full_name"]
	return pg
}

func chromiumPath() string { return cmp.Or(os.Getenv("SOHOA_TEST_CHROMIUM"), "/usr/bin/chromium") }
