package server_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// call sends a request with a token and returns the status and body.
func call(t *testing.T, base, token, method, path, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, base+path, strings.NewReader(body))
	if body != "" && body[0] == '{' {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestStationTokensAreScoped: a token of commune A gets 403 on commune B's ledgers and scans,
// cannot register a ledger in B, and lists A's ledgers only; a token without communes (made
// before tokens had them) is refused until an admin gives it some.
func TestStationTokensAreScoped(t *testing.T) {
	t.Parallel()
	b := setup(t) // its token and ledger are in 05461
	ctx := context.Background()
	other, hash := auth.NewStationToken()
	if err := b.store.CreateStationToken(ctx, "trạm xã khác", hash, "05464"); err != nil {
		t.Fatal(err)
	}
	sc := b.upload(t, 1, jpegBytes(t, 620, 877, 3), http.StatusCreated)
	for _, tc := range []struct{ method, path, body string }{
		{"GET", fmt.Sprintf("/api/v1/ledgers/%d", b.ledger), ""},
		{"POST", fmt.Sprintf("/api/v1/ledgers/%d/scans?page=2", b.ledger), "not even a picture"},
		{"GET", fmt.Sprintf("/api/v1/scans/%d", sc.ID), ""},
		{"POST", "/api/v1/ledgers", `{"commune_code":"05461","kind":"khai-tu","book":"9","year_from":1990,"year_to":1991}`},
	} {
		if status, body := call(t, b.url, other, tc.method, tc.path, tc.body); status != http.StatusForbidden {
			t.Errorf("%s %s with commune 05464's token: got %d %s, want 403", tc.method, tc.path, status, body)
		}
	}
	status, body := call(t, b.url, other, "GET", "/api/v1/ledgers", "")
	if status != http.StatusOK || strings.Contains(body, `"commune_code":"05461"`) {
		t.Errorf("list with commune 05464's token: got %d %s, want no ledger of 05461", status, body)
	}

	old, oh := auth.NewStationToken()
	if err := b.store.CreateStationToken(ctx, "trạm cũ", oh); err != nil {
		t.Fatal(err)
	}
	status, body = call(t, b.url, old, "GET", "/api/v1/ledgers", "")
	if status != http.StatusForbidden || !strings.Contains(body, "sohoa token scope") {
		t.Errorf("a token without communes: got %d %s, want 403 naming sohoa token scope", status, body)
	}
	if _, err := b.store.ScopeStationTokens(ctx, "test", "trạm cũ", []string{"05461"}); err != nil {
		t.Fatal(err)
	}
	if status, body = call(t, b.url, old, "GET", fmt.Sprintf("/api/v1/ledgers/%d", b.ledger), ""); status != http.StatusOK {
		t.Errorf("the same token once scoped: got %d %s, want 200", status, body)
	}
}

// TestDuplicateLedgerAnswersPlainly: registering a ledger twice answers 409 with "Sổ này đã có: …"
// and the existing ledger's id, and no database text; no error answer carries driver text.
func TestDuplicateLedgerAnswersPlainly(t *testing.T) {
	t.Parallel()
	b := setup(t)
	dup := `{"commune_code":"05461","kind":"khai-sinh","book":"01","year_from":1990,"year_to":1995}`
	status, body := call(t, b.url, b.token, "POST", "/api/v1/ledgers", dup)
	var e struct {
		Error, ErrorVI string
		LedgerID       int64 `json:"ledger_id"`
	}
	_ = json.Unmarshal([]byte(body), &struct {
		Error    *string `json:"error"`
		ErrorVI  *string `json:"error_vi"`
		LedgerID *int64  `json:"ledger_id"`
	}{&e.Error, &e.ErrorVI, &e.LedgerID})
	if status != http.StatusConflict || !strings.HasPrefix(e.ErrorVI, "Sổ này đã có: ") || e.LedgerID != b.ledger || e.Error == "" {
		t.Errorf("duplicate ledger: got %d %s, want 409, error_vi \"Sổ này đã có: …\" and ledger_id %d", status, body, b.ledger)
	}
	for _, path := range []string{"/api/v1/ledgers/987654", "/api/v1/scans/987654"} {
		status, body := call(t, b.url, b.token, "GET", path, "")
		if status != http.StatusNotFound {
			t.Errorf("%s: got %d, want 404", path, status)
		}
		bodies := []string{body}
		for _, s := range bodies {
			if strings.Contains(s, "SQLSTATE") || strings.Contains(s, "no rows") || strings.Contains(s, "ledgers_commune") || strings.Contains(s, "\\n") {
				t.Errorf("%s: the answer carries driver text or a newline: %s", path, s)
			}
		}
	}
	if strings.Contains(body, "SQLSTATE") || strings.Contains(body, "unique constraint") {
		t.Errorf("duplicate ledger answer carries driver text: %s", body)
	}
}

// TestUploadsAreLimitedPerStation: over its burst a station is told to come back later (429 with
// Retry-After); another station is not held up.
func TestUploadsAreLimitedPerStation(t *testing.T) {
	t.Parallel()
	b := setup(t, func(d *server.Deps) { d.Uploads = server.UploadLimits{Burst: 2, PerMinute: 0.01} })
	for page := 1; page <= 2; page++ {
		b.upload(t, page, jpegBytes(t, 620, 877, page), http.StatusCreated)
	}
	req, _ := http.NewRequest("POST", fmt.Sprintf("%s/api/v1/ledgers/%d/scans?page=3", b.url, b.ledger), strings.NewReader("x"))
	req.Header.Set("Authorization", "Bearer "+b.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
		t.Errorf("third upload over a burst of 2: got %d Retry-After %q, want 429 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	other, hash := auth.NewStationToken()
	if err := b.store.CreateStationToken(context.Background(), "trạm 2", hash, "05461"); err != nil {
		t.Fatal(err)
	}
	b.token = other
	b.upload(t, 4, jpegBytes(t, 620, 877, 4), http.StatusCreated)
}

// TestMetricsAreNotPublic: /metrics on the public handler needs the metrics token.
func TestMetricsAreNotPublic(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		token, send string
		want        int
	}{{"", "", 404}, {"", "guess", 404}, {"a-long-metrics-token", "", 401}, {"a-long-metrics-token", "wrong", 401}, {"a-long-metrics-token", "a-long-metrics-token", 200}} {
		h := server.New(server.Deps{Logger: slog.New(slog.DiscardHandler), MetricsToken: tc.token,
			Database: pinger(nil), ObjectStore: pinger(nil)})
		req := httptest.NewRequest("GET", "/metrics", nil)
		if tc.send != "" {
			req.Header.Set("Authorization", "Bearer "+tc.send)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != tc.want {
			t.Errorf("token %q, sent %q: got %d, want %d", tc.token, tc.send, rec.Code, tc.want)
		}
	}
}

type pinger func(ctx context.Context) error

func (p pinger) Ping(ctx context.Context) error {
	if p == nil {
		return nil
	}
	return p(ctx)
}

// TestReadyzShowsNoProbeErrors: not ready names the dependency, never its error text.
func TestReadyzShowsNoProbeErrors(t *testing.T) {
	t.Parallel()
	down := pinger(func(context.Context) error {
		return fmt.Errorf("%w: dial tcp 10.1.2.3:5432: connect: connection refused (user=sohoa_app)", domain.ErrUnavailable)
	})
	h := server.New(server.Deps{Logger: slog.New(slog.DiscardHandler), Database: down, ObjectStore: pinger(nil)})
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/readyz", nil))
	if rec.Code != 503 || strings.Contains(rec.Body.String(), "10.1.2.3") || !strings.Contains(rec.Body.String(), `"database":"unavailable"`) {
		t.Errorf("got %d %s, want 503 with database unavailable and no probe error", rec.Code, rec.Body.String())
	}
}

// TestSlowClientsAreCutOff: a client that sends its headers and then trickles (or stops) its body
// loses the connection after the read timeout, instead of holding it.
func TestSlowClientsAreCutOff(t *testing.T) {
	t.Parallel()
	srv := server.HTTPServer(server.New(server.Deps{Logger: slog.New(slog.DiscardHandler), Store: storagetest.Store(t)}),
		server.Timeouts{ReadHeader: 200 * time.Millisecond, Read: 300 * time.Millisecond, Idle: time.Second}, slog.New(slog.DiscardHandler))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(ln) //nolint:errcheck
	t.Cleanup(func() { srv.Close() })
	for _, partial := range []string{
		"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nusername=a",
		"GET /healthz HTTP/1.1\r\nHost: x\r\n", // headers never finished
	} {
		conn, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(conn, partial); err != nil {
			t.Fatal(err)
		}
		_ = conn.SetReadDeadline(time.Now().Add(10 * time.Second))
		_, err = io.Copy(io.Discard, bufio.NewReader(conn)) // returns when the server closes
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Errorf("%q: the server held the connection for 10 s with a 300 ms read timeout", partial[:20])
		}
		conn.Close()
	}
}
