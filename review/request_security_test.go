package review_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestNextStaysOnThisSite: a redirect after switching language or logging in goes to a local
// path only; /%09/evil.example (a tab browsers drop, leaving //evil.example) goes to /.
func TestNextStaysOnThisSite(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	c := b.client(t)
	tests := []struct{ next, want string }{
		{"/%09/evil.example", "/"},
		{"/%0a/evil.example", "/"},
		{"//evil.example", "/"},
		{"/%5Cevil.example", "/"},
		{"/\\evil.example", "/"},
		{"https://evil.example/", "/"},
		{"/ledgers?x=1", "/ledgers?x=1"},
	}
	for _, tc := range tests {
		resp, _ := c.get("/lang/en?next=" + tc.next)
		if got := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || got != tc.want {
			t.Errorf("/lang/en?next=%s: got %d to %q, want 303 to %q", tc.next, resp.StatusCode, got, tc.want)
		}
	}
	resp := c.post("/login", url.Values{"username": {"canbo"}, "password": {b.password}, "next": {"/\t/evil.example"}})
	if got := resp.Header.Get("Location"); got != "/" {
		t.Errorf("login with next=/<tab>/evil.example: got Location %q, want /", got)
	}
}

// TestFlashShowsOnlyKnownMessages: ?m= cannot put words of someone's choosing on a page.
func TestFlashShowsOnlyKnownMessages(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	c := b.client(t)
	_, body := c.get("/login?m=" + url.QueryEscape("Tài khoản bị khóa, gọi ngay 0912 345 678"))
	if strings.Contains(body, "0912 345 678") {
		t.Error("the login page shows a ?m= text that is no message of the interface")
	}
	_, body = c.get("/login?m=saved")
	if !strings.Contains(body, "Đã lưu.") {
		t.Error("the login page does not show the known message ?m=saved")
	}
}

// TestFormBodiesAreBounded: no multipart login (nothing spooled to a temporary file), and no
// form over 64 KB on any page.
func TestFormBodiesAreBounded(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	_ = mw.WriteField("username", "canbo")
	_ = mw.WriteField("password", b.password)
	fw, _ := mw.CreateFormFile("junk", "junk.bin")
	_, _ = fw.Write(bytes.Repeat([]byte{'x'}, 1<<20))
	_ = mw.Close()
	resp, err := http.Post(b.url+"/login", mw.FormDataContentType(), &buf)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnsupportedMediaType {
		t.Errorf("multipart login: got %d, want 415", resp.StatusCode)
	}
	c := b.login(t, "canbo")
	big := url.Values{"version": {strings.Repeat("9", 100<<10)}}
	if resp := c.post("/review/next", big); resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a 100 KB form: got %d, want 413", resp.StatusCode)
	}
}

