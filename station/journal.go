package station

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"time"
)

// State is where a file in the watched folder is on its way to sent/ or rejected/.
type State string

// The states of a journal entry. A file is forgotten once it has been moved out of the folder.
const (
	StateAssigned State = "assigned" // has a page number, not sent yet
	StateSending  State = "sending"  // an upload was started; the outcome is not known
	StateSent     State = "sent"     // the server has it (200/201); to be moved to sent/
	StateRejected State = "rejected" // refused for good; to be moved to rejected/
)

// Entry is what the journal knows of one file in the watched folder.
type Entry struct {
	Page    int       `json:"page"`
	Pages   int       `json:"pages,omitempty"` // 2 for a photo of an open book (pages Page and Page+1)
	Size    int64     `json:"size"`
	ModTime time.Time `json:"mod_time"`
	State   State     `json:"state"`
	Status  int       `json:"status,omitempty"`  // the server's answer, once known
	Message string    `json:"message,omitempty"` // its error message, for rejected files
	// MessageVI is the same message in Vietnamese (the server's error_vi), when there is one.
	MessageVI string    `json:"message_vi,omitempty"`
	Updated   time.Time `json:"updated"`
}

// same reports whether the entry describes a file of this size and modification time.
func (e Entry) same(size int64, mod time.Time) bool {
	return e.Size == size && e.ModTime.Equal(mod)
}

// Journal remembers page assignments and in-flight uploads of one folder and ledger across
// restarts. Every change is written to a temporary file which then replaces the journal, so a
// crash leaves either the old or the new journal, never half of one. It is not safe for
// concurrent use.
type Journal struct {
	path string
	data journalData
}

type journalData struct {
	Version  int               `json:"version"`
	Ledger   int64             `json:"ledger"`
	LastPage int               `json:"last_page"` // the highest page ever assigned here
	Files    map[string]*Entry `json:"files"`
}

const journalVersion = 1

// OpenJournal reads the journal at path, or starts an empty one if there is none yet.
func OpenJournal(path string, ledger int64) (*Journal, error) {
	j := &Journal{path: path, data: journalData{Version: journalVersion, Ledger: ledger, Files: map[string]*Entry{}}}
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return j, nil
	}
	if err != nil {
		return nil, errorf("read journal: %w", "đọc sổ theo dõi: %w", err)
	}
	if err := json.Unmarshal(raw, &j.data); err != nil {
		return nil, errorf("journal %s is damaged (move it away to start afresh, but page numbers given in scan order would restart): %w",
			"sổ theo dõi %s bị hỏng (chuyển nó đi chỗ khác để bắt đầu lại, nhưng số trang theo thứ tự quét sẽ đánh lại từ đầu): %w", path, err)
	}
	if j.data.Ledger != ledger {
		return nil, errorf("journal %s belongs to ledger %d, not %d", "sổ theo dõi %s thuộc sổ %d, không phải sổ %d", path, j.data.Ledger, ledger)
	}
	if j.data.Files == nil {
		j.data.Files = map[string]*Entry{}
	}
	return j, nil
}

// Get returns the entry of a file name.
func (j *Journal) Get(name string) (Entry, bool) {
	e, ok := j.data.Files[name]
	if !ok {
		return Entry{}, false
	}
	return *e, true
}

// Names lists the files the journal knows.
func (j *Journal) Names() []string {
	names := make([]string, 0, len(j.data.Files))
	for n := range j.data.Files {
		names = append(names, n)
	}
	return names
}

// LastPage is the highest page number assigned so far (0 if none).
func (j *Journal) LastPage() int { return j.data.LastPage }

// Put records an entry and saves the journal.
func (j *Journal) Put(name string, e Entry) error {
	return j.PutAll(map[string]Entry{name: e})
}

// PutAll records several entries with one save.
func (j *Journal) PutAll(entries map[string]Entry) error {
	old := j.snapshot()
	for name, e := range entries {
		e.Updated = time.Now().UTC().Truncate(time.Millisecond)
		j.data.Files[name] = &e
		j.data.LastPage = max(j.data.LastPage, e.Page+max(e.Pages, 1)-1)
	}
	return j.saveOrRestore(old)
}

// Forget drops a file that has left the folder and saves the journal.
func (j *Journal) Forget(name string) error {
	if _, ok := j.data.Files[name]; !ok {
		return nil
	}
	old := j.snapshot()
	delete(j.data.Files, name)
	return j.saveOrRestore(old)
}

func (j *Journal) snapshot() journalData {
	c := j.data
	c.Files = make(map[string]*Entry, len(j.data.Files))
	for k, v := range j.data.Files {
		e := *v
		c.Files[k] = &e
	}
	return c
}

// saveOrRestore saves, or puts back the old state if saving failed, so that memory never holds
// an assignment the disk does not.
func (j *Journal) saveOrRestore(old journalData) error {
	if err := j.save(); err != nil {
		j.data = old
		return err
	}
	return nil
}

func (j *Journal) save() error {
	raw, err := json.MarshalIndent(j.data, "", "  ")
	if err != nil {
		return errorf("save journal: %w", "lưu sổ theo dõi: %w", err)
	}
	if err := writeFileAtomic(j.path, raw); err != nil {
		return errorf("save journal: %w", "lưu sổ theo dõi: %w", err)
	}
	return nil
}

// writeFileAtomic replaces path with data: written and synced to a temporary file in the same
// folder first, then renamed over path (which replaces it on Windows too).
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		_ = os.Remove(tmp)
	}
	return err
}
