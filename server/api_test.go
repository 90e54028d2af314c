package server_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
)

type bundle struct {
	url     string
	token   string
	store   *storage.Store
	objects *storage.Objects
	ledger  int64
}

func setup(t *testing.T, opts ...func(*server.Deps)) bundle {
	t.Helper()
	b := bundle{store: storagetest.Store(t), objects: storagetest.Objects(t)}
	deps := server.Deps{Logger: storagetest.Logger(t), Store: b.store, Objects: b.objects}
	for _, o := range opts {
		o(&deps)
	}
	srv := httptest.NewServer(server.New(deps))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	token, hash := auth.NewStationToken()
	if err := b.store.CreateStationToken(context.Background(), "test station", hash, "05461"); err != nil {
		t.Fatal(err)
	}
	b.token = token
	var l struct{ ID int64 }
	b.do(t, "POST", "/api/v1/ledgers", "application/json",
		strings.NewReader(`{"commune_code":"05461","kind":"khai-sinh","book":"01","year_from":1990,"year_to":1995,"expected_entries":1200,"expected_pages":400}`),
		http.StatusCreated, &l)
	b.ledger = l.ID
	return b
}

// do sends a request with the station token and checks the status; out, when not nil, gets the JSON body.
func (b bundle) do(t *testing.T, method, path, contentType string, body io.Reader, want int, out any) http.Header {
	t.Helper()
	req, err := http.NewRequest(method, b.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	req.Header.Set("Authorization", "Bearer "+b.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: got %d %s, want %d", method, path, resp.StatusCode, raw, want)
	}
	if out != nil {
		if err := json.Unmarshal(raw, out); err != nil {
			t.Fatalf("%s %s: %v in %s", method, path, err, raw)
		}
	}
	return resp.Header
}

type uploaded struct {
	ID        int64  `json:"id"`
	Page      int    `json:"page"`
	Version   int    `json:"version"`
	Status    string `json:"status"`
	StatusURL string `json:"status_url"`
	SHA256    string `json:"sha256"`
	Created   bool   `json:"created"`
	Scans     []struct {
		ID   int64 `json:"id"`
		Page int   `json:"page"`
	} `json:"scans"`
}

func (b bundle) upload(t *testing.T, page int, data []byte, want int) uploaded {
	t.Helper()
	var u uploaded
	b.do(t, "POST", fmt.Sprintf("/api/v1/ledgers/%d/scans?page=%d", b.ledger, page), "application/octet-stream", bytes.NewReader(data), want, &u)
	return u
}

func TestUploadIsIdempotent(t *testing.T) {
	t.Parallel()
	b := setup(t)
	data := jpegBytes(t, 620, 877, 1)
	first := b.upload(t, 1, data, http.StatusCreated)
	if !first.Created || first.Status != "uploaded" || first.StatusURL != fmt.Sprintf("/api/v1/scans/%d", first.ID) {
		t.Fatalf("got %+v, want a created, uploaded scan with its status URL", first)
	}
	again := b.upload(t, 1, data, http.StatusOK)
	if again.ID != first.ID || again.Created {
		t.Fatalf("re-sent: got scan %d created=%v, want the existing %d", again.ID, again.Created, first.ID)
	}
	var shown struct {
		ID       int64  `json:"id"`
		LedgerID int64  `json:"ledger_id"`
		Page     int    `json:"page"`
		SHA256   string `json:"sha256"`
		Status   string `json:"status"`
		Error    string `json:"error"`
		Records  *int   `json:"records"`
	}
	b.do(t, "GET", first.StatusURL, "", nil, http.StatusOK, &shown)
	if shown.ID != first.ID || shown.LedgerID != b.ledger || shown.Page != 1 || shown.SHA256 != first.SHA256 || shown.Records == nil {
		t.Fatalf("got %+v, want the scan's id, ledger_id, page, sha256, status, error, records", shown)
	}
	got := storagetest.ReadAll(t, b.objects, domain.OriginalKey(first.SHA256))
	if !bytes.Equal(got, data) {
		t.Fatal("the stored original differs from the upload")
	}
}

func TestUploadOfChangedPageIsANewVersion(t *testing.T) {
	t.Parallel()
	b := setup(t)
	v1 := b.upload(t, 3, pngBytes(t, 500, 700, 1), http.StatusCreated)
	v2 := b.upload(t, 3, pngBytes(t, 500, 700, 2), http.StatusCreated)
	if v2.ID == v1.ID || v1.Version != 1 || v2.Version != 2 {
		t.Fatalf("got v1 %+v and v2 %+v, want two scans, versions 1 and 2", v1, v2)
	}
	b.do(t, "GET", v1.StatusURL, "", nil, http.StatusOK, nil) // the old version is kept
	storagetest.ReadAll(t, b.objects, domain.OriginalKey(v1.SHA256))
}

func TestMultipartUpload(t *testing.T) {
	t.Parallel()
	b := setup(t)
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	_ = mw.WriteField("note", "ignored")
	fw, _ := mw.CreateFormFile("file", "trang-0009.png")
	_, _ = fw.Write(pngBytes(t, 500, 700, 9))
	mw.Close()
	var u uploaded
	b.do(t, "POST", fmt.Sprintf("/api/v1/ledgers/%d/scans?page=9", b.ledger), mw.FormDataContentType(), &body, http.StatusCreated, &u)
	if u.Page != 9 {
		t.Fatalf("got page %d, want 9", u.Page)
	}
}

func TestMultiPageFilesBecomeOneScanPerPage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		data  func(t *testing.T) []byte
		pages int
	}{
		{"tiff", func(t *testing.T) []byte { return multiTIFF(t, 3) }, 3},
		{"pdf", func(t *testing.T) []byte { return scannerPDF(t, 2) }, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			b := setup(t)
			data := tc.data(t)
			u := b.upload(t, 5, data, http.StatusCreated)
			if len(u.Scans) != tc.pages {
				t.Fatalf("got %d scans, want %d", len(u.Scans), tc.pages)
			}
			for i, s := range u.Scans {
				if s.Page != 5+i {
					t.Errorf("scan %d: got page %d, want %d", i, s.Page, 5+i)
				}
				sc, err := b.store.Scan(context.Background(), s.ID)
				if err != nil {
					t.Fatal(err)
				}
				if sc.SourceKey == "" || sc.SourceIndex != i || sc.Width == 0 {
					t.Errorf("scan %d: got source %q index %d width %d, want the uploaded file's key, index %d and a size", i, sc.SourceKey, sc.SourceIndex, sc.Width, i)
				}
				storagetest.ReadAll(t, b.objects, sc.ObjectKey)
				if i == 0 && !bytes.Equal(storagetest.ReadAll(t, b.objects, sc.SourceKey), data) {
					t.Error("the multi-page file is not stored as uploaded")
				}
			}
			again := b.upload(t, 5, data, http.StatusOK)
			if again.Created || again.Scans[tc.pages-1].ID != u.Scans[tc.pages-1].ID {
				t.Fatalf("re-sent: got %+v, want the same scans", again)
			}
			var ledger struct {
				Progress domain.LedgerProgress `json:"progress"`
			}
			b.do(t, "GET", fmt.Sprintf("/api/v1/ledgers/%d", b.ledger), "", nil, http.StatusOK, &ledger)
			if ledger.Progress.PagesUploaded != tc.pages || ledger.Progress.PagesExpected != 400 {
				t.Fatalf("got progress %+v, want %d of 400 pages", ledger.Progress, tc.pages)
			}
		})
	}
}

