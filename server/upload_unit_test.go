package server_test

// Unit tests of the upload route's logic (station token, commune check, page number, handing the
// file to the upload service, the answer) with hand-written fakes: no PostgreSQL or MinIO. The
// integration tests against the real services (api_test.go) stay.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/upload"
)

// fakeStore knows one station token and ledgers 4 (commune 00001) and 5 (commune 00002). It
// embeds server.Store without a value: any other call panics and fails the test.
type fakeStore struct {
	server.Store
	tokenHash   []byte
	tokenChecks int
}

func (f *fakeStore) StationByToken(_ context.Context, hash []byte) (domain.Station, error) {
	f.tokenChecks++
	if !bytes.Equal(hash, f.tokenHash) {
		return domain.Station{}, fmt.Errorf("station token: %w", domain.ErrNotFound)
	}
	return domain.Station{Name: "Gia Sàng 1", Communes: []string{"00001"}}, nil
}

func (f *fakeStore) Ledger(_ context.Context, id int64) (domain.Ledger, error) {
	switch id {
	case 4:
		return domain.Ledger{ID: 4, CommuneCode: "00001", Kind: domain.KindBirth}, nil
	case 5:
		return domain.Ledger{ID: 5, CommuneCode: "00002", Kind: domain.KindBirth}, nil
	}
	return domain.Ledger{}, fmt.Errorf("ledger %d: %w", id, domain.ErrNotFound)
}

// fakeUploader records what it was given and answers with one scan.
type fakeUploader struct {
	reqs   []upload.Request
	bodies []string
	err    error
}

func (f *fakeUploader) Upload(_ context.Context, req upload.Request) (upload.Result, error) {
	body, err := io.ReadAll(req.Body)
	if err != nil {
		return upload.Result{}, err
	}
	f.reqs, f.bodies = append(f.reqs, req), append(f.bodies, string(body))
	if f.err != nil {
		return upload.Result{}, f.err
	}
	return upload.Result{Scans: []domain.Scan{{ID: 9, LedgerID: req.LedgerID, Page: req.Page}}, Created: true}, nil
}

func (f *fakeUploader) MaxBytes() int64 { return 1 << 20 }

const token = "sst_unit-test-token"

func newAPI(t *testing.T) (*fakeStore, *fakeUploader, http.Handler) {
	t.Helper()
	st := &fakeStore{tokenHash: auth.HashToken(token)}
	up := &fakeUploader{}
	h := server.New(server.Deps{Logger: slog.New(slog.DiscardHandler), Store: st, Upload: up})
	return st, up, h
}

func postScan(h http.Handler, path, bearer, body string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

func TestUploadHandsTheFileToTheServiceAsTheStation(t *testing.T) {
	_, up, h := newAPI(t)
	w := postScan(h, "/api/v1/ledgers/4/scans?page=12", token, "page bytes")
	if w.Code != http.StatusCreated || w.Header().Get("Location") != "/api/v1/scans/9" {
		t.Fatalf("got %d, Location %q; body %s", w.Code, w.Header().Get("Location"), w.Body)
	}
	if len(up.reqs) != 1 {
		t.Fatalf("uploaded %d times, want once", len(up.reqs))
	}
	if r := up.reqs[0]; r.LedgerID != 4 || r.Page != 12 || r.From != "Gia Sàng 1" || up.bodies[0] != "page bytes" {
		t.Errorf("upload request %+v with body %q", r, up.bodies[0])
	}
}

func TestUploadRefusals(t *testing.T) {
	for _, tc := range []struct {
		name, path, bearer string
		status             int
		tokenChecked       bool
	}{
		{"no token", "/api/v1/ledgers/4/scans?page=1", "", http.StatusUnauthorized, false},
		{"unknown token", "/api/v1/ledgers/4/scans?page=1", "sst_other", http.StatusUnauthorized, true},
		{"another commune's ledger", "/api/v1/ledgers/5/scans?page=1", token, http.StatusForbidden, true},
		{"no such ledger", "/api/v1/ledgers/77/scans?page=1", token, http.StatusNotFound, true},
		{"no page number", "/api/v1/ledgers/4/scans", token, http.StatusUnprocessableEntity, true},
		{"page 0", "/api/v1/ledgers/4/scans?page=0", token, http.StatusUnprocessableEntity, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st, up, h := newAPI(t)
			w := postScan(h, tc.path, tc.bearer, "page bytes")
			if w.Code != tc.status {
				t.Fatalf("got %d, want %d; body %s", w.Code, tc.status, w.Body)
			}
			if len(up.reqs) != 0 {
				t.Fatalf("the file was uploaded: %+v", up.reqs)
			}
			if (st.tokenChecks > 0) != tc.tokenChecked {
				t.Errorf("token looked up %d times", st.tokenChecks)
			}
		})
	}
}

func TestUploadServiceRefusalIsMapped(t *testing.T) {
	_, up, h := newAPI(t)
	up.err = fmt.Errorf("%w: the file is over the limit of 1 MB", domain.ErrTooLarge)
	if w := postScan(h, "/api/v1/ledgers/4/scans?page=1", token, "x"); w.Code != http.StatusRequestEntityTooLarge {
		t.Fatalf("got %d, want 413; body %s", w.Code, w.Body)
	}
}
