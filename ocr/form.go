package ocr

import (
	"image"
	"slices"
	"strings"
)

// entry is one register entry as found on the page: the words of each template field.
type entry struct {
	fields  map[int][]Word          // template field index → value words in reading order
	regions map[int]image.Rectangle // where each field's value lies, from labels or ruling
	box     image.Rectangle
	blind   bool           // no word of the entry was read: it is only its regions
	labels  map[int]string // the folded label each field was found under (form)
}

func newEntry() *entry { return &entry{fields: map[int][]Word{}} }

func (e *entry) add(field int, ws []Word) {
	e.fields[field] = append(e.fields[field], ws...)
	for _, w := range ws {
		e.box = e.box.Union(w.Box)
	}
}

// labelled is a field whose label was found on a line, and where its value starts.
type labelled struct {
	field  int
	valueX int
}

// extractForm splits label/value lines into entries: each line holding the template's
// starts_entry label ("Số:") begins an entry; a field's value is the words to the right of its
// label up to the next label on the line, plus the wrapped lines below that hold no label.
func extractForm(lines []Line, t Template) []*entry {
	fr := &formReader{t: t, cands: candidates(t), same: sameLabels(t)}
	fr.prefix = labelPrefixes(fr.cands)
	for _, l := range lines {
		fr.mh = max(fr.mh, medianHeight(l.Words))
		fr.right = max(fr.right, l.Box.Max.X)
	}
	for _, l := range lines {
		fr.line(l)
	}
	return fr.out
}

// formReader is extractForm's state as it goes down the page's lines.
type formReader struct {
	t        Template
	cands    []candidate
	same     map[int][]int
	out      []*entry
	cur      *entry
	last     []labelled // fields labelled on the last labelled line
	assigned map[int]bool
	lastIdx  int
	bottom   int
	pending  unlabelledLine // the line just before, when it held no label
	mh       int            // the tallest median word height of a line
	right    int            // the right edge of the text
	prefix   map[int]bool   // fields whose label begins another field's label
}

// line takes one line: a footer, the start of an entry, a wrapped value or labelled values.
func (fr *formReader) line(l Line) {
	ms := findLabels(l.Words, fr.cands)
	if len(ms) > 0 && ms[0].field == -1 && ms[0].start == 0 {
		fr.cur = nil // page footer
		return
	}
	t := fr.t
	if len(ms) > 0 && ms[0].field >= 0 && (t.Fields[ms[0].field].StartsEntry ||
		fr.cur == nil && ms[0].field < restartFields || // the first entry's number line was not read
		fr.cur != nil && restarts(ms[0].field, len(t.Fields), fr.same, fr.assigned, fr.lastIdx) ||
		fr.cur != nil && fr.repeats(ms[0].field)) {
		prevEntry := fr.cur
		fr.cur = newEntry()
		fr.out = append(fr.out, fr.cur)
		fr.assigned, fr.lastIdx, fr.last = map[int]bool{}, -1, nil
		if !t.Fields[ms[0].field].StartsEntry {
			fr.pending.moveTo(prevEntry, fr.cur, t)
		}
	}
	fr.pending = unlabelledLine{}
	switch {
	case fr.cur == nil:
		if len(ms) == 0 {
			fr.pending = unlabelledLine{line: l}
		}
	case len(ms) == 0:
		fr.wrapped(l)
	default:
		fr.labelledLine(l, ms)
	}
}

// wrapped takes a line without labels as the continuation of the field above whose value starts
// left of it, when it is close enough to the last labelled line.
func (fr *formReader) wrapped(l Line) {
	fr.pending = unlabelledLine{line: l}
	if labelRun(l.Words) > 0 {
		fr.last = nil // a label the template does not know ends the field above
		return
	}
	if len(fr.last) == 0 || l.Box.Min.Y-fr.bottom > 2*fr.mh {
		return // not a wrapped value: too far from the last labelled line
	}
	f := fr.last[0].field
	for _, lb := range fr.last {
		if lb.valueX <= l.Words[0].Box.Min.X+fr.mh {
			f = lb.field
		}
	}
	cur := fr.cur
	fr.pending = unlabelledLine{line: l, owner: cur, field: f, n: len(l.Words), boxBefore: cur.box}
	cur.add(f, l.Words)
	h := l.Box.Dy()
	cur.setRegion(f, image.Rect(l.Box.Min.X-h/2, l.Box.Min.Y-h/2, fr.right, l.Box.Max.Y+h/3))
	fr.bottom = l.Box.Max.Y
}

