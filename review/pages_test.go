package review_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
)

// Point 12: a key list page, a favicon, and a 403 page that does not offer a logged-in person
// the login link.
func TestKeysFaviconAndForbiddenPage(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	clerk := b.login(t, "canbo")
	if resp, body := clerk.get("/keys"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "F2") || !strings.Contains(body, "F4") {
		t.Errorf("/keys: got %d, want the key list", resp.StatusCode)
	}
	if resp, _ := clerk.get("/favicon.ico"); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != "/static/favicon.svg" {
		t.Errorf("/favicon.ico: got %d to %q", resp.StatusCode, resp.Header.Get("Location"))
	}
	if resp, body := clerk.get("/static/favicon.svg"); resp.StatusCode != http.StatusOK || !strings.Contains(body, "<svg") {
		t.Errorf("favicon: got %d", resp.StatusCode)
	}
	resp, body := clerk.get("/ledgers")
	if resp.StatusCode != http.StatusForbidden || strings.Contains(body, `href="/login"`) {
		t.Errorf("403 for a logged-in clerk: got %d, login link offered: %v", resp.StatusCode, strings.Contains(body, `href="/login"`))
	}
}
