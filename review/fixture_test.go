package review_test

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/png"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/auth/authtest"
	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/upload"
)

// bundle is a running sohoa HTTP server on real PostgreSQL and MinIO, with accounts and entries.
type bundle struct {
	url        string
	dbURL      string
	store      *storage.Store
	objects    *storage.Objects
	ledger     domain.Ledger // in commune 05461 (Phường Gia Sàng)
	other      domain.Ledger // in commune 05464
	password   string
	token      string // a station token for commune 05461
	tokenOther string // a station token for commune 05464
	deps       server.Deps
	ui         *review.UI
}

// engine is the keying-assistance reference data, loaded once for all tests.
var engine = sync.OnceValues(func() (*complete.Engine, error) { return complete.New(nil) })

const testPassword = "mật-khẩu-thử"

func setup(t testing.TB, cfg review.Config) *bundle {
	t.Helper()
	ctx := context.Background()
	b := &bundle{objects: storagetest.Objects(t), password: testPassword}
	b.store, b.dbURL = storagetest.StoreURL(t)
	v, err := review.NewFieldValidator()
	if err != nil {
		t.Fatal(err)
	}
	ui, err := review.New(b.store, b.objects, v, storagetest.Logger(t), cfg)
	if err != nil {
		t.Fatal(err)
	}
	e, err := engine()
	if err != nil {
		t.Fatal(err)
	}
	ui.UseCompleter(e.With(b.store))
	b.ui = ui
	uploads := upload.New(b.store, b.objects, upload.Config{}, storagetest.Logger(t))
	ui.SetUploader(uploads)
	b.deps = server.Deps{Logger: storagetest.Logger(t), Store: b.store, Objects: b.objects, UI: ui, Upload: uploads}
	srv := httptest.NewServer(server.New(b.deps))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	hash := authtest.QuickHash(t, testPassword) // logins are setup here; auth tests check the real cost
	for _, u := range []domain.User{
		{Username: "canbo", DisplayName: "Nguyễn Thị Lan", Role: domain.RoleClerk, Communes: []string{"05461"}},
		{Username: "canbo-khac", DisplayName: "Trần Văn Bình", Role: domain.RoleClerk, Communes: []string{"05464"}},
		{Username: "giamsat", DisplayName: "Lê Văn Sơn", Role: domain.RoleProvince},
		{Username: "giamsat-xa", DisplayName: "Đỗ Thị Mai", Role: domain.RoleSupervisor, Communes: []string{"05461"}},
		{Username: "giamsat-khac", DisplayName: "Vũ Văn Nam", Role: domain.RoleSupervisor, Communes: []string{"05464"}},
		{Username: "nan-nhan", DisplayName: "Tài khoản thử", Role: domain.RoleClerk, Communes: []string{"05464"}},
		{Username: "quantri", DisplayName: "Phạm Minh", Role: domain.RoleAdmin},
		{Username: "chupanh", DisplayName: "Ngô Văn Ảnh", Role: domain.RoleCapture, Communes: []string{"05461"}},
		{Username: "chupanh-khac", DisplayName: "Lý Thị Hình", Role: domain.RoleCapture, Communes: []string{"05464"}},
	} {
		if err := b.store.CreateUser(ctx, &u, hash, "test"); err != nil {
			t.Fatal(err)
		}
	}
	token, th := auth.NewStationToken()
	if err := b.store.CreateStationToken(ctx, "trạm thử", th, "05461"); err != nil {
		t.Fatal(err)
	}
	b.token = token
	other, oh := auth.NewStationToken()
	if err := b.store.CreateStationToken(ctx, "trạm xã khác", oh, "05464"); err != nil {
		t.Fatal(err)
	}
	b.tokenOther = other
	b.ledger = domain.Ledger{CommuneCode: "05461", Kind: domain.KindBirth, Book: "01", YearFrom: 1990, YearTo: 1995, ExpectedEntries: 100}
	b.other = domain.Ledger{CommuneCode: "05464", Kind: domain.KindBirth, Book: "02", YearFrom: 1990, YearTo: 1995}
	for _, l := range []*domain.Ledger{&b.ledger, &b.other} {
		if err := b.store.CreateLedger(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// birthValues are the fields of a correctly read birth entry.
func birthValues(i int) map[string]string {
	return map[string]string{
		"entry_no": strconv.Itoa(i + 1), "full_name": "Ma Quang Quân", "sex": "Nam", "birth_date": "1996-06-08",
		"birth_date_in_words": "1996-06-08", "birth_place": "Trạm y tế xã Gia Sàng", "ethnicity": "Tày",
		"nationality": "Việt Nam", "father_name": "Ma Văn Hùng", "mother_name": "Hoàng Thị Hoa", "registration_date": "1996-06-20",
	}
}

// seed adds n entries on one page of the ledger, with confidences 0.5, 0.6, … so the queue order is known.
func (b *bundle) seed(t testing.TB, ledger domain.Ledger, n int) []int64 {
	t.Helper()
	ctx := context.Background()
	img := image.NewGray(image.Rect(0, 0, 1240, 1754))
	for i := range img.Pix {
		img.Pix[i] = 240
	}
	var buf bytes.Buffer
	_ = png.Encode(&buf, img)
	// A different page number each call makes the content differ by ledger and call.
	page := int(time.Now().UnixNano()%100000) + 1
	orig, err := b.objects.PutOriginal(ctx, bytes.NewReader(append(buf.Bytes(), []byte(fmt.Sprint(page, ledger.ID))...)))
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	err = b.store.InTx(ctx, func(ctx context.Context, tx *storage.Tx) error {
		sc := &domain.Scan{LedgerID: ledger.ID, Page: page, SHA256: orig.SHA256, ObjectKey: orig.Key, Bytes: orig.Bytes,
			ContentType: "image/png", Width: 1240, Height: 1754}
		if err := tx.InsertScan(ctx, sc); err != nil {
			return err
		}
		for i := range n {
			r := &domain.Record{ScanID: sc.ID, Index: i, Kind: domain.KindBirth, Confidence: 0.5 + 0.4*float64(i)/float64(max(n, 1)),
				Box: &domain.Box{60, 100 + i*500, 1180, 560 + i*500}}
			vals := birthValues(i)
			for pos, name := range domain.KindBirth.Fields() {
				r.Fields = append(r.Fields, domain.Field{Name: name, Position: pos, OCRText: vals[name], Value: vals[name],
					Confidence: 0.9, Box: &domain.Box{400, 110 + i*500 + pos*40, 1100, 140 + i*500 + pos*40}})
			}
			if err := tx.InsertRecord(ctx, r); err != nil {
				return err
			}
			ids = append(ids, r.ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

// client is a browser-like HTTP client that keeps cookies and does not follow redirects.
type client struct {
	t    testing.TB
	base string
	http *http.Client
}

func (b *bundle) client(t testing.TB) *client {
	jar, _ := cookiejar.New(nil)
	return &client{t: t, base: b.url, http: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
}

func (b *bundle) login(t testing.TB, username string) *client {
	t.Helper()
	c := b.client(t)
	resp := c.post("/login", url.Values{"username": {username}, "password": {b.password}})
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login %s: got %d, want 303", username, resp.StatusCode)
	}
	return c
}

func (c *client) get(path string) (*http.Response, string) {
	c.t.Helper()
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func (c *client) post(path string, form url.Values) *http.Response {
	c.t.Helper()
	resp, err := c.http.PostForm(c.base+path, form)
	if err != nil {
		c.t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

// next takes the next entry and returns its id, or 0 when the queue is empty.
func (c *client) next() int64 {
	c.t.Helper()
	return recordFrom(c.t, c.post("/review/next", nil))
}

func recordFrom(t testing.TB, resp *http.Response) int64 {
	t.Helper()
	loc := resp.Header.Get("Location")
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("got %d, want 303", resp.StatusCode)
	}
	if !strings.HasPrefix(loc, "/review/records/") {
		return 0
	}
	loc, _, _ = strings.Cut(loc, "?")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/review/records/"), 10, 64)
	if err != nil {
		t.Fatalf("bad Location %q", loc)
	}
	return id
}

// confirmForm is the review form of a fresh entry submitted as shown.
func confirmForm(i int, version int) url.Values {
	f := url.Values{"version": {strconv.Itoa(version)}}
	for k, v := range birthValues(i) {
		f.Set("f."+k, v)
	}
	return f
}

// bulkSeed adds n entries to one scan of the ledger straight in SQL (for the load tests), each
// with the fields of birthValues(0) and a random confidence.
func (b *bundle) bulkSeed(t testing.TB, ledger domain.Ledger, n int) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var scanID int64
	sum := fmt.Sprintf("%064x", time.Now().UnixNano())
	err = conn.QueryRow(ctx, `INSERT INTO scans (ledger_id, page, sha256, object_key, bytes, content_type, width, height, status)
		VALUES ($1, $2, $3, 'originals/'||$3, 1, 'image/png', 1240, 1754, 'in_review') RETURNING id`,
		ledger.ID, int(time.Now().UnixNano()%1_000_000)+1, sum).Scan(&scanID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO records (scan_id, idx, kind, confidence, box)
		SELECT $1, g, 'khai-sinh', random(), '{60,100,1180,560}' FROM generate_series(0, $2 - 1) g`, scanID, n); err != nil {
		t.Fatal(err)
	}
	vals := birthValues(0)
	for pos, name := range domain.KindBirth.Fields() {
		if _, err := conn.Exec(ctx, `INSERT INTO fields (record_id, name, position, ocr_text, value, confidence, box)
			SELECT id, $2, $3, $4, $4, 0.9, '{400,110,1100,140}' FROM records WHERE scan_id = $1`, scanID, name, pos, vals[name]); err != nil {
			t.Fatal(err)
		}
	}
}