func TestUploadErrors(t *testing.T) {
	t.Parallel()
	b := setup(t, func(d *server.Deps) { d.MaxUploadBytes = 2 << 20 })
	big := make([]byte, 3<<20)
	copy(big, pngBytes(t, 100, 100, 0))
	tests := []struct {
		name, path, token string
		body              []byte
		want              int
	}{
		{"too large", "?page=1", "", big, http.StatusRequestEntityTooLarge},
		{"pixel bomb", "?page=1", "", bombPNG(), http.StatusUnprocessableEntity},
		{"unknown type", "?page=1", "", []byte("Họ và tên: Nguyễn Văn A\n"), http.StatusUnsupportedMediaType},
		{"corrupt png", "?page=1", "", pngBytes(t, 300, 400, 1)[:40], http.StatusUnprocessableEntity},
		{"tiny image", "?page=1", "", pngBytes(t, 1, 1, 0), http.StatusUnprocessableEntity},
		{"empty body", "?page=1", "", nil, http.StatusUnprocessableEntity},
		{"missing page", "", "", pngBytes(t, 300, 400, 1), http.StatusUnprocessableEntity},
		{"page zero", "?page=0", "", pngBytes(t, 300, 400, 1), http.StatusUnprocessableEntity},
		{"bad token", "?page=1", "sst_nottoken", pngBytes(t, 300, 400, 1), http.StatusUnauthorized},
		{"no token", "?page=1", "-", pngBytes(t, 300, 400, 1), http.StatusUnauthorized},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/ledgers/%d/scans%s", b.url, b.ledger, tc.path), bytes.NewReader(tc.body))
			switch tc.token {
			case "":
				req.Header.Set("Authorization", "Bearer "+b.token)
			case "-":
			default:
				req.Header.Set("Authorization", "Bearer "+tc.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct{ Error string }
			_ = json.NewDecoder(resp.Body).Decode(&e)
			if resp.StatusCode != tc.want || e.Error == "" {
				t.Fatalf("got %d %q, want %d with a message", resp.StatusCode, e.Error, tc.want)
			}
		})
	}
	t.Run("unknown ledger", func(t *testing.T) {
		b.do(t, "POST", "/api/v1/ledgers/999999/scans?page=1", "", bytes.NewReader(pngBytes(t, 300, 400, 1)), http.StatusNotFound, nil)
	})
	p, err := b.store.LedgerProgress(context.Background(), b.ledger)
	if err != nil || p.PagesUploaded != 0 {
		t.Fatalf("after refused uploads: got %d pages (%v), want none", p.PagesUploaded, err)
	}
}

