package server_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// BenchmarkIngest has 20 scanning stations upload distinct ~3 MB page JPEGs (A4 at 300 dpi,
// quality 90) back to back to a real server on PostgreSQL and MinIO, and reports uploads per
// second and the p50/p95/p99 time to a 201. The target is p95 under 500 ms while the workers
// OCR: in "ocr-busy" one core is kept busy by `tesseract` reading a page in a loop (or, where
// tesseract is not installed, by a goroutine encoding PNGs); "idle" is the same without it;
// "ocr-busy-paced" has each station send a page every 1–3 s (a fast scanner: real stations
// take 5–30 s a page) while one core OCRs.
//
//	go test -run '^$' -bench Ingest -benchtime 200x ./server/
func BenchmarkIngest(b *testing.B) {
	pages := make([][]byte, 4)
	for i := range pages {
		pages[i] = scanJPEG(b, uint64(i))
	}
	b.Logf("page JPEGs of %.1f–%.1f MB", mb(slices.MinFunc(pages, byLen)), mb(slices.MaxFunc(pages, byLen)))
	b.Run("ocr-busy", func(b *testing.B) { benchIngest(b, pages, true, 0) })
	b.Run("idle", func(b *testing.B) { benchIngest(b, pages, false, 0) })
	b.Run("ocr-busy-paced", func(b *testing.B) { benchIngest(b, pages, true, 2*time.Second) })
}

func benchIngest(b *testing.B, pages [][]byte, busy bool, pace time.Duration) {
	const stations = 20
	store, objects := storagetest.Store(b), storagetest.Objects(b)
	srv := httptest.NewServer(server.New(server.Deps{Logger: storagetest.Logger(b), Store: store, Objects: objects, Uploads: server.UploadLimits{Concurrent: 64, PerMinute: 1e6, Burst: 1e6}}))
	b.Cleanup(srv.Close)
	token, hash := auth.NewStationToken()
	ctx := context.Background()
	if err := store.CreateStationToken(ctx, "bench station", hash, "05461"); err != nil {
		b.Fatal(err)
	}
	ledger := domain.Ledger{CommuneCode: "05461", Kind: "khai-sinh", Book: "01", YearFrom: 1990, YearTo: 1995}
	if err := store.CreateLedger(ctx, &ledger); err != nil {
		b.Fatal(err)
	}
	if busy {
		burnCtx, stopBurn := context.WithCancel(ctx)
		var burner sync.WaitGroup
		burner.Go(func() { burnOneCore(burnCtx, b) })
		defer func() { stopBurn(); burner.Wait() }()
	}

	latencies := make([]time.Duration, b.N)
	var next atomic.Int64
	url := fmt.Sprintf("%s/api/v1/ledgers/%d/scans?page=", srv.URL, ledger.ID)
	b.SetBytes(int64(len(pages[0])))
	b.ResetTimer()
	start := time.Now()
	var wg sync.WaitGroup
	for range stations {
		wg.Go(func() {
			client := &http.Client{Transport: &http.Transport{}} // a station of its own: its own connection
			defer client.CloseIdleConnections()
			for {
				i := int(next.Add(1))
				if i > b.N {
					return
				}
				if pace > 0 {
					// The scanner is busy with the next page; stations are not in step.
					time.Sleep(pace/2 + rand.N(pace))
				}
				body := unique(pages[i%len(pages)], i) // new bytes, so the server stores a new original
				req, _ := http.NewRequest(http.MethodPost, fmt.Sprintf("%s%d", url, i), bytes.NewReader(body))
				req.Header.Set("Authorization", "Bearer "+token)
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					b.Error(err)
					return
				}
				msg, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				latencies[i-1] = time.Since(t0)
				if resp.StatusCode != http.StatusCreated {
					b.Errorf("page %d: got %d %s, want 201", i, resp.StatusCode, msg)
					return
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()

	slices.Sort(latencies)
	pct := func(p float64) float64 { return float64(latencies[int(p*float64(len(latencies)-1))].Milliseconds()) }
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "uploads/s")
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
}

func byLen(a, b []byte) int { return len(a) - len(b) }
func mb(p []byte) float64   { return float64(len(p)) / 1e6 }

// scanJPEG draws an A4 page scanned at 300 dpi (2480×3508): paper grain, and lines of dark
// strokes where the handwriting is, at quality 90, about 3 MB.
func scanJPEG(b *testing.B, seed uint64) []byte {
	b.Helper()
	const w, h, grain = 2480, 3508, 7
	img := image.NewGray(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(seed, 1))
	for y := range h {
		row := img.Pix[y*img.Stride : y*img.Stride+w]
		ink := y%70 > 40 && y%70 < 62 && y > 200 && y < h-200
		for x := range row {
			v := 228 + r.IntN(2*grain+1) - grain
			if ink && x > 150 && x < w-150 && (x/37+y/70)%5 != 0 && r.IntN(3) == 0 {
				v = 40 + r.IntN(40)
			}
			row[x] = uint8(v)
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 90}); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// unique puts a comment segment with n after the JPEG's start marker: the same picture, new bytes.
func unique(page []byte, n int) []byte {
	text := fmt.Sprintf("bench upload %d", n)
	out := make([]byte, 0, len(page)+len(text)+4)
	out = append(out, page[:2]...) // SOI
	out = append(out, 0xFF, 0xFE, byte((len(text)+2)>>8), byte(len(text)+2))
	out = append(out, text...)
	return append(out, page[2:]...)
}

// burnOneCore keeps one core busy until ctx is done, as an OCR worker does: tesseract reading a
// page in a loop, or PNG encoding where tesseract is missing.
func burnOneCore(ctx context.Context, b *testing.B) {
	img := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range img.Pix {
		img.Pix[i] = uint8(200 + i%7*8)
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	if bin, err := exec.LookPath("tesseract"); err == nil {
		path := filepath.Join(b.TempDir(), "page.png")
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			b.Error(err)
			return
		}
		for ctx.Err() == nil {
			cmd := exec.CommandContext(ctx, bin, path, "stdout", "-l", "vie")
			cmd.Env = append(os.Environ(), "OMP_THREAD_LIMIT=1")
			_ = cmd.Run()
		}
		return
	}
	runtime.LockOSThread()
	for ctx.Err() == nil {
		_ = png.Encode(io.Discard, img)
	}
}
