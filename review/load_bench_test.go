package review_test

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"io"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/badinput"
	"github.com/sohoa/sohoa/review"
)

// BenchmarkLoad: 20 scanning stations uploading and 50 clerks reviewing at once, over HTTP on
// one in-process server with the real PostgreSQL and MinIO, for SOHOA_BENCH_LOAD_SECONDS (default 30).
// Each station sends a page every SOHOA_BENCH_LOAD_UPLOAD_EVERY (default 1.5 s, a scanner's pace,
// under the per-station limit of 60 a minute); each clerk takes an entry, opens it, spends
// SOHOA_BENCH_LOAD_THINK (default 1 s) on it and confirms it. Reports per route the count, p50, p95,
// p99 and errors, and the process's peak RSS (server and load generator together).
//
//	go test -run '^$' -bench Load -benchtime 1x ./review/
func BenchmarkLoad(b *testing.B) {
	const stations, clerks = 20, 50
	dur := envDuration("SOHOA_BENCH_LOAD_SECONDS", 30*time.Second, time.Second)
	every := envDuration("SOHOA_BENCH_LOAD_UPLOAD_EVERY", 1500*time.Millisecond, time.Millisecond)
	think := envDuration("SOHOA_BENCH_LOAD_THINK", time.Second, time.Millisecond)
	bd := setup(b, review.Config{})
	bd.bulkSeed(b, bd.ledger, 20_000)
	tokens := make([]string, stations)
	for i := range tokens {
		tok, hash := auth.NewStationToken()
		if err := bd.store.CreateStationToken(context.Background(), fmt.Sprintf("trạm tải %02d", i), hash, "05461"); err != nil {
			b.Fatal(err)
		}
		tokens[i] = tok
	}
	cs := benchClerks(b, bd, clerks, "tai")
	rec := newLatencies()
	b.ResetTimer()
	stop := time.Now().Add(dur)
	var wg sync.WaitGroup
	for i, tok := range tokens {
		wg.Go(func() { stationLoad(bd, tok, i, every, stop, rec) })
	}
	for _, c := range cs {
		wg.Go(func() { clerkLoad(c, think, stop, rec) })
	}
	wg.Wait()
	b.StopTimer()
	rec.report(b, dur)
	b.ReportMetric(peakRSSMB(), "peak-rss-MB")
}

func envDuration(name string, def, unit time.Duration) time.Duration {
	if v, err := strconv.ParseFloat(os.Getenv(name), 64); err == nil && v > 0 {
		return time.Duration(v * float64(unit))
	}
	return def
}

// benchClerks adds n clerks of commune 05461 named prefix00, prefix01, … and logs them in.
func benchClerks(b *testing.B, bd *bundle, n int, prefix string) []*client {
	hash, _ := auth.HashPassword(testPassword)
	cs := make([]*client, n)
	for i := range n {
		u := domain.User{Username: fmt.Sprintf("%s%02d", prefix, i), Role: domain.RoleClerk, Communes: []string{"05461"}}
		if err := bd.store.CreateUser(context.Background(), &u, hash, "bench"); err != nil {
			b.Fatal(err)
		}
		cs[i] = bd.login(b, u.Username)
	}
	return cs
}

// stationLoad uploads distinct pages at the given pace until stop.
func stationLoad(bd *bundle, token string, station int, every time.Duration, stop time.Time, rec *latencies) {
	for page := 1; time.Now().Before(stop); page++ {
		next := time.Now().Add(every)
		img := badinput.Page(page)
		img.Pix[station*64+page%64] = byte(page / 64) // distinct bytes for every station and page
		img.Pix[len(img.Pix)-1-page%4096] = byte(page>>12) ^ 0x55
		var buf bytes.Buffer
		_ = png.Encode(&buf, img)
		u := fmt.Sprintf("%s/api/v1/ledgers/%d/scans?page=%d", bd.url, bd.ledger.ID, station*1000+page) // page numbers stay within 1–100,000
		req, _ := http.NewRequest("POST", u, &buf)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("Content-Type", "image/png")
		t0 := time.Now()
		resp, err := http.DefaultClient.Do(req)
		status := 0
		if err == nil {
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			status = resp.StatusCode
		}
		rec.add("upload", time.Since(t0), status == http.StatusCreated)
		if status != http.StatusCreated {
			rec.refused(status)
		}
		time.Sleep(time.Until(next))
	}
}

// clerkLoad takes, opens and confirms entries until stop.
func clerkLoad(c *client, think time.Duration, stop time.Time, rec *latencies) {
	t0 := time.Now()
	resp, err := c.http.PostForm(c.base+"/review/next", nil)
	id, ok := recordOf(resp, err)
	rec.add("next", time.Since(t0), ok && id != 0)
	for ok && id != 0 && time.Now().Before(stop) {
		path := fmt.Sprintf("/review/records/%d", id)
		t0 = time.Now()
		r, err := c.http.Get(c.base + path)
		opened := err == nil && r.StatusCode == http.StatusOK
		if err == nil {
			_, _ = io.Copy(io.Discard, r.Body)
			r.Body.Close()
		}
		rec.add("record", time.Since(t0), opened)
		time.Sleep(think)
		t0 = time.Now()
		resp, err = c.http.PostForm(c.base+path+"/confirm", confirmForm(0, 1))
		id, ok = recordOf(resp, err)
		rec.add("confirm", time.Since(t0), ok)
	}
}

// recordOf is the entry a 303 answer leads to (0 for another page), and whether it was a 303.
func recordOf(resp *http.Response, err error) (int64, bool) {
	if err != nil {
		return 0, false
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		return 0, false
	}
	loc, _, _ := strings.Cut(resp.Header.Get("Location"), "?")
	id, _ := strconv.ParseInt(strings.TrimPrefix(loc, "/review/records/"), 10, 64)
	return id, true
}

// latencies collects each route's durations and errors.
type latencies struct {
	mu       sync.Mutex
	ds       map[string][]time.Duration
	errors   map[string]int
	statuses map[int]int
}

func newLatencies() *latencies {
	return &latencies{ds: map[string][]time.Duration{}, errors: map[string]int{}, statuses: map[int]int{}}
}

func (l *latencies) add(route string, d time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.ds[route] = append(l.ds[route], d)
	if !ok {
		l.errors[route]++
	}
}

// refused counts an upload's answer other than 201 by status (0: no answer).
func (l *latencies) refused(status int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.statuses[status]++
}

func (l *latencies) report(b *testing.B, dur time.Duration) {
	if len(l.statuses) > 0 {
		b.Logf("uploads not accepted, by status: %v", l.statuses)
	}
	for _, route := range []string{"upload", "next", "record", "confirm"} {
		ds := l.ds[route]
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		q := func(p int) float64 { return ms(ds[min(len(ds)-1, len(ds)*p/100)]) }
		b.ReportMetric(float64(len(ds))/dur.Seconds(), route+"-per-s")
		b.ReportMetric(q(50), route+"-p50-ms")
		b.ReportMetric(q(95), route+"-p95-ms")
		b.ReportMetric(q(99), route+"-p99-ms")
		b.ReportMetric(float64(l.errors[route]), route+"-errors")
		b.Logf("%-8s n=%d p50=%.1f p95=%.1f p99=%.1f ms errors=%d", route, len(ds), q(50), q(95), q(99), l.errors[route])
	}
}

// peakRSSMB is the process's peak resident set (VmHWM), in MB.
func peakRSSMB() float64 {
	raw, _ := os.ReadFile("/proc/self/status")
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 64)
			return kb / 1024
		}
	}
	return 0
}
