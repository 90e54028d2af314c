package station

import (
	"cmp"
	"os"
	"path/filepath"
	"slices"
	"time"
)

// watch is the state of one Watch call; only its goroutine touches it.
type watch struct {
	s                         *Station
	dir, sentDir, rejectedDir string
	journal                   *Journal
	files                     map[string]*watched // the candidate files in dir, by name
	pauseUntil                time.Time           // nothing is sent before then (server away, token refused)
	failures                  int                 // retryable failures in a row, for the pause
	lastScanErr               string
}

// watched is a file in the folder as last seen.
type watched struct {
	size  int64
	mod   time.Time
	since time.Time // when size and mod were first seen as they are
	ready bool      // complete, numbered in the journal, waiting to be sent
	page  int
	tries int       // failed attempts of this file
	due   time.Time // not before then
}

// scan lists the folder, follows each file until it has stopped changing for StableFor, numbers
// the complete ones and drops files that went away.
func (w *watch) scan(now time.Time) {
	entries, err := os.ReadDir(w.dir)
	if err != nil {
		if err.Error() != w.lastScanErr { // a missing network drive would say so every second
			w.lastScanErr = err.Error()
			w.s.progress.Eventf("cannot read the folder: %v", err)
		}
		return
	}
	w.lastScanErr = ""
	present := map[string]bool{}
	var complete []string
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || ignored(name) {
			continue
		}
		info, err := e.Info()
		if err != nil {
			present[name] = w.files[name] != nil // vanishing, or unreadable for now
			continue
		}
		if !info.Mode().IsRegular() {
			continue
		}
		present[name] = true
		f := w.files[name]
		if f == nil || f.size != info.Size() || !f.mod.Equal(info.ModTime()) {
			w.files[name] = &watched{size: info.Size(), mod: info.ModTime(), since: now}
			continue
		}
		// An empty file is a scan about to be written, not a page.
		if !f.ready && f.size > 0 && now.Sub(f.since) >= w.s.cfg.StableFor {
			complete = append(complete, name)
		}
	}
	for name := range w.files {
		if !present[name] {
			delete(w.files, name)
		}
	}
	for _, name := range w.journal.Names() {
		if !present[name] { // filed before a restart could forget it, or taken away by hand
			if err := w.journal.Forget(name); err != nil {
				w.s.progress.Eventf("%v", err)
			}
		}
	}
	w.admit(now, complete)
	w.s.progress.setWaiting(len(w.files))
}

// admit numbers complete files, in scan order (modification time, then name), records the
// numbers in the journal and queues the files. A file the journal already numbered keeps its
// number, so no file is ever sent under two.
func (w *watch) admit(now time.Time, names []string) {
	slices.SortFunc(names, func(a, b string) int {
		return cmp.Or(w.files[a].mod.Compare(w.files[b].mod), cmp.Compare(a, b))
	})
	next := max(w.journal.LastPage(), w.s.cfg.FirstPage-1)
	numbered := map[string]Entry{}
	for _, name := range names {
		f := w.files[name]
		if w.known(name, f, numbered) {
			continue
		}
		e := Entry{Size: f.size, ModTime: f.mod, State: StateAssigned}
		if w.s.cfg.PageOrder == OrderScan {
			next++
			e.Page = next
			if e.Pages = pagesIn(filepath.Join(w.dir, name)); e.Pages == 2 {
				next++ // the server makes the right-hand page of a spread next+1
			}
		} else if p, err := w.s.namer.page(name); err == nil {
			e.Page = p
		} else {
			e.State, e.Message, e.MessageVI = StateRejected, err.Error(), Message(err, Vietnamese)
			if err := w.journal.Put(name, e); err != nil {
				w.s.progress.Eventf("%v", err)
				continue
			}
			w.s.progress.addRejected()
			w.s.progress.Eventf("rejected %s: %v", name, err)
			w.file(name, e)
			continue
		}
		numbered[name] = e
		f.page = e.Page
	}
	if len(numbered) > 0 {
		if err := w.journal.PutAll(numbered); err != nil {
			// Not numbered on disk means not sent: they are tried again at the next scan.
			w.s.progress.Eventf("%v; will try again", err)
			for name := range numbered {
				delete(w.files, name)
			}
			return
		}
	}
	for _, name := range names {
		if f := w.files[name]; f != nil && f.page > 0 {
			f.ready, f.due = true, now
		}
	}
}

// known deals with a file the journal already knows and reports whether it did: one whose
// outcome is known is filed again (only the filing was interrupted); one numbered but not sent
// keeps its page, recorded again in numbered when the file changed. A new file under a name
// already filed is not known.
func (w *watch) known(name string, f *watched, numbered map[string]Entry) bool {
	e, known := w.journal.Get(name)
	if !known {
		return false
	}
	if e.State == StateSent || e.State == StateRejected {
		if !e.same(f.size, f.mod) {
			return false // a new file under a name already filed
		}
		w.file(name, e)
		return true
	}
	if !e.same(f.size, f.mod) {
		e.Size, e.ModTime, e.State = f.size, f.mod, StateAssigned
		numbered[name] = e
	}
	f.page = e.Page
	return true
}

// next picks the file to send now: the oldest scan that is due, unless sending is paused.
func (w *watch) next(now time.Time) (string, bool) {
	if now.Before(w.pauseUntil) {
		return "", false
	}
	best := ""
	for name, f := range w.files {
		if !f.ready || f.due.After(now) {
			continue
		}
		if b := w.files[best]; best == "" || cmp.Or(f.mod.Compare(b.mod), cmp.Compare(name, best)) < 0 {
			best = name
		}
	}
	return best, best != ""
}

// wait is how long to sleep before the next scan: the poll interval, or less if a file falls
// due sooner.
func (w *watch) wait(now time.Time) time.Duration {
	d := w.s.cfg.Poll
	for _, f := range w.files {
		if f.ready {
			d = min(d, max(f.due.Sub(now), w.pauseUntil.Sub(now), time.Millisecond))
		}
	}
	return max(d, time.Millisecond)
}

// file moves a file whose outcome is known to sent/ or rejected/ (with NAME.reason.txt),
// under a free name, then forgets it. If the move fails, the journal still holds the outcome
// and the next scan tries again.
func (w *watch) file(name string, e Entry) {
	delete(w.files, name)
	dir := w.sentDir
	if e.State == StateRejected {
		dir = w.rejectedDir
	}
	dst, err := freeName(dir, name)
	if err == nil && e.State == StateRejected {
		err = writeNew(dst+reasonSuffix, reasonText(name, e, w.s.cfg.PageOrder == OrderScan, time.Now()))
	}
	if err == nil {
		err = os.Rename(filepath.Join(w.dir, name), dst)
		if err != nil && e.State == StateRejected {
			_ = os.Remove(dst + reasonSuffix) // written again with the next try
		}
	}
	if err != nil {
		w.s.progress.Eventf("cannot move %s to %s: %v; will try again", name, filepath.Base(dir), err)
		return
	}
	if err := w.journal.Forget(name); err != nil {
		w.s.progress.Eventf("%v", err) // harmless: the next scan forgets files no longer there
	}
}

// writeNew creates path with text, never replacing a file.
func writeNew(path, text string) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.WriteString(text)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
