package review_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/review"
)

// telexWord is what a Telex input method shows after each key of one word: "Vawn" gives "V",
// "Va", "Vă", "Văn". Circumflex (aa, ee, oo), breve and horn (aw, ow, uw), đ (dd) and the tones
// (s f r x j) as Vietnamese typists use them.
func telexWord(keys string) []string {
	var word []rune
	var steps []string
	marks := map[rune]rune{'s': '\u0301', 'f': '\u0300', 'r': '\u0309', 'x': '\u0303', 'j': '\u0323'}
	for _, k := range keys {
		lk := unicode.ToLower(k)
		n := len(word)
		last := rune(0)
		if n > 0 {
			last = unicode.ToLower(word[n-1])
		}
		switch {
		case lk == last && strings.ContainsRune("aeod", lk):
			word[n-1] = map[rune]rune{'a': 'â', 'e': 'ê', 'o': 'ô', 'd': 'đ'}[lk]
			if unicode.IsUpper(word[n-1]) || (n > 0 && unicode.IsUpper(rune(keys[0])) && n == 1) {
				word[n-1] = unicode.ToUpper(word[n-1])
			}
		case lk == 'w' && strings.ContainsRune("aou", last):
			word[n-1] = map[rune]rune{'a': 'ă', 'o': 'ơ', 'u': 'ư'}[last]
		case marks[lk] != 0 && n > 0:
			word = toned(word, marks[lk])
		default:
			word = append(word, k)
		}
		steps = append(steps, norm.NFC.String(string(word)))
	}
	return steps
}

// toned puts a tone mark on the vowel that carries it: one with a hat, breve or horn first, else
// the last vowel before a final consonant, else the first of two vowels.
func toned(word []rune, mark rune) []rune {
	isVowel := func(r rune) bool { return strings.ContainsRune("aăâeêioôơuưy", unicode.ToLower(r)) }
	var vs []int
	for i, r := range word {
		if isVowel(r) && !(i == 1 && (unicode.ToLower(word[0]) == 'q' && unicode.ToLower(r) == 'u' || unicode.ToLower(word[0]) == 'g' && unicode.ToLower(r) == 'i')) {
			vs = append(vs, i)
		}
	}
	if len(vs) == 0 {
		return word
	}
	at := vs[0]
	for _, i := range vs {
		if strings.ContainsRune("ăâêôơư", unicode.ToLower(word[i])) {
			at = i
		}
	}
	if !strings.ContainsRune("ăâêôơư", unicode.ToLower(word[at])) && (vs[len(vs)-1] < len(word)-1 || len(vs) == 3) {
		at = vs[len(vs)-1]
		if len(vs) == 3 {
			at = vs[1]
		}
	}
	out := []rune(norm.NFC.String(string(word[:at+1]) + string(mark)))
	return append(out, word[at+1:]...)
}

func TestTelexComposer(t *testing.T) {
	for keys, want := range map[string]string{"Nguyeenx": "Nguyễn", "Vawn": "Văn", "DDawcs": "Đắc", "Thieenj": "Thiện",
		"Muwowngf": "Mường", "Hoaf": "Hòa", "Quyeets": "Quyết"} {
		steps := telexWord(keys)
		if got := steps[len(steps)-1]; got != want {
			t.Errorf("telex %q: got %q, want %q", keys, got, want)
		}
	}
}

// composeTelex types one word as a Telex input method does: every key arrives as keyCode 229
// ("Process") while the word is composed and shown underlined, and the word is committed whole
// at the end. commitEnter commits it with Enter, as some input methods allow; otherwise the
// caller types the space that commits it.
func (tb *tab) composeTelex(keys string, commitEnter bool) {
	tb.t.Helper()
	steps := telexWord(keys)
	for i, k := range keys {
		text := steps[i]
		code := "Key" + strings.ToUpper(string(k))
		tb.do(fmt.Sprintf("compose %q", text), chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "Process", Code: code, WindowsVirtualKeyCode: 229, NativeVirtualKeyCode: 229}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
				return err
			}
			n := int64(len([]rune(text)))
			if _, err := cdp.Call(ctx, t, input.ImeSetComposition, input.ImeSetCompositionParams{Text: text, SelectionStart: n, SelectionEnd: n}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: string(k), Code: code})
			return err
		}))
		tb.keys++
	}
	word := steps[len(steps)-1]
	tb.do("commit "+word, chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		if commitEnter {
			// As macOS and Linux input methods deliver it: the key says Enter, keyCode 229.
			down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 229, NativeVirtualKeyCode: 229}
			if _, err := cdp.Call(ctx, t, input.DispatchKeyEvent, down); err != nil {
				return err
			}
		}
		_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: word})
		return err
	}))
	if commitEnter {
		tb.keys++
	}
}

