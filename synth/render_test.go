package synth

import (
	"bytes"
	"context"
	"errors"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/age"
)

func TestRenderDeterministic(t *testing.T) {
	if raceEnabled {
		t.Skip("full-page render is too slow under -race; TestAgeDeterministic covers the pixel stages")
	}
	tests := []struct {
		name  string
		opts  Options
		index int
	}{
		{"birth form light", Options{Seed: 11, Kind: domain.KindBirth, Layout: LayoutForm, Severity: SeverityLight}, 0},
		{"death table heavy", Options{Seed: 12, Kind: domain.KindDeath, Layout: LayoutTable, Severity: SeverityHeavy}, 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, err := Render(tc.opts, tc.index)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Render(tc.opts, tc.index)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Encoded, b.Encoded) {
				t.Errorf("image bytes differ between two renders (%d and %d bytes)", len(a.Encoded), len(b.Encoded))
			}
			ja, _ := marshalTruth(a.Truth)
			jb, _ := marshalTruth(b.Truth)
			if !bytes.Equal(ja, jb) {
				t.Error("ground truth differs between two renders")
			}
			if got, want := a.Image.Bounds().Dx(), a.Truth.Size[0]; got != want {
				t.Errorf("image width: got %d, want %d", got, want)
			}
			for _, l := range a.Truth.Lines {
				if l.Box[0] < 0 || l.Box[1] < 0 || l.Box[2] > a.Truth.Size[0] || l.Box[3] > a.Truth.Size[1] {
					t.Errorf("line %q box %v outside the %v image", l.Text, l.Box, a.Truth.Size)
				}
			}
		})
	}
}

func TestAgeDeterministic(t *testing.T) {
	cv, _, err := layoutPage(5, 0, domain.KindBirth, LayoutForm)
	if err != nil {
		t.Fatal(err)
	}
	// A crop keeps this fast under -race.
	crop := cv.img.SubImage(image.Rect(0, 400, 600, 1200)).(*image.Gray)
	clean := image.NewGray(image.Rect(0, 0, 600, 800))
	for y := range 800 {
		copy(clean.Pix[y*clean.Stride:(y+1)*clean.Stride], crop.Pix[y*crop.Stride:y*crop.Stride+600])
	}
	for _, sev := range []Severity{SeverityLight, SeverityHeavy} {
		p := age.Draw(pageRand(1, 0, streamDegrade), severityRanges[sev])
		p.Border = [4]int{40, 0, 0, 30}
		a := age.Age(clean, p, pageRand(1, 0, streamDegrade))
		b := age.Age(clean, p, pageRand(1, 0, streamDegrade))
		if !bytes.Equal(a.Pix, b.Pix) {
			t.Errorf("%s: aged pixels differ between two runs", sev)
		}
		c := age.Age(clean, p, pageRand(2, 0, streamDegrade))
		if bytes.Equal(a.Pix, c.Pix) {
			t.Errorf("%s: different seeds gave identical pixels", sev)
		}
	}
}

func TestGenerateOrderSaveRead(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Seed: 3, Pages: 7, Workers: 3}
	var calls atomic.Int32
	fake := func(o Options, i int) (Page, error) {
		calls.Add(1)
		kind, layout, sev := o.resolve(i)
		return Page{
			Index: i, Encoded: []byte{byte(i)}, Ext: ".png",
			Truth: GroundTruth{Version: TruthVersion, Seed: o.Seed, Index: i, Kind: kind, Layout: layout, Severity: sev},
		}, nil
	}
	var got []int
	err := generate(context.Background(), opts, fake, func(p Page) error {
		got = append(got, p.Index)
		return p.Save(dir)
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{0, 1, 2, 3, 4, 5, 6}; !reflect.DeepEqual(got, want) {
		t.Errorf("got pages %v, want %v", got, want)
	}
	gt, err := ReadTruth(filepath.Join(dir, "page-0005.json"))
	if err != nil {
		t.Fatal(err)
	}
	if gt.Index != 4 || gt.Kind != domain.KindMarriage {
		t.Errorf("read back index %d kind %q, want 4 %q", gt.Index, gt.Kind, domain.KindMarriage)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "page-0005.png")); err != nil || len(b) != 1 || b[0] != 4 {
		t.Errorf("page-0005.png: got %v %v, want [4]", b, err)
	}

	// The first error stops the run and is returned, wrapped.
	stop := errors.New("stop")
	err = generate(context.Background(), Options{Seed: 3, Pages: 50, Workers: 2}, fake, func(p Page) error {
		if p.Index == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) {
		t.Errorf("got %v, want %v", err, stop)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := generate(ctx, Options{Pages: 5}, fake, func(Page) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled context: got %v, want %v", err, context.Canceled)
	}
}

func TestOptionsValidate(t *testing.T) {
	tests := []struct {
		name string
		opts Options
		ok   bool
	}{
		{"zero", Options{}, true},
		{"all set", Options{Pages: 3, Kind: domain.KindDeath, Severity: SeverityHeavy, Layout: LayoutTable}, true},
		{"negative pages", Options{Pages: -1}, false},
		{"bad kind", Options{Kind: "khai-hon"}, false},
		{"bad severity", Options{Severity: "extreme"}, false},
		{"bad layout", Options{Layout: "grid"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.opts.Validate()
			if (err == nil) != tc.ok {
				t.Fatalf("got %v, want ok=%v", err, tc.ok)
			}
			if err != nil && !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("got %v, want it to wrap domain.ErrInvalid", err)
			}
		})
	}
}
