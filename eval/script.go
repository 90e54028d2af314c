package eval

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/synth"
)

// entryCount counts a page's truth entries and those paired with an extracted record.
type entryCount struct{ truth, found int }

func (e *entryCount) add(found bool) {
	e.truth++
	if found {
		e.found++
	}
}

// scriptOutcome is what eval measures on one printed field beyond its value: whether its box
// (in the uploaded image's pixels) overlaps the truth box, whether it was pre-filled, and
// whether handwriting was told from typing.
type scriptOutcome struct {
	hand       bool // the truth: written by hand
	boxed      bool // the truth has a box
	boxOK      bool // the extracted box_original has IoU ≥ 0.5 with it
	prefilled  bool // the value is not empty
	handGot    bool // extraction says handwritten
	classified bool // the field was found, so its script was judged
}

func measureScript(tf synth.Field, f ocr.Field, found bool) scriptOutcome {
	o := scriptOutcome{hand: tf.Handwritten, boxed: tf.Box != nil, classified: found}
	if found {
		o.prefilled = f.Value != ""
		o.handGot = f.Handwritten
		if tf.Box != nil {
			o.boxOK = iou(f.BoxOriginal, *tf.Box) >= 0.5
		}
	}
	return o
}

// iou is the intersection over union of two boxes [x0, y0, x1, y1].
func iou(a domain.Box, b domain.Box) float64 {
	ix := min(a[2], b[2]) - max(a[0], b[0])
	iy := min(a[3], b[3]) - max(a[1], b[1])
	if ix <= 0 || iy <= 0 {
		return 0
	}
	inter := float64(ix * iy)
	union := float64((a[2]-a[0])*(a[3]-a[1])+(b[2]-b[0])*(b[3]-b[1])) - inter
	return inter / union
}

// scriptTally adds up the outcomes of one script.
type scriptTally struct {
	pages, entries, found                         int
	fields, boxed, boxOK, exact, prefilled, good  int
	wrongUnflagged, classified, classifiedCorrect int
}

// pageScript is "typed" or "hand"; corpora made before handwriting have no script: typed.
func pageScript(gt synth.GroundTruth) string {
	if gt.Script == synth.ScriptHand {
		return "hand"
	}
	return "typed"
}

// printScripts reports typed and handwritten pages apart: entries found, field boxes on the
// truth box, values pre-filled (and right), wrong values not flagged, and how often the
// field's script was told right.
func printScripts(w io.Writer, pages []*evalPage) {
	ts := map[string]*scriptTally{"typed": {}, "hand": {}, "all": {}}
	for _, p := range pages {
		for _, key := range []string{pageScript(p.truth), "all"} {
			t := ts[key]
			t.pages++
			t.entries += p.entries.truth
			t.found += p.entries.found
			for _, o := range p.fields {
				t.addField(o)
			}
		}
	}
	fmt.Fprintln(w, "\nBy script (boxes: box_original vs truth box in the page image; pre-filled = value not empty)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "script\tpages\tentries found\tfields\tbox IoU≥0.5\texact\tpre-filled\tpre-filled correctly\twrong but unflagged\tscript told right\t")
	for _, key := range []string{"typed", "hand", "all"} {
		t := ts[key]
		if t.pages == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d/%d %s\t%d\t%s\t%s\t%s\t%s\t%d %s\t%s\t\n", key, t.pages, t.found, t.entries, pct(t.found, t.entries),
			t.fields, pct(t.boxOK, t.boxed), pct(t.exact, t.fields), pct(t.prefilled, t.fields), pct(t.good, t.fields),
			t.wrongUnflagged, pct(t.wrongUnflagged, t.fields), pct(t.classifiedCorrect, t.classified))
	}
	tw.Flush()
	fmt.Fprintln(w, "(pre-filled correctly: of all fields; wrong but unflagged: wrong value, not marked needs_review, of all fields; script: fields found whose handwritten/typed verdict matches the truth)")
	printHandBoxes(w, pages)
}

