package photo_test

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/imaging/photo"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

var (
	verdictPhotos = flag.Int("verdict-photos", 12, "photos judged by TestCaptureVerdict (half good, half with a fault; the README's figures come from 120)")
	verdictSeed   = flag.Int64("verdict-seed", 5, "seed of TestCaptureVerdict's pages and scenes")
	verdictFrom   = flag.Int("verdict-from", 0, "first photo judged by TestCaptureVerdict, to look into a few")
)

// verdictTally is the confusion table of the capture verdict: per fault made on purpose ("" for
// none), how many photos were let through, refused for that fault, or refused for another
// reason only.
type verdictTally struct {
	faults  []string
	through map[string]int
	right   map[string]int
	other   map[string]int
}

func newVerdictTally() *verdictTally {
	return &verdictTally{faults: append([]string{""}, synthphoto.FaultNames...),
		through: map[string]int{}, right: map[string]int{}, other: map[string]int{}}
}

func (v *verdictTally) add(fault string, retake bool, codes []string) {
	switch {
	case !retake:
		v.through[fault]++
	case fault == "" || has(codes, fault):
		v.right[fault]++
	default:
		v.other[fault]++
	}
}

// table prints the confusion table and returns the bad photos refused, bad ones, good ones
// refused and good ones.
func (v *verdictTally) table() (string, [4]int) {
	var b strings.Builder
	var n [4]int
	fmt.Fprintf(&b, "%-10s %6s %9s %14s %14s\n", "made", "photos", "let pass", "refused: its", "refused: other")
	for _, f := range v.faults {
		all := v.through[f] + v.right[f] + v.other[f]
		name := f
		if f == "" {
			name = "good"
			n[2], n[3] = v.right[f]+v.other[f], all
		} else {
			n[0], n[1] = n[0]+v.right[f]+v.other[f], n[1]+all
		}
		fmt.Fprintf(&b, "%-10s %6d %9d %14d %14d\n", name, all, v.through[f], v.right[f], v.other[f])
	}
	return b.String(), n
}

// verdictPages are the pages photographed: a typed single page, a typed spread, a handwritten
// single page and a handwritten spread.
func verdictPages(t *testing.T, seed int64) [][]synth.Page {
	t.Helper()
	var sets [][]synth.Page
	for _, script := range []synth.Script{synth.ScriptTyped, synth.ScriptHand} {
		opts := synth.Options{Seed: seed, Pages: 3, Script: script}
		for _, idx := range [][]int{{0}, {1, 2}} {
			ps, err := synthphoto.RenderPages(opts, idx)
			if err != nil {
				t.Fatal(err)
			}
			sets = append(sets, ps)
		}
	}
	return sets
}

// The capture verdict on synthetic photos, half good and half with one fault each (blurred,
// dark, glare, cut off, too small in turn), of typed and handwritten single
// pages and spreads, each photo a scene of its own: bad ones refused with the right reason,
// good ones let through. The confusion table is logged (-v).
func TestCaptureVerdict(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders twelve-megapixel photos: not with -short or -race")
	}
	sets := verdictPages(t, *verdictSeed)
	tally := newVerdictTally()
	for i := *verdictFrom; i < *verdictPhotos; i++ {
		k := i / 2 // every fault comes in turn on every set of pages
		pages := sets[(k+k/len(synthphoto.FaultNames))%len(sets)]
		fault := ""
		if i%2 == 1 {
			fault = synthphoto.FaultNames[k%len(synthphoto.FaultNames)]
		}
		ph, err := synthphoto.Photograph(pages, *verdictSeed*100, i, fault)
		if err != nil {
			t.Fatal(err)
		}
		res, err := photo.Inspect(context.Background(), ph.Image)
		if err != nil {
			t.Fatal(err)
		}
		v := res.Verdict
		var codes []string
		for _, p := range v.Problems {
			codes = append(codes, p.Code)
		}
		t.Logf("photo %3d %-9s pages %d: refused %-5v %v (sharpness %.0f, paper %.2f, glare %.3f, dpi %.0f, edges %d)",
			i, fault, len(res.Pages), v.Retake, codes, v.Sharpness, v.Paper, v.Glare, v.DPI, v.EdgesTaken)
		tally.add(fault, v.Retake, codes)
		if fault == "" && !v.Retake && len(res.Pages) != len(pages) {
			t.Errorf("photo %d: found %d pages, want %d", i, len(res.Pages), len(pages))
		}
		if fault != "" && v.Retake && !has(codes, fault) {
			t.Errorf("photo %d (%s): refused for %v, want the reason %s among them", i, fault, codes, fault)
		}
	}
	table, n := tally.table()
	t.Logf("capture verdict on %d photos (seed %d):\n%s", *verdictPhotos, *verdictSeed, table)
	t.Logf("bad photos refused: %d of %d; good photos refused: %d of %d", n[0], n[1], n[2], n[3])
	if float64(n[0]) < 0.95*float64(n[1]) {
		t.Errorf("bad photos refused: %d of %d, want at least 95%%", n[0], n[1])
	}
	if float64(n[2]) > 0.02*float64(n[3]) {
		t.Errorf("good photos refused: %d of %d, want at most 2%%", n[2], n[3])
	}
}

// has reports whether the verdict's codes name the fault made: a page pushed so far off that
// none is found is cut off.
func has(s []string, fault string) bool {
	for _, x := range s {
		if x == fault || (fault == "cut_off" && x == "no_page") {
			return true
		}
	}
	return false
}