// labelledLine gives each label of the line the words up to the next label.
func (fr *formReader) labelledLine(l Line, ms []labelMatch) {
	fr.last = fr.last[:0]
	for k, m := range ms {
		if m.field < 0 {
			continue
		}
		end := len(l.Words)
		if k+1 < len(ms) {
			end = ms[k+1].start
		}
		f := resolveField(m.field, fr.same, fr.assigned, fr.lastIdx)
		fr.assigned[f], fr.lastIdx = true, f
		vx := l.Words[m.end-1].Box.Max.X
		if m.end < end {
			vx = l.Words[m.end].Box.Min.X
		}
		fr.last = append(fr.last, labelled{field: f, valueX: vx})
		next := fr.right
		if k+1 < len(ms) {
			next = l.Words[ms[k+1].start].Box.Min.X
		}
		fr.cur.setRegion(f, formRegion(unionBox(l.Words[m.start:m.end]), next, fr.right))
		fr.cur.add(f, cutAtLabel(l.Words[m.end:end]))
		fr.cur.heard(f, l.Words[m.start:m.end])
		fr.cur.box = fr.cur.box.Union(unionBox(l.Words[m.start:m.end]))
	}
	fr.bottom = l.Box.Max.Y
}

// unlabelledLine is a line without any label, kept until the next line tells whether it was
// the next entry's number line with its "Số:" misread: taken as a wrapped value of owner's field
// (its n words, owner's box before them), or dropped (owner nil).
type unlabelledLine struct {
	line      Line
	owner     *entry
	field, n  int
	boxBefore image.Rectangle
}

// moveTo gives a short line ending in a number, met just before an entry that begins without its
// number label, to that entry: it is the entry's number line ("5ó: 13" for "Số: 13"), so the
// entry's box starts there and the previous entry (prev) gives it back.
func (u unlabelledLine) moveTo(prev, next *entry, t Template) {
	ws := u.line.Words
	if len(ws) == 0 || len(ws) > 3 || !hasDigitRune(ws[len(ws)-1].Text) {
		return
	}
	if u.owner != nil && u.owner == prev {
		kept := prev.fields[u.field]
		if kept = kept[:max(len(kept)-u.n, 0)]; len(kept) == 0 {
			delete(prev.fields, u.field)
		} else {
			prev.fields[u.field] = kept
		}
		prev.box = u.boxBefore
	}
	for i, f := range t.Fields {
		if f.StartsEntry {
			next.add(i, ws[len(ws)-1:])
		}
	}
	next.box = next.box.Union(u.line.Box)
}

func hasDigitRune(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	return false
}

// restartFields is how many of a template's first fields, met again once the entry has them,
// start a new entry whose entry-number line was not read.
const restartFields = 3

// restarts reports whether the label of field f, read on a line of the current entry, begins
// the next entry: f is one of the template's first fields, every field printed with its label
// has its value already, and the entry has reached its last fields (of n), so that a damaged
// later label ("Họ và tên cha" read as "Họ và tên") does not split an entry in two.
func restarts(f, n int, same map[int][]int, assigned map[int]bool, lastIdx int) bool {
	if f >= restartFields || lastIdx < n-3 {
		return false
	}
	for _, g := range same[f] {
		if !assigned[g] {
			return false
		}
	}
	return true
}

// repeats reports whether the label of field f, first on a line of the current entry, is met
// a second time: the entry already has f (and every field printed with the same label), it
// has gone on past it, and no other field's label begins with f's (a damaged "Họ và tên cha"
// read as "Họ và tên" is not a repeat). Two entries whose number line and first labels were
// not read would otherwise come out as one record holding both entries' values.
func (fr *formReader) repeats(f int) bool {
	if fr.prefix[f] {
		return false
	}
	for _, g := range fr.same[f] {
		if !fr.assigned[g] {
			return false
		}
	}
	for g := range fr.assigned {
		if g > f && !slices.Contains(fr.same[f], g) {
			return true
		}
	}
	return false
}

// labelPrefixes gives the fields one of whose labels begins a label of another field.
func labelPrefixes(cands []candidate) map[int]bool {
	out := map[int]bool{}
	for _, a := range cands {
		for _, b := range cands {
			if a.field >= 0 && b.field >= 0 && a.field != b.field && strings.HasPrefix(b.folded, a.folded) {
				out[a.field] = true
			}
		}
	}
	return out
}

// sameLabels maps each field to the fields printed with the same label ("Ngày sinh:" for
// husband and wife), in template order.
func sameLabels(t Template) map[int][]int {
	out := map[int][]int{}
	for i, a := range t.Fields {
		for j, b := range t.Fields {
			if fold(a.Label) == fold(b.Label) {
				out[i] = append(out[i], j)
			}
		}
	}
	return out
}

// resolveField picks which of the fields sharing a label this occurrence is: the first one
// after the last field assigned, else the first one not yet assigned.
func resolveField(f int, same map[int][]int, assigned map[int]bool, lastIdx int) int {
	group := same[f]
	if len(group) <= 1 {
		return f
	}
	for _, g := range group {
		if g > lastIdx && !assigned[g] {
			return g
		}
	}
	for _, g := range group {
		if !assigned[g] {
			return g
		}
	}
	return f
}