// listItems are the candidates the completion list shows, and the highlighted one (-1 none).
func listItems(tb *tab) ([]string, int) {
	tb.t.Helper()
	type list struct {
		Items  []string `json:"items"`
		Active int      `json:"active"`
		Open   bool     `json:"open"`
	}
	l := eval[list](tb, `(() => { const l = document.getElementById("cl-list");
		const o = [...l.querySelectorAll("[role=option]")];
		return {items: o.map(x => x.textContent), active: o.findIndex(x => x.getAttribute("aria-selected") === "true"),
			open: !l.classList.contains("hidden")}; })()`)
	if !l.Open {
		return nil, -1
	}
	return l.Items, l.Active
}

// waitList polls until the list shows a candidate equal to want and returns its index.
func waitList(tb *tab, want string) int {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	js := fmt.Sprintf(`[...document.querySelectorAll("#cl-list:not(.hidden) [role=option]")].findIndex(x => x.textContent === %q)`, want)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js+` >= 0`, chromedp.WithPollingTimeout(stepTimeout))); err != nil {
		items, _ := listItems(tb)
		tb.t.Fatalf("completion list: want %q among %q: %v", want, items, err)
	}
	return eval[int](tb, js)
}

// A clerk types a name in Telex through an input method with the completion list open: every
// composed key reaches the field (an Enter that commits the composition does not take the
// highlighted candidate), ↓ and Enter take a candidate, and F3 copies the entry above.
func TestBrowserCompletionWithTelex(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.do("viewport 1366×768", chromedp.EmulateViewport(1366, 768))
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	tb.press(kb.Backspace)

	tb.composeTelex("Nguyeenx", false)
	tb.press(" ")
	waitList(tb, "Nguyễn Văn")
	// Highlight another candidate, then compose a word and commit it with Enter: the input
	// method owns that Enter, so the highlighted candidate must not be taken.
	tb.press(kb.ArrowDown, kb.ArrowDown)
	if items, active := listItems(tb); active != 1 {
		t.Fatalf("after ↓↓: highlighted %d of %q, want 1", active, items)
	}
	tb.composeTelex("Vawn", true)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != "Nguyễn Văn" {
		t.Fatalf("after composing: got %q, want %q (the list took keys the input method composed)", got, "Nguyễn Văn")
	}
	tb.stays(path, 300*time.Millisecond) // no navigation, no form sent
	tb.press(" ")
	tb.composeTelex("a", false) // lower case, the rest left to the list
	i := waitList(tb, "Nguyễn Văn An")
	tb.resetKeys()
	for range i + 1 {
		tb.press(kb.ArrowDown)
	}
	if items, active := listItems(tb); active != i {
		t.Fatalf("after %d × ↓: highlighted %d of %q, want %d", i+1, active, items, i)
	}
	tb.press(kb.Enter)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != "Nguyễn Văn An" {
		t.Errorf("after ↓ Enter: got %q, want %q", got, "Nguyễn Văn An")
	}
	if items, _ := listItems(tb); items != nil {
		t.Errorf("list still open after taking a candidate: %q", items)
	}
	if tb.keys != i+2 {
		t.Errorf("taking candidate %d: %d key presses, want %d", i, tb.keys, i+2)
	}
	tb.stays(path, 300*time.Millisecond)

	// Enter with nothing highlighted confirms the entry; the next one opens. F3 there copies a
	// confirmed field of the entry above, but not its entry number (never the same).
	tb.press(kb.Enter)
	next := recordPath(ids[1])
	tb.waitFor(next, "f-entry_no")
	above := map[string]string{}
	for _, f := range record(t, b, ids[0]).Fields {
		above[f.Name] = f.Value
		if d, err := time.Parse("2006-01-02", f.Value); err == nil {
			above[f.Name] = d.Format("02/01/2006") // as the screen shows dates
		}
	}
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.press(kb.F3)
	if got := eval[string](tb, `document.getElementById("f-entry_no").value`); got != "" {
		t.Errorf("F3 on the entry number: got %q, want nothing copied", got)
	}
	if n := eval[int](tb, `document.querySelectorAll("#f-entry_no[data-complete], #f-entry_no[data-previous], #f-sex[data-complete], #f-sex[data-previous]").length`); n != 0 {
		t.Errorf("entry number or sex has completion or F3 attributes (%d)", n)
	}
	// Tab takes the highlighted candidate and moves on: here the place confirmed in the entry
	// above, typed without diacritics as an input method without composition delivers it.
	tb.press(kb.Tab, kb.Tab, kb.Tab, kb.Tab, kb.Tab)
	tb.waitFor(next, "f-birth_place")
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.press(kb.F3)
	if got := eval[string](tb, `document.getElementById("f-birth_place").value`); got == "" || got != above["birth_place"] {
		t.Errorf("F3 on the place of birth: got %q, want the entry above's %q", got, above["birth_place"])
	}
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.typeText("tram y te x")
	j := waitList(tb, "Trạm y tế xã Gia Sàng")
	for range j + 1 {
		tb.press(kb.ArrowDown)
	}
	tb.press(kb.Tab)
	tb.waitFor(next, "f-ethnicity")
	if got := eval[string](tb, `document.getElementById("f-birth_place").value`); got != "Trạm y tế xã Gia Sàng" {
		t.Errorf("after ↓ Tab: got %q, want %q", got, "Trạm y tế xã Gia Sàng")
	}
	eval[bool](tb, `(document.getElementById("f-registration_date").focus(), true)`)
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.press(kb.F3)
	if got := eval[string](tb, `document.getElementById("f-registration_date").value`); got == "" || got != above["registration_date"] {
		t.Errorf("F3 on the registration date: got %q, want the entry above's %q", got, above["registration_date"])
	}
	rec := record(t, b, ids[0])
	if got := rec.Fields[1].Value; got != "Nguyễn Văn An" {
		t.Errorf("confirmed name: got %q, want %q", got, "Nguyễn Văn An")
	}
}

