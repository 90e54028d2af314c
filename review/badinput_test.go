package review_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/internal/badinput"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/station"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/upload"
)

// corpus is a server for the hostile-input corpus, with the corpus's upload limit.
type corpus struct {
	*bundle
	sup, clerk *client
}

// TestBadInputCorpus sends every case of internal/badinput's manifest for the API, the browser
// forms and the station client, and checks each answer's status and message, that the service
// stays ready, that nothing is stored for a refused input and that what is accepted is kept.
func TestBadInputCorpus(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	uploads := upload.New(b.store, b.objects, upload.Config{MaxBytes: badinput.MaxUploadBytes}, storagetest.Logger(t))
	b.ui.SetUploader(uploads)
	deps := b.deps
	deps.Upload, deps.MaxUploadBytes = uploads, badinput.MaxUploadBytes
	deps.Uploads = server.UploadLimits{PerMinute: 60_000, Burst: 1000} // the station limits have their own test
	srv := httptest.NewServer(server.New(deps))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	cp := corpus{bundle: b, sup: b.login(t, "giamsat"), clerk: b.login(t, "canbo")}
	run := map[string]func(*testing.T, int, badinput.Case) (int, string){
		"api-upload": cp.apiUpload, "api-ledger": cp.apiLedger, "ui-login": cp.uiLogin,
		"ui-ledger-create": cp.uiLedgerCreate, "ui-ledger-edit": cp.uiLedgerEdit, "ui-confirm": cp.uiConfirm,
		"ui-capture": cp.uiCapture, "station": cp.station,
	}
	cases, err := badinput.Cases(keys(run)...)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			before := cp.stored(t)
			status, body := run[c.Entry](t, i, c)
			if status != c.Want {
				t.Fatalf("%s: got %d %.300s, want %d", c.What, status, body, c.Want)
			}
			cp.checkAnswer(t, c, status, body)
			if after := cp.stored(t); status >= 400 && !after.unchanged(c.Entry, before) {
				t.Errorf("refused, yet stored: before %+v, after %+v", before, after)
			}
			if resp, err := http.Get(b.url + "/readyz"); err != nil || resp.StatusCode != http.StatusOK {
				t.Fatalf("after the case /readyz: %v %v", resp, err)
			}
		})
	}
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// vietnamese finds a letter only Vietnamese uses: a refusal must say why in Vietnamese.
var vietnamese = regexp.MustCompile(`[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]`)

// internalsLeak are texts of the database, the object store or Go that must never reach a user.
var internalsLeak = regexp.MustCompile(`(?i)sqlstate|pgx|minio|goroutine|panic|runtime error|/tmp/|\.go:\d`)

// checkAnswer: a refusal explains itself in Vietnamese and internalsLeak nothing; no answer carries the
// hostile markup unescaped.
func (cp corpus) checkAnswer(t *testing.T, c badinput.Case, status int, body string) {
	t.Helper()
	if internalsLeak.MatchString(body) {
		t.Errorf("the answer internalsLeak internals: %.300s", body)
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
		t.Errorf("the answer carries the hostile markup unescaped: %.300s", body)
	}
	if status >= 400 && status != http.StatusNotFound && !vietnamese.MatchString(body) {
		t.Errorf("refusal %d without a Vietnamese message: %.300s", status, body)
	}
}

// holdings are the counts that must not change when an input is refused.
type holdings struct{ ledgers, scans, confirmed, audit, sessions, objects int }

// unchanged compares what the entry point may store: a refused login is audited, and a review
// form's entry was seeded (a scan) before the case.
func (h holdings) unchanged(entry string, o holdings) bool {
	switch entry {
	case "ui-login":
		h.audit, o.audit = 0, 0
	case "ui-confirm": // the entry's page is seeded and leased during the case; uiConfirm checks the entry
		h.scans, o.scans, h.objects, o.objects, h.audit, o.audit = 0, 0, 0, 0, 0, 0
	}
	return h == o
}