// boxCount counts the handwritten fields with a truth box and those whose box_original
// overlaps it with IoU ≥ 0.5; lost counts those of entries no record was paired with.
type boxCount struct{ boxed, ok, lost int }

// printHandBoxes breaks the box IoU of handwritten pages down by layout, kind and field,
// to see which labels or columns lose their boxes.
func printHandBoxes(w io.Writer, pages []*evalPage) {
	by := map[string]*boxCount{}
	for _, p := range pages {
		if pageScript(p.truth) != "hand" {
			continue
		}
		layout := string(p.truth.Layout)
		for _, o := range p.fields {
			if !o.script.boxed {
				continue
			}
			for _, key := range []string{layout + " (all)", layout + " " + string(p.truth.Kind) + " (all)", layout + " " + string(p.truth.Kind) + " " + o.name} {
				c := by[key]
				if c == nil {
					c = &boxCount{}
					by[key] = c
				}
				c.boxed++
				if o.script.boxOK {
					c.ok++
				}
				if !o.script.classified {
					c.lost++
				}
			}
		}
	}
	if len(by) == 0 {
		return
	}
	fmt.Fprintln(w, "\nHandwritten field boxes by layout, kind and field (box_original IoU ≥ 0.5 with the truth box; lost: the field was not found)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "layout kind field\tboxed\tIoU≥0.5\tlost\t")
	for _, key := range slices.Sorted(maps.Keys(by)) {
		c := by[key]
		fmt.Fprintf(tw, "%s\t%d\t%s\t%d\t\n", key, c.boxed, pct(c.ok, c.boxed), c.lost)
	}
	tw.Flush()
}

func (t *scriptTally) addField(o fieldOutcome) {
	t.fields++
	s := o.script
	if s.boxed {
		t.boxed++
		if s.boxOK {
			t.boxOK++
		}
	}
	if o.exact {
		t.exact++
	}
	if s.prefilled {
		t.prefilled++
		if o.exact {
			t.good++
		}
	}
	if !o.exact && !o.flagged {
		t.wrongUnflagged++
	}
	if s.classified {
		t.classified++
		if s.hand == s.handGot {
			t.classifiedCorrect++
		}
	}
}

// pairByPlace pairs each entry still alone with the free record whose box_original overlaps
// the entry's printed fields most (IoU ≥ 0.3), best overlaps first.
func pairByPlace(truth []synth.Record, recs []ocr.Record, out []*ocr.Record, used []bool) {
	type pair struct {
		i, j int
		v    float64
	}
	var pairs []pair
	for i, tr := range truth {
		if out[i] != nil {
			continue
		}
		var box domain.Box
		for _, tf := range tr.Fields {
			if tf.Box != nil {
				box = box.Union(*tf.Box)
			}
		}
		for j := range recs {
			if v := iou(recs[j].BoxOriginal, box); !used[j] && v >= 0.3 {
				pairs = append(pairs, pair{i, j, v})
			}
		}
	}
	slices.SortStableFunc(pairs, func(a, b pair) int { return cmp.Compare(b.v, a.v) })
	for _, p := range pairs {
		if out[p.i] == nil && !used[p.j] {
			out[p.i], used[p.j] = &recs[p.j], true
		}
	}
}

// boxHeader is the header of the --boxes TSV file.
const boxHeader = "page\tlayout\tkind\tentry\tfield\ttruth_box\tbox_original\tiou\tfound\tvalue"

// boxLine is the --boxes TSV line of one field whose box_original misses its truth box.
func (p *evalPage) boxLine(entry int, tf synth.Field, f ocr.Field, found bool) string {
	return strings.Join([]string{filepath.Base(p.path), string(p.truth.Layout), string(p.truth.Kind), strconv.Itoa(entry),
		tf.Name, fmt.Sprint(*tf.Box), fmt.Sprint(f.BoxOriginal), strconv.FormatFloat(iou(f.BoxOriginal, *tf.Box), 'f', 2, 64),
		strconv.FormatBool(found), f.Value}, "\t")
}
