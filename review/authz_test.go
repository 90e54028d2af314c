package review_test

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
	"github.com/sohoa/sohoa/server"
)

// Who asks, in the order of the matrix's columns. Every resource the matrix touches is in
// commune 05461 ("own"); "other" accounts and tokens work for commune 05464 only.
var matrixWho = []string{"anonymous", "station-own", "station-other", "clerk-own", "clerk-other",
	"supervisor-own", "supervisor-other", "province", "admin", "capture-own", "capture-other"}

// Expected outcomes: ok passed authorisation (any status below 500 but the refusals; 409 for a
// decision without the lease, 415 for a form sent to the upload API, …); L is the login page
// (303 to /login); the numbers are exact refusals.
const (
	ok = "ok"
	L  = "303→/login"
)

type matrixRow struct {
	pattern string // as registered
	method  string
	path    string // with ids filled in
	body    string // "json" for the API's ledger, "" for a small form
	want    [11]string
}

// TestAuthorisationMatrix sends every registered route (API, probes and pages) as every kind of
// caller and checks the outcome against the table; a route registered without a row fails.
func TestAuthorisationMatrix(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	place, err := b.store.RecordPlace(t.Context(), ids[0])
	if err != nil {
		t.Fatal(err)
	}
	victim, err := b.store.UserID(t.Context(), "nan-nhan")
	if err != nil {
		t.Fatal(err)
	}
	rec := fmt.Sprintf("/review/records/%d", ids[0])
	led := fmt.Sprintf("/ledgers/%d", b.ledger.ID)
	usr := fmt.Sprintf("/admin/users/%d", victim)
	api := fmt.Sprintf("/api/v1/ledgers/%d", b.ledger.ID)
	chk, dsp := fmt.Sprintf("/checks/%d", ids[0]), fmt.Sprintf("/disputes/%d", ids[0])
	F, U, N := "403", "401", "404"
	all := func(s string) [11]string { return [11]string{s, s, s, s, s, s, s, s, s, s, s} }
	// A capture account may use the capture page and nothing else: refused everywhere else.
	page := func(clerk, clerkOther, sup, supOther string) [11]string { // a browser page: no session → login
		return [11]string{L, L, L, clerk, clerkOther, sup, supOther, ok, ok, F, F}
	}
	post := func(clerk, clerkOther, sup, supOther string) [11]string { // a browser POST: no session → 401
		return [11]string{U, U, U, clerk, clerkOther, sup, supOther, ok, ok, F, F}
	}
	admin := func(get bool) [11]string {
		if get {
			return [11]string{L, L, L, F, F, F, F, F, ok, F, F}
		}
		return [11]string{U, U, U, F, F, F, F, F, ok, F, F}
	}
	station := func(other string) [11]string { return [11]string{U, ok, other, U, U, U, U, U, U, U, U} }
	capture := func(w [11]string, own, other string) [11]string { w[9], w[10] = own, other; return w }
	rows := []matrixRow{
		{"GET /healthz", "GET", "/healthz", "", all(ok)},
		{"GET /readyz", "GET", "/readyz", "", all(ok)},
		{"GET /metrics", "GET", "/metrics", "", all(N)}, // only on SOHOA_METRICS_LISTEN or with its token
		{"POST /api/v1/ledgers", "POST", "/api/v1/ledgers", "json", station(F)},
		{"GET /api/v1/ledgers", "GET", "/api/v1/ledgers", "", station(ok)}, // lists the token's communes only
		{"GET /api/v1/ledgers/{id}", "GET", api, "", station(F)},
		{"POST /api/v1/ledgers/{id}/scans", "POST", api + "/scans?page=1", "", station(F)},
		{"GET /api/v1/scans/{id}", "GET", fmt.Sprintf("/api/v1/scans/%d", place.ScanID), "", station(F)},
		{"/api/", "GET", "/api/v2/nothing", "", all(N)},
		{"GET /static/", "GET", "/static/app.css", "", all(ok)},
		{"GET /login", "GET", "/login", "", all(ok)},
		{"GET /favicon.ico", "GET", "/favicon.ico", "", all(ok)},
		{"GET /keys", "GET", "/keys", "", all(ok)},      // the list of keys, public like the login page
		{"POST /login", "POST", "/login", "", all(U)},   // a wrong password, for everyone
		{"POST /logout", "POST", "/logout", "", all(L)}, // ends the session, if any, and shows the login page
		{"GET /lang/{lang}", "GET", "/lang/en?next=/", "", all(ok)},
		{"GET /{$}", "GET", "/", "", capture(page(ok, ok, ok, ok), ok, ok)}, // a capture account is sent to /capture
		{"POST /review/next", "POST", "/review/next", "", post(ok, ok, ok, ok)},
		{"GET /review/records/{id}", "GET", rec, "", page(ok, F, ok, F)},
		{"GET /review/records/{id}/image", "GET", rec + "/image", "", page(ok, F, ok, F)},
		{"POST /review/records/{id}/confirm", "POST", rec + "/confirm", "", post(ok, F, ok, F)},
		{"POST /review/records/{id}/flag", "POST", rec + "/flag", "", post(ok, F, ok, F)},
		{"POST /review/records/{id}/release", "POST", rec + "/release", "", post(ok, F, ok, F)},
		{"POST /review/records/{id}/lease", "POST", rec + "/lease", "", post(ok, F, ok, F)},
		{"GET /review/records/{id}/complete", "GET", rec + "/complete?field=full_name&q=ng", "", page(ok, F, ok, F)},
		{"POST /review/records/{id}/resolve", "POST", rec + "/resolve", "", post(ok, F, ok, F)},
		{"POST /review/records/{id}/requeue", "POST", rec + "/requeue", "", post(ok, F, ok, F)},
		{"POST /review/records/{id}/note", "POST", rec + "/note", "", post(ok, F, ok, F)},
		{"GET /capture", "GET", "/capture", "", capture(page(ok, ok, ok, ok), ok, ok)},                                                                       // lists the user's communes' ledgers only
		{"POST /capture/ledgers/{id}/photos", "POST", fmt.Sprintf("/capture/ledgers/%d/photos?page=1", b.ledger.ID), "", capture(post(ok, N, ok, N), ok, N)}, // refused as no photo, after the commune check; another commune's ledger is not found
		{"GET /followups", "GET", "/followups", "", page(ok, ok, ok, ok)},
		{"POST /checks/next", "POST", "/checks/next", "", post(ok, ok, ok, ok)}, // the user's communes only
		{"GET /checks/{id}", "GET", chk, "", page(ok, F, ok, F)},                // not being checked: back home
		{"POST /checks/{id}", "POST", chk, "", post(ok, F, ok, F)},
		{"POST /checks/{id}/lease", "POST", chk + "/lease", "", post(ok, F, ok, F)},         // 409: no check held
		{"GET /disputes", "GET", "/disputes", "", page(F, F, ok, ok)},                       // the supervisor's communes only
		{"GET /disputes/{id}", "GET", dsp, "", [11]string{L, L, L, F, F, N, F, N, N, F, F}}, // no disagreement on it
		{"POST /disputes/{id}", "POST", dsp, "", post(F, F, ok, F)},                         // none: back to the list
		{"GET /ledgers/{id}/stages", "GET", led + "/stages", "", page(F, F, ok, F)},
		{"POST /ledgers/{id}/stages", "POST", led + "/stages", "", post(F, F, ok, F)},
		{"GET /ledgers", "GET", "/ledgers", "", page(F, F, ok, ok)}, // lists the supervisor's communes only
		{"GET /ledgers/new", "GET", "/ledgers/new", "", page(F, F, ok, ok)},
		{"POST /ledgers", "POST", "/ledgers", "", post(F, F, ok, ok)}, // the form's commune decides; this one has none
		{"GET /ledgers/{id}/edit", "GET", led + "/edit", "", page(F, F, ok, F)},
		{"POST /ledgers/{id}", "POST", led, "", post(F, F, ok, F)},
		{"GET /communes", "GET", "/communes?q=gia+sang", "", page(F, F, ok, ok)},
		{"POST /ledgers/{id}/priority", "POST", led + "/priority", "", post(F, F, ok, F)},
		{"GET /ledgers/{id}/export.csv", "GET", led + "/export.csv", "", page(F, F, ok, F)},
		{"GET /ledgers/{id}/export", "GET", led + "/export?format=csv", "", page(F, F, ok, F)},
		{"GET /progress", "GET", "/progress", "", page(F, F, ok, ok)},
		{"GET /api/v1/progress", "GET", "/api/v1/progress", "", page(F, F, ok, ok)},
		{"POST /scans/{id}/retry", "POST", fmt.Sprintf("/scans/%d/retry", place.ScanID), "", post(F, F, ok, F)},
		{"GET /matches", "GET", "/matches", "", page(F, F, ok, ok)},                                                       // lists the supervisor's communes only
		{"GET /matches/{id}", "GET", fmt.Sprintf("/matches/%d", ids[0]), "", [11]string{L, L, L, F, F, N, F, N, N, F, F}}, // no link made for this entry
		{"POST /matches/{id}/decide", "POST", fmt.Sprintf("/matches/%d/decide", ids[0]), "", post(F, F, ok, F)},
		{"GET /duplicates", "GET", "/duplicates", "", page(F, F, ok, ok)},                        // pairs of the supervisor's communes only
		{"POST /duplicates/{id}/decide", "POST", "/duplicates/1/decide", "", post(F, F, ok, ok)}, // refused as an unknown verdict first
		{"GET /admin/users", "GET", "/admin/users", "", admin(true)},
		{"POST /admin/users", "POST", "/admin/users", "", admin(false)},
		{"POST /admin/users/{id}/disable", "POST", usr + "/disable", "", admin(false)},
		{"POST /admin/users/{id}/enable", "POST", usr + "/enable", "", admin(false)},
		{"POST /admin/users/{id}/password", "POST", usr + "/password", "", admin(false)},
		{"POST /admin/users/{id}/communes", "POST", usr + "/communes", "", admin(false)},
		{"POST /admin/users/{id}/sessions/revoke", "POST", usr + "/sessions/revoke", "", admin(false)},
		// Last, as they send the page to be read again.
		{"POST /ledgers/{id}/reprocess", "POST", led + "/reprocess", "", post(F, F, ok, F)},
		{"POST /scans/{id}/reprocess", "POST", fmt.Sprintf("/scans/%d/reprocess", place.ScanID), "", post(F, F, ok, F)},
		{"GET /reprocess/{id}", "GET", "/reprocess/999999", "", [11]string{L, L, L, F, F, N, N, N, N, F, F}}, // no such run
		{"/", "GET", "/no-such-page", "", all(N)},
	}

	registered := server.Routes(b.deps)
	byPattern := map[string]bool{}
	for _, r := range rows {
		byPattern[r.pattern] = true
		if !slices.Contains(registered, r.pattern) {
			t.Errorf("the matrix has a row for %q, which is not registered", r.pattern)
		}
	}
	for _, p := range registered {
		if !byPattern[p] {
			t.Errorf("route %q is registered but has no row in the authorisation matrix: add one", p)
		}
	}

	users := map[string]string{"clerk-own": "canbo", "clerk-other": "canbo-khac", "supervisor-own": "giamsat-xa",
		"supervisor-other": "giamsat-khac", "province": "giamsat", "admin": "quantri", "capture-own": "chupanh",
		"capture-other": "chupanh-khac"}
	clients := map[string]*client{}
	for _, who := range matrixWho {
		clients[who] = b.client(t)
		if u, ok := users[who]; ok {
			clients[who] = b.login(t, u)
		}
	}
	for _, row := range rows {
		for j, who := range matrixWho {
			c := clients[who]
			if row.pattern == "POST /logout" && users[who] != "" {
				c = b.login(t, users[who]) // a session of its own, so the others stay logged in
			}
			got := matrixCall(t, b, c, who, row)
			if got != row.want[j] {
				t.Errorf("%s %s as %s: got %s, want %s", row.method, row.path, who, got, row.want[j])
			}
		}
	}
}

// matrixCall sends one cell's request and classifies the answer.
func matrixCall(t *testing.T, b *bundle, c *client, who string, row matrixRow) string {
	t.Helper()
	body, ctype := url.Values{"priority": {"1"}, "version": {"99"}, "username": {"matrix-" + who}, "password": {"x"},
		"communes": {"05464"}}.Encode(), "application/x-www-form-urlencoded"
	if row.body == "json" {
		body, ctype = `{"commune_code":"05461","kind":"khai-tu","book":"`+who+`","year_from":1990,"year_to":1991}`, "application/json"
	}
	req, err := http.NewRequest(row.method, b.url+row.path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", ctype)
	switch who {
	case "station-own":
		req.Header.Set("Authorization", "Bearer "+b.token)
	case "station-other":
		req.Header.Set("Authorization", "Bearer "+b.tokenOther)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	switch s := resp.StatusCode; {
	case s == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login"):
		return L
	case s == http.StatusUnauthorized, s == http.StatusForbidden, s == http.StatusNotFound, s >= 500:
		return fmt.Sprint(s)
	}
	return ok
}