// A clerk highlights a candidate with ↓, then types on and presses Enter before the next answer
// arrives: what was typed stays (the entry is confirmed with it), no stale candidate is taken.
func TestBrowserCompletionTypingDropsHighlight(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.do("viewport 1366×768", chromedp.EmulateViewport(1366, 768))
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.typeText("Trần V")
	waitList(tb, "Trần Văn")
	tb.press(kb.ArrowDown)
	if items, active := listItems(tb); active != 0 {
		t.Fatalf("after ↓: highlighted %d of %q, want 0", active, items)
	}
	tb.typeText("ăn Tám")
	if items, active := listItems(tb); active != -1 {
		t.Errorf("after typing on: highlighted %d of %q, want none", active, items)
	}
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	if got := record(t, b, ids[0]).Fields[1].Value; got != "Trần Văn Tám" {
		t.Errorf("confirmed name: got %q, want the typed %q", got, "Trần Văn Tám")
	}
}

// A clerk types a name without diacritics while the list offers it with them and presses Enter:
// the entry is held back once with a hint naming the accented form; ↓ Enter then takes it.
func TestBrowserCompletionEnterHoldsUnaccented(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 2)
	tb := newTab(t, b)
	tb.do("viewport 1366×768", chromedp.EmulateViewport(1366, 768))
	tb.login("canbo", b.password)
	tb.press(kb.Enter)
	path := recordPath(ids[0])
	tb.waitFor(path, "f-entry_no")
	tb.press(kb.Tab)
	tb.waitFor(path, "f-full_name")
	tb.ctrl("a")
	tb.press(kb.Backspace)
	tb.typeText("nguyen van an")
	waitList(tb, "Nguyễn Văn An")
	tb.press(kb.Enter)
	tb.stays(path, 300*time.Millisecond)
	hint := eval[string](tb, `document.querySelector("#cl-list:not(.hidden) .cl-warn")?.textContent || ""`)
	if !strings.Contains(hint, "Nguyễn Văn An") {
		t.Fatalf("after Enter on an unaccented name: hint %q, want one naming %q", hint, "Nguyễn Văn An")
	}
	tb.shot("complete-unaccented")
	i := waitList(tb, "Nguyễn Văn An")
	for range i + 1 {
		tb.press(kb.ArrowDown)
	}
	tb.press(kb.Enter)
	if got := eval[string](tb, `document.getElementById("f-full_name").value`); got != "Nguyễn Văn An" {
		t.Errorf("after the hint, ↓ Enter: got %q, want %q", got, "Nguyễn Văn An")
	}
	tb.press(kb.Enter)
	tb.waitFor(recordPath(ids[1]), "f-entry_no")
	if got := record(t, b, ids[0]).Fields[1].Value; got != "Nguyễn Văn An" {
		t.Errorf("confirmed name: got %q, want %q", got, "Nguyễn Văn An")
	}
}
