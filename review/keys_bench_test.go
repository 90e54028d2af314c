package review_test

import (
	"bytes"
	"context"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/validate"
)

// BenchmarkKeysPerEntry replays a clerk on a synthetic medium page sent through the real
// pipeline (cleaning, Tesseract, extraction, checks): in Chromium, for each entry the clerk
// corrects every field that differs from the page's ground truth (Tab to it, Ctrl+A, the right
// value) and presses Enter. It reports the key presses per entry read right (target: 1) and
// per entry overall. One iteration is a whole page (tens of seconds).
//
//	go test -run '^$' -bench KeysPerEntry -benchtime 1x ./review/
func BenchmarkKeysPerEntry(b *testing.B) {
	bd := setup(b, review.Config{})
	startPipeline(b, bd)
	tb := newTab(b, bd)
	tb.viewport(1366, 657)
	tb.login("canbo", bd.password)

	var correct, correctKeys, entries, keys int
	for i := 0; i < b.N; i++ {
		truth := bd.sendSyntheticPage(b, i)
		tb.open("/")
		tb.waitFor("/", "next")
		tb.press(kb.Enter) // Enter confirms and opens the next, until the queue is empty
		tb.waitUntil(`location.pathname.startsWith("/review/records/")`)
		for path := tb.current(); path != "/"; path = tb.current() {
			if !strings.HasPrefix(path, "/review/records/") || strings.HasSuffix(path, "/confirm") {
				b.Fatalf("replaying: got %s", path)
			}
			tb.waitFor(path, "f-entry_no")
			k, ok := replayEntry(b, tb, truth, path)
			entries, keys = entries+1, keys+k
			if ok {
				correct, correctKeys = correct+1, correctKeys+k
			}
		}
	}
	b.Logf("%d entries, %d read right; %d keys", entries, correct, keys)
	if correct > 0 {
		b.ReportMetric(float64(correctKeys)/float64(correct), "keys/correct-entry")
	}
	b.ReportMetric(float64(keys)/float64(max(entries, 1)), "keys/entry")
	b.ReportMetric(float64(correct)/float64(max(entries, 1)), "correct-share")
}

// replayEntry corrects the open entry against the ground truth (matched by its number) and
// confirms it; it returns the key presses and whether the entry was right as shown.
func replayEntry(b *testing.B, tb *tab, truth map[string]map[string]string, path string) (int, bool) {
	b.Helper()
	shown := eval[map[string]string](tb, `Object.fromEntries([...document.querySelectorAll("#confirm-form .field input")].map(i => [i.name.slice(2), i.value]))`)
	want, ok := truth[shown["entry_no"]]
	if !ok { // the number itself misread: take the entry of the same order
		for _, w := range truth {
			want = w
			break
		}
	}
	tb.resetKeys()
	right := true
	order := domain.KindBirth.Fields()
	at := 0
	for i, name := range order {
		w, printed := want[name]
		if !printed || shown[name] == w {
			continue
		}
		right = false
		for ; at < i; at++ {
			tb.press(kb.Tab)
		}
		tb.waitFor(path, "f-"+name)
		tb.ctrl("a")
		tb.typeText(w)
	}
	tb.press(kb.Enter)
	for end := time.Now().Add(stepTimeout); tb.current() == path; time.Sleep(25 * time.Millisecond) {
		if time.Now().After(end) {
			b.Fatalf("%s: Enter did not confirm", path)
		}
	}
	return tb.keys, right
}

// sendSyntheticPage renders a medium birth-register page, sends it through the pipeline and
// waits for its entries; it returns the truth by entry number, as a clerk would type it.
func (bd *bundle) sendSyntheticPage(b *testing.B, i int) map[string]map[string]string {
	b.Helper()
	p, err := synth.Render(synth.Options{Seed: int64(11 + i), Kind: domain.KindBirth, Layout: synth.LayoutForm, Severity: synth.SeverityMedium}, 0)
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, p.Image); err != nil {
		b.Fatal(err)
	}
	bd.sendPage(b, buf.Bytes(), 500+i)
	truth := map[string]map[string]string{}
	for _, r := range p.Truth.Records {
		m := map[string]string{}
		for _, f := range r.Fields {
			if f.Printed {
				m[f.Name] = shownAs(f.Name, f.Value)
			}
		}
		truth[m["entry_no"]] = m
	}
	return truth
}

// shownAs is a true value as the review screen shows it: dates as dd/mm/yyyy.
func shownAs(field, value string) string {
	switch validate.TypeOf(domain.KindBirth, field) {
	case validate.TypeDate, validate.TypeDateInWords:
		if t, err := time.Parse("2006-01-02", value); err == nil {
			return t.Format("02/01/2006")
		}
	}
	return value
}

// current is the path (without query) of the page once it has loaded.
func (tb *tab) current() string {
	tb.t.Helper()
	for end := time.Now().Add(stepTimeout); time.Now().Before(end); time.Sleep(25 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(tb.ctx, 2*time.Second)
		s, err := chromedp.Run(ctx, chromedp.Evaluate[state](stateJS))
		cancel()
		if err == nil && s.Ready {
			p, _, _ := strings.Cut(s.Path, "?")
			return p
		}
	}
	tb.t.Fatal("the page did not load")
	return ""
}
