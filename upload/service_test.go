package upload_test

import (
	"bytes"
	"context"
	"errors"
	"image"
	"image/png"
	"io"
	"log/slog"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/synth"
	synthphoto "github.com/sohoa/sohoa/synth/photo"
	"github.com/sohoa/sohoa/upload"
)

// fakeStore keeps what an upload commits, in memory.
type fakeStore struct {
	pending   map[string][]string
	committed []domain.Scan
}

func (f *fakeStore) Ledger(_ context.Context, id int64) (domain.Ledger, error) {
	if id != 1 {
		return domain.Ledger{}, domain.ErrNotFound
	}
	return domain.Ledger{ID: 1}, nil
}

func (f *fakeStore) MarkPending(_ context.Context, id string, keys ...string) error {
	f.pending[id] = keys
	return nil
}

func (f *fakeStore) CommitScans(_ context.Context, id string, scans []domain.Scan) ([]domain.Scan, bool, error) {
	delete(f.pending, id)
	for i := range scans {
		scans[i].ID = int64(len(f.committed) + 1)
		f.committed = append(f.committed, scans[i])
	}
	return scans, true, nil
}

// fakeObjects counts the originals written.
type fakeObjects struct{ puts int }

func (f *fakeObjects) PutOriginalSums(_ context.Context, r io.Reader, s storage.Sums) (storage.Original, error) {
	f.puts++
	_, err := io.Copy(io.Discard, r)
	return storage.Original{Key: domain.OriginalKey(s.SHA256), SHA256: s.SHA256, Bytes: s.Bytes}, err
}

func (f *fakeObjects) PutOriginal(_ context.Context, r io.ReadSeeker) (storage.Original, error) {
	f.puts++
	return storage.Original{}, nil
}

func newService() (*upload.Service, *fakeStore, *fakeObjects) {
	st, ob := &fakeStore{pending: map[string][]string{}}, &fakeObjects{}
	return upload.New(st, ob, upload.Config{}, slog.New(slog.DiscardHandler)), st, ob
}

func photoOf(t *testing.T, pages []int, fault string) []byte {
	t.Helper()
	opts := synth.Options{Seed: 51, Layout: synth.LayoutForm, Severity: synth.SeverityLight}
	ps, err := synthphoto.RenderPages(opts, pages)
	if err != nil {
		t.Fatal(err)
	}
	ph, err := synthphoto.Photograph(ps, opts.Seed, 1, fault)
	if err != nil {
		t.Fatal(err)
	}
	data, err := synthphoto.EncodeJPEG(ph.Image)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The three ways an image comes out of an upload: a scan is one page; a photo of an open book
// is two, left N and right N+1, on the same original; a photo to take again stores nothing.
func TestUploadDecidesPagesAndVerdict(t *testing.T) {
	svc, st, ob := newService()
	ctx := context.Background()

	var scan bytes.Buffer
	_ = png.Encode(&scan, image.NewGray(image.Rect(0, 0, 600, 800)))
	res, err := svc.Upload(ctx, upload.Request{LedgerID: 1, Page: 4, From: "test", Body: &scan})
	if err != nil || len(res.Scans) != 1 || res.Scans[0].Page != 4 || res.Scans[0].Side != "" || res.Photo != nil {
		t.Fatalf("scan: got %+v %v, want page 4 alone, not a photo", res.Scans, err)
	}

	res, err = svc.Upload(ctx, upload.Request{LedgerID: 1, Page: 10, From: "test", Body: bytes.NewReader(photoOf(t, []int{0, 1}, ""))})
	if err != nil || len(res.Scans) != 2 {
		t.Fatalf("spread: got %+v %v, want two pages", res.Scans, err)
	}
	l, r := res.Scans[0], res.Scans[1]
	if l.Page != 10 || l.Side != "left" || r.Page != 11 || r.Side != "right" || l.ObjectKey != r.ObjectKey {
		t.Errorf("spread: got %d %q and %d %q, want 10 left and 11 right on one original", l.Page, l.Side, r.Page, r.Side)
	}
	if res.Photo == nil || res.Photo.Verdict.Retake {
		t.Errorf("spread: got verdict %+v, want a good photo", res.Photo)
	}

	before, puts := len(st.committed), ob.puts
	_, err = svc.Upload(ctx, upload.Request{LedgerID: 1, Page: 12, From: "test", Body: bytes.NewReader(photoOf(t, []int{2}, "dark"))})
	var retake *upload.RetakeError
	if !errors.As(err, &retake) || !errors.Is(err, domain.ErrInvalid) || retake.Verdict.Problems[0].Code != "dark" {
		t.Fatalf("dark photo: got %v, want a RetakeError for the dark photo", err)
	}
	if len(st.committed) != before || ob.puts != puts || len(st.pending) != 0 {
		t.Errorf("dark photo: %d scans and %d originals written, want none", len(st.committed)-before, ob.puts-puts)
	}

	if _, err := svc.Upload(ctx, upload.Request{LedgerID: 2, Page: 1, Body: bytes.NewReader(scan.Bytes())}); !errors.Is(err, domain.ErrNotFound) {
		t.Errorf("unknown ledger: got %v, want ErrNotFound", err)
	}
}
