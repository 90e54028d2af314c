package review_test

import (
	"fmt"
	"net/url"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/sohoa/sohoa/review"
)

// BenchmarkQueue: 50 clerks over HTTP against a queue of 100,000 entries. "next" is taking an
// entry when holding none; "confirm" is confirming one, which also claims the next (Enter
// confirms and loads the next at once). Reports p50/p95 of each, in two regimes:
//
//   - busy: every clerk sends its next request the moment the last one is answered, so the
//     machine is saturated and the latency is mostly waiting in line;
//
//   - paced: every clerk spends 1 s on an entry before confirming it, still several times
//     faster than a person reading a page.
//
//     go test -run '^$' -bench Queue -benchtime 2000x ./review/
func BenchmarkQueue(b *testing.B) {
	for _, bc := range []struct {
		name  string
		think time.Duration
	}{{"busy", 0}, {"paced", time.Second}} {
		b.Run(bc.name, func(b *testing.B) { benchQueue(b, bc.think) })
	}
}

func benchQueue(b *testing.B, think time.Duration) {
	const clerks, queue = 50, 100_000
	bd := setup(b, review.Config{})
	start := time.Now()
	bd.bulkSeed(b, bd.ledger, queue)
	b.Logf("seeded %d entries in %s", queue, time.Since(start).Round(time.Millisecond))
	cs := benchClerks(b, bd, clerks, "bench")
	var mu sync.Mutex
	var nexts, confirms []time.Duration
	b.ResetTimer()
	var wg sync.WaitGroup
	for i := range clerks {
		n := b.N / clerks
		if i < b.N%clerks {
			n++
		}
		c := cs[i]
		wg.Go(func() {
			var held int64
			for range n {
				if held != 0 {
					c.post(fmt.Sprintf("/review/records/%d/release", held), url.Values{})
				}
				t0 := time.Now()
				id := c.next()
				t1 := time.Now()
				time.Sleep(think)
				t1r := time.Now()
				held = recordFrom(c.t, c.post(fmt.Sprintf("/review/records/%d/confirm", id), confirmForm(0, 1)))
				t2 := time.Now()
				mu.Lock()
				nexts, confirms = append(nexts, t1.Sub(t0)), append(confirms, t2.Sub(t1r))
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	b.StopTimer()
	for _, m := range []struct {
		name string
		ds   []time.Duration
	}{{"next", nexts}, {"confirm", confirms}} {
		slices.Sort(m.ds)
		b.ReportMetric(ms(m.ds[len(m.ds)/2]), m.name+"-p50-ms")
		b.ReportMetric(ms(m.ds[len(m.ds)*95/100]), m.name+"-p95-ms")
	}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