// TestDecisionsNeedTheLease: a clerk who opens an entry without taking it from the queue cannot
// confirm, flag or give it back: 409, and the entry stays pending.
func TestDecisionsNeedTheLease(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	c := b.login(t, "canbo")
	path := fmt.Sprintf("/review/records/%d", ids[0])
	if resp, _ := c.get(path); resp.StatusCode != http.StatusOK {
		t.Fatalf("open the entry: got %d, want 200", resp.StatusCode)
	}
	for _, action := range []string{"confirm", "flag", "release"} {
		if resp := c.post(path+"/"+action, confirmForm(0, 1)); resp.StatusCode != http.StatusConflict {
			t.Errorf("%s without the lease: got %d, want 409", action, resp.StatusCode)
		}
	}
	rec, err := b.store.Record(context.Background(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if rec.Status != "pending" {
		t.Errorf("got status %s, want pending", rec.Status)
	}
	// Taken from the queue, the same form is accepted.
	if got := c.next(); got != ids[0] {
		t.Fatalf("next: got %d, want %d", got, ids[0])
	}
	if resp := c.post(path+"/confirm", confirmForm(0, 1)); resp.StatusCode != http.StatusSeeOther {
		t.Errorf("confirm with the lease: got %d, want 303", resp.StatusCode)
	}
}

// TestSupervisorsSeeTheirCommunesOnly: a supervisor given communes lists, exports, orders and
// retries only their ledgers; the province supervisor sees every one.
func TestSupervisorsSeeTheirCommunesOnly(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	own, other := fmt.Sprintf("/ledgers/%d/export.csv", b.ledger.ID), fmt.Sprintf("/ledgers/%d/export.csv", b.other.ID)
	for _, tc := range []struct {
		user       string
		own, other bool
	}{{"giamsat-xa", true, false}, {"giamsat-khac", false, true}, {"giamsat", true, true}} {
		c := b.login(t, tc.user)
		_, body := c.get("/ledgers")
		if strings.Contains(body, own) != tc.own || strings.Contains(body, other) != tc.other {
			t.Errorf("%s: /ledgers lists 05461 %v, 05464 %v; want %v, %v", tc.user, strings.Contains(body, own), strings.Contains(body, other), tc.own, tc.other)
		}
		for path, want := range map[string]bool{own: tc.own, other: tc.other} {
			resp, _ := c.get(path)
			if (resp.StatusCode == http.StatusOK) != want || (!want && resp.StatusCode != http.StatusForbidden) {
				t.Errorf("%s: GET %s got %d, want allowed=%v (403 otherwise)", tc.user, path, resp.StatusCode, want)
			}
		}
		priority := fmt.Sprintf("/ledgers/%d/priority", b.other.ID)
		if resp := c.post(priority, url.Values{"priority": {"3"}}); (resp.StatusCode == http.StatusSeeOther) != tc.other {
			t.Errorf("%s: POST %s got %d, want allowed=%v", tc.user, priority, resp.StatusCode, tc.other)
		}
	}
}

// TestExportNeutralisesFormulas: a confirmed value a spreadsheet would run comes out as text.
func TestExportNeutralisesFormulas(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	c := b.login(t, "canbo")
	if got := c.next(); got != ids[0] {
		t.Fatalf("next: got %d, want %d", got, ids[0])
	}
	form := confirmForm(0, 1)
	form.Set("f.birth_place", `=HYPERLINK("http://evil.example","Gia Sàng")`)
	form.Set("f.father_name", "@Ma Văn Hùng")
	form.Set("f.mother_name", "-Hoàng Thị Hoa")
	form.Set("f.ethnicity", "+Tày")
	if resp := c.post(fmt.Sprintf("/review/records/%d/confirm", ids[0]), form); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: got %d, want 303", resp.StatusCode)
	}
	resp, body := b.login(t, "giamsat").get(fmt.Sprintf("/ledgers/%d/export.csv", b.ledger.ID))
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("export: got %d", resp.StatusCode)
	}
	cells, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(body, "\ufeff"))).ReadAll()
	if err != nil || len(cells) != 2 {
		t.Fatalf("export: %v, %d rows", err, len(cells))
	}
	quoted := 0
	for _, v := range cells[1] {
		if v != "" && strings.ContainsRune("=+-@\t\r", rune(v[0])) {
			t.Errorf("cell %q starts a formula", v)
		}
		if strings.HasPrefix(v, "'") {
			quoted++
		}
	}
	if quoted == 0 {
		t.Errorf("no value was neutralised (the validator changed them all?): %q", cells[1])
	}
	if got := resp.Header.Get("Cache-Control"); got != "no-store" {
		t.Errorf("export Cache-Control: got %q, want no-store", got)
	}
}

// TestSecurityHeadersAndCookies: CSP without inline script or style, nosniff, Referrer-Policy and
// no-store everywhere but static files; HSTS and a __Host- Secure cookie over HTTPS; a Secure
// cookie over plain HTTP too unless the browser is on this machine.
func TestSecurityHeadersAndCookies(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	c := b.login(t, "canbo")
	for _, path := range []string{"/login", "/", fmt.Sprintf("/review/records/%d", ids[0]), fmt.Sprintf("/review/records/%d/image", ids[0]), "/api/v1/ledgers"} {
		resp, _ := c.get(path)
		h := resp.Header
		csp := h.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "style-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Errorf("%s: CSP %q, want scripts and styles from this site only", path, csp)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: nosniff %q, Referrer-Policy %q, Cache-Control %q", path, h.Get("X-Content-Type-Options"), h.Get("Referrer-Policy"), h.Get("Cache-Control"))
		}
	}
	// A browser elsewhere on the network, over plain HTTP: the cookie is Secure.
	req, _ := http.NewRequest("POST", b.url+"/login", strings.NewReader(url.Values{"username": {"canbo"}, "password": {b.password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Host = "sohoa.xa-gia-sang.vn"
	resp, err := b.client(t).http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ck := resp.Header.Get("Set-Cookie"); !strings.Contains(ck, "Secure") {
		t.Errorf("plain HTTP to a network name: cookie %q, want Secure", ck)
	}
	// Over HTTPS: HSTS and the __Host- prefix.
	v, _ := review.NewFieldValidator()
	ui, err := review.New(b.store, b.objects, v, storagetest.Logger(t), review.Config{})
	if err != nil {
		t.Fatal(err)
	}
	tls := httptest.NewTLSServer(server.New(server.Deps{Logger: storagetest.Logger(t), Store: b.store, Objects: b.objects, UI: ui}))
	defer tls.Close()
	hc := tls.Client()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err = hc.PostForm(tls.URL+"/login", url.Values{"username": {"canbo"}, "password": {b.password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ck := resp.Header.Get("Set-Cookie"); !strings.HasPrefix(ck, "__Host-sohoa_session=") || !strings.Contains(ck, "Secure") || strings.Contains(ck, "Domain") {
		t.Errorf("HTTPS cookie %q, want __Host-sohoa_session, Secure, no Domain", ck)
	}
	if hsts := resp.Header.Get("Strict-Transport-Security"); !strings.Contains(hsts, "max-age=") {
		t.Errorf("HTTPS: Strict-Transport-Security %q, want max-age", hsts)
	}
	_ = strconv.Itoa
}