func TestLedgerValidation(t *testing.T) {
	t.Parallel()
	b := setup(t)
	for _, body := range []string{
		`{"commune_code":"99999","kind":"khai-sinh","year_from":1990,"year_to":1995}`,
		`{"commune_code":"05461","kind":"khai-sinh-x","year_from":1990,"year_to":1995}`,
		`{"commune_code":"05461","kind":"ket-hon","year_from":1995,"year_to":1990}`,
		`{"commune_code":"05461","kind":"ket-hon","year_from":1990,"year_to":1995,"colour":"red"}`,
		`not json`,
	} {
		b.do(t, "POST", "/api/v1/ledgers", "application/json", strings.NewReader(body), http.StatusUnprocessableEntity, nil)
	}
	var list struct{ Ledgers []domain.Ledger }
	b.do(t, "GET", "/api/v1/ledgers", "", nil, http.StatusOK, &list)
	if len(list.Ledgers) != 1 || list.Ledgers[0].CommuneCode != "05461" {
		t.Fatalf("got %+v, want the one valid ledger", list.Ledgers)
	}
	b.do(t, "GET", "/api/v1/ledgers/424242", "", nil, http.StatusNotFound, nil)
	b.do(t, "GET", "/api/v1/nothing", "", nil, http.StatusNotFound, nil)
}

func TestUnavailableStoreIs503AndWritesNothing(t *testing.T) {
	t.Parallel()
	b := setup(t)
	down, err := storage.OpenObjects(config.S3{Endpoint: "127.0.0.1:1", AccessKey: "a", SecretKey: "b", Bucket: "sohoa", Region: config.DefaultRegion})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(server.New(server.Deps{Logger: storagetest.Logger(t), Store: b.store, Objects: down}))
	defer srv.Close()
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/ledgers/%d/scans?page=1", srv.URL, b.ledger), bytes.NewReader(pngBytes(t, 300, 400, 1)))
	req.Header.Set("Authorization", "Bearer "+b.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("got %d Retry-After %q, want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if p, _ := b.store.LedgerProgress(context.Background(), b.ledger); p.PagesUploaded != 0 {
		t.Fatalf("got %d scans after a failed store write, want none", p.PagesUploaded)
	}
}
