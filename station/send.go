package station

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// send uploads one queued file and deals with the outcome. It returns an error only when the
// watch must stop: ctx is done (the upload's outcome is then unknown and the journal says it is
// in flight) or a test simulates a crash.
func (w *watch) send(ctx context.Context, name string) error {
	f := w.files[name]
	path := filepath.Join(w.dir, name)
	before, err := os.Stat(path)
	if err != nil {
		delete(w.files, name) // gone; the next scan forgets it
		return nil
	}
	if before.Size() != f.size || !before.ModTime().Equal(f.mod) {
		w.files[name] = &watched{size: before.Size(), mod: before.ModTime(), since: time.Now()}
		return nil // being written again: wait until it is complete
	}
	e, _ := w.journal.Get(name)
	e.State = StateSending
	if err := w.journal.Put(name, e); err != nil {
		w.s.progress.Eventf("%v; will try again", err)
		w.retryFile(f, time.Now())
		return nil
	}

	w.s.progress.setSending(name)
	start := time.Now()
	receipt, err := w.s.client.Upload(ctx, path, f.page)
	took := time.Since(start)
	w.s.progress.setSending("")
	if err != nil && ctx.Err() != nil {
		return ctx.Err()
	}
	if w.s.crashAfterUpload != nil && err == nil && w.s.crashAfterUpload(name) {
		return errCrash
	}
	w.settle(name, f, e, receipt, err, took)
	return nil
}

// settle deals with the outcome of sending a file: filed as sent or rejected, paused while the
// token is refused, or put back with a back-off.
func (w *watch) settle(name string, f *watched, e Entry, receipt Receipt, err error, took time.Duration) {
	path := filepath.Join(w.dir, name)
	now := time.Now()
	switch judge(err) {
	case verdictDone:
		w.serverBack()
		if after, serr := os.Stat(path); serr == nil && (after.Size() != f.size || !after.ModTime().Equal(f.mod)) {
			w.s.progress.Eventf("%s changed while it was being sent; the new version goes as page %d once complete", name, f.page)
			e.State = StateAssigned
			_ = w.journal.Put(name, e)
			w.files[name] = &watched{size: after.Size(), mod: after.ModTime(), since: now}
			return
		}
		e.State, e.Status = StateSent, receipt.HTTPStatus
		if err := w.journal.Put(name, e); err != nil {
			w.s.progress.Eventf("%v", err) // the move below is what counts; a resend would be a harmless 200
		}
		w.s.progress.addSent(f.size, took)
		w.s.progress.Eventf("sent %s as page %d (%s)", name, f.page, receiptText(receipt))
		w.file(name, e)
	case verdictReject:
		w.serverBack()
		var ae *APIError
		errors.As(err, &ae)
		e.State, e.Status, e.Message, e.MessageVI = StateRejected, ae.Status, ae.Message, ae.MessageVI
		if err := w.journal.Put(name, e); err != nil {
			w.s.progress.Eventf("%v", err)
		}
		w.s.progress.addRejected()
		w.s.progress.Eventf("rejected %s (page %d): %v", name, f.page, ae)
		w.file(name, e)
	case verdictPause:
		w.pauseUntil = now.Add(w.s.cfg.Backoff.Max)
		w.s.progress.setNotice("PAUSED: token refused")
		w.s.progress.Eventf("PAUSED: the server refused the station token (%v); check --token or SOHOA_STATION_TOKEN and restart; trying again in %s",
			err, w.s.cfg.Backoff.Max)
	case verdictRetry:
		w.failures++
		d := w.s.cfg.Backoff.Delay(w.failures, rand.Float64())
		var ae *APIError
		if errors.As(err, &ae) && ae.RetryAfter > 0 {
			d = max(d, min(ae.RetryAfter, w.s.cfg.Backoff.Max))
		}
		w.pauseUntil = now.Add(d)
		w.retryFile(f, now)
		w.s.progress.setNotice("server away, retrying")
		w.s.progress.Eventf("server away (%v); retrying in %s", err, d.Round(time.Millisecond))
	case verdictLocal:
		w.retryFile(f, now)
		w.s.progress.Eventf("%v; will try again in %s", err, f.due.Sub(now).Round(time.Millisecond))
	}
}

// retryFile puts a file back with its own back-off, so that a file that keeps failing lets the
// others go first.
func (w *watch) retryFile(f *watched, now time.Time) {
	f.tries++
	f.due = now.Add(w.s.cfg.Backoff.Delay(f.tries, rand.Float64()))
}

// serverBack clears the pause after the server answered.
func (w *watch) serverBack() {
	if w.failures > 0 || !w.pauseUntil.IsZero() {
		w.s.progress.setNotice("")
	}
	w.failures, w.pauseUntil = 0, time.Time{}
}

func receiptText(r Receipt) string {
	what := "new scan"
	if r.HTTPStatus == http.StatusOK {
		what = "already on the server"
	}
	s := fmt.Sprintf("%d %s %d", r.HTTPStatus, what, r.ID)
	if len(r.Scans) > 1 {
		s += fmt.Sprintf(", pages %d–%d", r.Scans[0].Page, r.Scans[len(r.Scans)-1].Page)
	}
	return s
}
