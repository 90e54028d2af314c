package review_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
)

// outcome classes of the authorisation matrix.
const (
	allowed   = "allowed"   // any status but the refusals below, and never a 5xx
	login     = "login"     // sent to the login page (GET) or 401 (POST)
	forbidden = "forbidden" // 403
	noToken   = "401"       // the station API refuses without a station token
)

func TestAuthorisationMatrix(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	ids := b.seed(t, b.ledger, 1)
	rec := fmt.Sprintf("/review/records/%d", ids[0])
	ledger := fmt.Sprintf("/ledgers/%d", b.ledger.ID)
	type route struct{ method, path string }
	routes := []route{
		{"GET", "/"}, {"POST", "/review/next"}, {"GET", rec}, {"GET", rec + "/image"},
		{"POST", rec + "/lease"}, {"POST", rec + "/release"}, {"POST", rec + "/flag"}, {"POST", rec + "/confirm"},
		{"GET", "/followups"}, {"GET", "/ledgers"}, {"POST", ledger + "/priority"}, {"GET", ledger + "/export.csv"},
		{"POST", "/scans/1/retry"}, {"GET", "/admin/users"}, {"POST", "/admin/users"},
		{"GET", "/api/v1/ledgers"}, {"POST", "/api/v1/ledgers"}, {"GET", fmt.Sprintf("/api/v1/ledgers/%d", b.ledger.ID)},
		{"POST", fmt.Sprintf("/api/v1/ledgers/%d/scans?page=1", b.ledger.ID)}, {"GET", "/api/v1/scans/1"},
	}
	roles := []string{"anonymous", "station", "other-clerk", "clerk", "supervisor", "admin"}
	// want[route index][role index]
	A, L, F, T := allowed, login, forbidden, noToken
	want := [][]string{
		{L, L, A, A, A, A}, // GET /
		{L, L, A, A, A, A}, // POST /review/next
		{L, L, F, A, A, A}, // GET record
		{L, L, F, A, A, A}, // GET record image
		{L, L, F, A, A, A}, // POST lease
		{L, L, F, A, A, A}, // POST release
		{L, L, F, A, A, A}, // POST flag
		{L, L, F, A, A, A}, // POST confirm
		{L, L, A, A, A, A}, // GET /followups
		{L, L, F, F, A, A}, // GET /ledgers
		{L, L, F, F, A, A}, // POST priority
		{L, L, F, F, A, A}, // GET export
		{L, L, F, F, A, A}, // POST retry
		{L, L, F, F, F, A}, // GET /admin/users
		{L, L, F, F, F, A}, // POST /admin/users
		{T, A, T, T, T, T}, // API: only stations
		{T, A, T, T, T, T},
		{T, A, T, T, T, T},
		{T, A, T, T, T, T},
		{T, A, T, T, T, T},
	}
	clients := map[string]*client{"anonymous": b.client(t), "station": b.client(t)}
	for role, user := range map[string]string{"other-clerk": "canbo-khac", "clerk": "canbo", "supervisor": "giamsat", "admin": "quantri"} {
		clients[role] = b.login(t, user)
	}
	for i, rt := range routes {
		for j, role := range roles {
			t.Run(fmt.Sprintf("%s %s as %s", rt.method, rt.path, role), func(t *testing.T) {
				c := clients[role]
				req, _ := http.NewRequest(rt.method, b.url+rt.path, strings.NewReader(url.Values{"priority": {"1"}, "version": {"99"}}.Encode()))
				req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
				if role == "station" {
					req.Header.Set("Authorization", "Bearer "+b.token)
				}
				resp, err := c.http.Do(req)
				if err != nil {
					t.Fatal(err)
				}
				resp.Body.Close()
				got := classify(resp)
				if got != want[i][j] {
					t.Errorf("got %d (%s), want %s", resp.StatusCode, got, want[i][j])
				}
			})
		}
	}
}

func classify(resp *http.Response) string {
	switch {
	case resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login"):
		return login
	case resp.StatusCode == http.StatusUnauthorized && resp.Request.URL.Path[:5] == "/api/":
		return noToken
	case resp.StatusCode == http.StatusUnauthorized:
		return login
	case resp.StatusCode == http.StatusForbidden:
		return forbidden
	case resp.StatusCode >= 500:
		return fmt.Sprintf("server error %d", resp.StatusCode)
	}
	return allowed
}