func (cp corpus) stored(t *testing.T) holdings {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, cp.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var h holdings
	err = conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM ledgers), (SELECT count(*) FROM scans),
		(SELECT count(*) FROM records WHERE status <> 'pending'), (SELECT count(*) FROM audit_events),
		(SELECT count(*) FROM sessions)`).Scan(&h.ledgers, &h.scans, &h.confirmed, &h.audit, &h.sessions)
	if err != nil {
		t.Fatal(err)
	}
	objs, err := cp.objects.List(ctx, "originals/")
	if err != nil {
		t.Fatal(err)
	}
	h.objects = len(objs)
	return h
}

// send posts body and returns the status and the answer's text.
func send(t *testing.T, hc *http.Client, method, u, contentType string, body []byte, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, u, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// fileBody is a case's file as a request body: multipart when it has a file name (or when
// always is set), else as it is.
func fileBody(in badinput.Input, always bool) (contentType string, body []byte) {
	if in.FileName == "" && (!always || strings.HasPrefix(in.ContentType, "multipart/")) {
		return cmpOr(in.ContentType, "application/octet-stream"), in.Body
	}
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, _ := mw.CreateFormFile("file", cmpOr(in.FileName, "trang.jpg"))
	_, _ = fw.Write(in.Body)
	_ = mw.Close()
	return mw.FormDataContentType(), buf.Bytes()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func pageQuery(in badinput.Input, i int) string {
	return cmpOr(in.Query, fmt.Sprintf("page=%d", i+1))
}

func (cp corpus) apiUpload(t *testing.T, i int, c badinput.Case) (int, string) {
	ct, body := fileBody(c.In, false)
	u := fmt.Sprintf("%s/api/v1/ledgers/%d/scans?%s", cp.url, cp.ledger.ID, pageQuery(c.In, i))
	status, text := send(t, http.DefaultClient, "POST", u, ct, body, http.Header{"Authorization": {"Bearer " + cp.token}})
	if status < 300 {
		cp.checkKept(t, text, c.In.Body)
	}
	return status, text
}

// checkKept: an accepted upload's original is in the object store byte for byte.
func (cp corpus) checkKept(t *testing.T, answer string, want []byte) {
	t.Helper()
	var got struct {
		SHA256 string `json:"sha256"`
	}
	if err := json.Unmarshal([]byte(answer), &got); err != nil || got.SHA256 == "" {
		t.Fatalf("accepted upload: answer %.200s: %v", answer, err)
	}
	if kept := storagetest.ReadAll(t, cp.objects, "originals/"+got.SHA256); !bytes.Equal(kept, want) {
		t.Errorf("accepted upload: the stored original (%d bytes) differs from what was sent (%d)", len(kept), len(want))
	}
}

func (cp corpus) apiLedger(t *testing.T, _ int, c badinput.Case) (int, string) {
	return send(t, http.DefaultClient, "POST", cp.url+"/api/v1/ledgers", c.In.ContentType, c.In.Body,
		http.Header{"Authorization": {"Bearer " + cp.token}})
}

// postForm sends a case's form (merged over base) or its raw body as a browser would.
func postForm(t *testing.T, cl *client, path string, base url.Values, in badinput.Input) (int, string) {
	if in.Body != nil {
		return send(t, cl.http, "POST", cl.base+path, in.ContentType, in.Body, nil)
	}
	form := url.Values{}
	for k, v := range base {
		form[k] = v
	}
	for k, v := range in.Form {
		form[k] = v
	}
	return send(t, cl.http, "POST", cl.base+path, "application/x-www-form-urlencoded", []byte(form.Encode()), nil)
}

func (cp corpus) uiLogin(t *testing.T, _ int, c badinput.Case) (int, string) {
	return postForm(t, cp.client(t), "/login", nil, c.In)
}

func goodLedger(i int) url.Values {
	return url.Values{"commune_code": {"05461"}, "commune": {"Phường Gia Sàng (05461)"}, "kind": {"khai-sinh"},
		"book": {fmt.Sprintf("B%d", i)}, "year_from": {"1990"}, "year_to": {"1995"}, "expected_entries": {"100"}}
}

func (cp corpus) uiLedgerCreate(t *testing.T, i int, c badinput.Case) (int, string) {
	status, body := postForm(t, cp.sup, "/ledgers", goodLedger(i), c.In)
	if status < 400 {
		cp.checkShown(t, cp.sup, "/ledgers")
	}
	return status, body
}

func (cp corpus) uiLedgerEdit(t *testing.T, i int, c badinput.Case) (int, string) {
	path := fmt.Sprintf("/ledgers/%d", cp.other.ID)
	status, body := postForm(t, cp.sup, path, goodLedger(i), c.In)
	if status < 400 {
		cp.checkShown(t, cp.sup, "/ledgers")
	}
	return status, body
}

// checkShown: an accepted hostile value is shown escaped, in NFC, without invisible characters.
func (cp corpus) checkShown(t *testing.T, cl *client, path string) {
	t.Helper()
	_, page := cl.get(path)
	if strings.Contains(page, "<script>alert") {
		t.Errorf("%s shows the hostile markup unescaped", path)
	}
	if !norm.NFC.IsNormalString(page) {
		t.Errorf("%s is not NFC after the value was saved", path)
	}
	if strings.ContainsAny(page, "\u200b\ufeff\x00\x1b") {
		t.Errorf("%s shows zero-width or control characters", path)
	}
}

func (cp corpus) uiConfirm(t *testing.T, _ int, c badinput.Case) (int, string) {
	cp.seed(t, cp.ledger, 1)
	id := cp.clerk.next()
	if id == 0 {
		t.Fatal("no entry to review")
	}
	path := fmt.Sprintf("/review/records/%d/confirm", id)
	status, body := postForm(t, cp.clerk, path, confirmForm(0, 1), c.In)
	if status < 400 {
		cp.checkShown(t, cp.clerk, fmt.Sprintf("/review/records/%d", id))
		return status, body
	}
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, cp.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var st string
	var version int
	if err := conn.QueryRow(ctx, `SELECT status, version FROM records WHERE id = $1`, id).Scan(&st, &version); err != nil {
		t.Fatal(err)
	}
	if st != "pending" || version != 1 {
		t.Errorf("refused, yet the entry is %s at version %d, want pending at 1", st, version)
	}
	cp.clerk.post(fmt.Sprintf("/review/records/%d/release", id), url.Values{"version": {"1"}})
	return status, body
}

func (cp corpus) uiCapture(t *testing.T, i int, c badinput.Case) (int, string) {
	ct, body := fileBody(c.In, true)
	u := fmt.Sprintf("%s/capture/ledgers/%d/photos?%s", cp.url, cp.ledger.ID, pageQuery(c.In, i+500))
	return send(t, cp.clerk.http, "POST", u, ct, body, nil)
}

// station uploads the case's file with the station client; an answer other than success comes
// back as a *station.APIError, whose Vietnamese message is what the station shows.
func (cp corpus) station(t *testing.T, i int, c badinput.Case) (int, string) {
	cl, err := station.NewClient(cp.url, cp.token, cp.ledger.ID, nil)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), fmt.Sprintf("trang-%04d.bin", i+1000))
	if err := os.WriteFile(path, c.In.Body, 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := cl.Upload(context.Background(), path, i+1000)
	var apiErr *station.APIError
	switch {
	case errors.As(err, &apiErr):
		return apiErr.Status, apiErr.MessageVI
	case err != nil:
		t.Fatalf("station upload: %v", err)
	}
	return r.HTTPStatus, ""
}
