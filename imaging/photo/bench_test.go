package photo_test

import (
	"context"
	"image"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/sohoa/sohoa/imaging/photo"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
)

var (
	benchOnce  sync.Once
	benchPhoto image.Image
	benchErr   error
)

// benchmarkPhoto is a 12-megapixel (4000×3000) synthetic photo of an open book, decoded.
func benchmarkPhoto(b *testing.B) image.Image {
	benchOnce.Do(func() {
		opts := synth.Options{Seed: 3, Layout: synth.LayoutTable, Severity: synth.SeverityLight}
		ps, err := synthphoto.RenderPages(opts, []int{0, 1})
		if err != nil {
			benchErr = err
			return
		}
		ph, err := synthphoto.Photograph(ps, opts.Seed, 0, "")
		benchPhoto, benchErr = ph.Image, err
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPhoto
}

// BenchmarkFlatten12MP flattens a 12-megapixel photo of an open book into its two 300-dpi
// pages: the target is at most 1.5 s on one core and under 400 MB.
//
//	go test -run '^$' -bench Flatten12MP -cpu 1 -benchmem ./imaging/photo/
func BenchmarkFlatten12MP(b *testing.B) {
	img := benchmarkPhoto(b)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		res, err := photo.Flatten(context.Background(), img, photo.Options{})
		if err != nil || len(res.Pages) != 2 {
			b.Fatalf("got %v pages, %v; want 2", res, err)
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	b.ReportMetric(float64(ru.Maxrss)/1024, "peak-rss-MB") // the whole test process, photo and synth included
}

// cpuTime is the CPU time this process has used: on a machine shared with other work, the
// time a benchmark would take alone on one core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkInspect12MP is the check an upload makes of a photo: pages found and the verdict.
func BenchmarkInspect12MP(b *testing.B) {
	img := benchmarkPhoto(b)
	b.ResetTimer()
	start := cpuTime()
	for b.Loop() {
		if _, err := photo.Inspect(context.Background(), img); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-start).Seconds()/float64(b.N), "cpu-s/op")
}
