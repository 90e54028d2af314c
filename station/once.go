package station

import (
	"cmp"
	"context"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// Result is the outcome of UploadFiles for one file.
type Result struct {
	Path    string
	Page    int
	Receipt Receipt // when sent
	Err     error   // why not sent
}

// UploadFiles sends the given files once, retrying while the server is away, and leaves them
// where they are. Pages come from the names or, in scan order, from FirstPage on by
// modification time. It stops early only if ctx is done or the token is refused.
func (s *Station) UploadFiles(ctx context.Context, paths []string) ([]Result, error) {
	results := s.order(paths)
	defer s.progress.Done()
	failures := 0
	for i := range results {
		r := &results[i]
		if r.Page == 0 {
			if r.Page, r.Err = s.namer.page(filepath.Base(r.Path)); r.Err != nil {
				s.progress.addRejected()
				s.progress.Eventf("skipped %s: %v", r.Path, r.Err)
				continue
			}
		}
		for {
			s.progress.setSending(filepath.Base(r.Path))
			start := time.Now()
			r.Receipt, r.Err = s.client.Upload(ctx, r.Path, r.Page)
			took := time.Since(start)
			s.progress.setSending("")
			if r.Err != nil && ctx.Err() != nil {
				return results, ctx.Err()
			}
			v := judge(r.Err)
			if v != verdictRetry {
				failures = 0
				s.progress.setNotice("")
			}
			switch v {
			case verdictDone:
				s.reportSent(r, took)
			case verdictReject, verdictLocal:
				s.progress.addRejected()
				s.progress.Eventf("rejected %s (page %d): %v", r.Path, r.Page, r.Err)
				var ae *APIError
				if errors.As(r.Err, &ae) {
					vi, en := explain(ae.Status)
					s.progress.Eventf("  %s / %s", vi, en)
				}
			case verdictPause:
				return results, errorf("--token: the server refused the station token: %w", "--token: máy chủ từ chối mã trạm: %w", r.Err)
			case verdictRetry:
				failures++
				if err := s.backOff(ctx, failures, r.Err); err != nil {
					return results, err
				}
				continue
			}
			break
		}
	}
	return results, nil
}

// order lists the files with their pages: in scan order (modification time, then name) from
// FirstPage on, or with no page yet when pages come from the names.
func (s *Station) order(paths []string) []Result {
	results := make([]Result, len(paths))
	for i, p := range paths {
		results[i].Path = p
	}
	if s.cfg.PageOrder == OrderScan {
		mods := make(map[string]time.Time, len(paths))
		for _, p := range paths {
			if info, err := os.Stat(p); err == nil {
				mods[p] = info.ModTime()
			}
		}
		slices.SortStableFunc(results, func(a, b Result) int {
			return cmp.Or(mods[a.Path].Compare(mods[b.Path]), cmp.Compare(filepath.Base(a.Path), filepath.Base(b.Path)))
		})
		for i := range results {
			results[i].Page = s.cfg.FirstPage + i
		}
	}
	return results
}

// reportSent counts a file sent and says so.
func (s *Station) reportSent(r *Result, took time.Duration) {
	size := int64(0)
	if info, err := os.Stat(r.Path); err == nil {
		size = info.Size()
	}
	s.progress.addSent(size, took)
	s.progress.Eventf("sent %s as page %d (%s)", r.Path, r.Page, receiptText(r.Receipt))
}

// backOff waits before the next try while the server is away (longer after each failure, at
// least what the server's Retry-After asked); it fails only when ctx ends.
func (s *Station) backOff(ctx context.Context, failures int, err error) error {
	d := s.cfg.Backoff.Delay(failures, rand.Float64())
	var ae *APIError
	if errors.As(err, &ae) && ae.RetryAfter > 0 {
		d = max(d, min(ae.RetryAfter, s.cfg.Backoff.Max))
	}
	s.progress.setNotice("server away, retrying")
	s.progress.Eventf("server away (%v); retrying in %s", err, d.Round(time.Millisecond))
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
