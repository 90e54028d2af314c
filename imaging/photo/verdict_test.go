package photo_test

import (
	"context"
	"flag"
	"testing"

	"github.com/sohoa/sohoa/imaging/photo"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

var verdictPhotos = flag.Int("verdict-photos", 12, "photos judged by TestCaptureVerdict (half good, half with a fault; the README's figures come from more)")

// The capture verdict on synthetic photos, half good and half with one fault each (blurred,
// dark, glare, cut off, too small in turn): bad ones refused with the right reason, good ones
// let through.
func TestCaptureVerdict(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("renders twelve-megapixel photos: not with -short or -race")
	}
	opts := synth.Options{Seed: 5, Pages: 3}
	single, err := synthphoto.RenderPages(opts, []int{0})
	if err != nil {
		t.Fatal(err)
	}
	spread, err := synthphoto.RenderPages(opts, []int{1, 2})
	if err != nil {
		t.Fatal(err)
	}
	var good, goodRefused, bad, badRefused int
	for i := range *verdictPhotos {
		pages := single
		if i%4 >= 2 {
			pages = spread
		}
		fault := ""
		if i%2 == 1 {
			fault = synthphoto.FaultNames[(i/2)%len(synthphoto.FaultNames)]
		}
		ph, err := synthphoto.Photograph(pages, 100, i, fault)
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
		t.Logf("photo %2d %-9s pages %d: refused %-5v %v (sharpness %.0f, paper %.2f, glare %.3f, dpi %.0f, edges %d)",
			i, fault, len(res.Pages), v.Retake, codes, v.Sharpness, v.Paper, v.Glare, v.DPI, v.EdgesTaken)
		if fault == "" {
			good++
			if v.Retake {
				goodRefused++
			} else if len(res.Pages) != len(pages) {
				t.Errorf("photo %d: found %d pages, want %d", i, len(res.Pages), len(pages))
			}
			continue
		}
		bad++
		if v.Retake {
			badRefused++
			if !has(codes, fault) {
				t.Errorf("photo %d (%s): refused for %v, want the reason %s among them", i, fault, codes, fault)
			}
		}
	}
	t.Logf("bad photos refused: %d of %d; good photos refused: %d of %d", badRefused, bad, goodRefused, good)
	if float64(badRefused) < 0.95*float64(bad) {
		t.Errorf("bad photos refused: %d of %d, want at least 95%%", badRefused, bad)
	}
	if float64(goodRefused) > 0.02*float64(good) {
		t.Errorf("good photos refused: %d of %d, want at most 2%%", goodRefused, good)
	}
}

func has(s []string, v string) bool {
	for _, x := range s {
		if x == v || (v == "no_page" && x == "cut_off") {
			return true
		}
	}
	return false
}
