package review_test

import (
	"context"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/sohoa/sohoa/review"
)

// TestAdminManagesAccounts: disabling or resetting a password ends the account's sessions;
// enabling lets it log in again; communes change what a clerk sees; every change is audited with
// the admin's name.
func TestAdminManagesAccounts(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	admin := b.login(t, "quantri")
	id, err := b.store.UserID(context.Background(), "canbo")
	if err != nil {
		t.Fatal(err)
	}
	user := fmt.Sprintf("/admin/users/%d", id)
	loggedIn := func(c *client) bool { resp, _ := c.get("/"); return resp.StatusCode == http.StatusOK }

	clerk := b.login(t, "canbo")
	if resp := admin.post(user+"/disable", nil); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("disable: got %d", resp.StatusCode)
	}
	if loggedIn(clerk) {
		t.Error("the disabled clerk's session still works")
	}
	if resp := b.client(t).post("/login", url.Values{"username": {"canbo"}, "password": {b.password}}); resp.StatusCode != http.StatusUnauthorized {
		t.Errorf("a disabled account logs in: got %d, want 401", resp.StatusCode)
	}
	admin.post(user+"/enable", nil)
	clerk = b.login(t, "canbo")

	if resp := admin.post(user+"/password", url.Values{"password": {"mật-khẩu-mới-2026"}}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("reset password: got %d", resp.StatusCode)
	}
	if loggedIn(clerk) {
		t.Error("the session survived a password reset")
	}
	b.password = "mật-khẩu-mới-2026"
	clerk = b.login(t, "canbo")
	if resp := admin.post(user+"/sessions/revoke", nil); resp.StatusCode != http.StatusSeeOther || loggedIn(clerk) {
		t.Errorf("revoke sessions: got %d, session alive %v", resp.StatusCode, loggedIn(clerk))
	}
	clerk = b.login(t, "canbo")
	rec := b.seed(t, b.other, 1)[0]
	if resp, _ := clerk.get(fmt.Sprintf("/review/records/%d", rec)); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("before the change: got %d, want 403", resp.StatusCode)
	}
	admin.post(user+"/communes", url.Values{"communes": {"05461, 05464"}})
	if resp, _ := clerk.get(fmt.Sprintf("/review/records/%d", rec)); resp.StatusCode != http.StatusOK {
		t.Errorf("after adding commune 05464: got %d, want 200", resp.StatusCode)
	}
	if resp := admin.post(fmt.Sprintf("/admin/users/%d/disable", adminID(t, b)), nil); resp.StatusCode != http.StatusConflict {
		t.Errorf("an admin disabling themselves: got %d, want 409", resp.StatusCode)
	}

	conn, err := pgx.Connect(context.Background(), b.dbURL)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	rows, _ := conn.Query(context.Background(), `SELECT action FROM audit_events WHERE entity = 'user' AND entity_id = $1
		AND actor = 'quantri' ORDER BY id`, id)
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		t.Fatal(err)
	}
	want := "user.disable user.enable user.password user.sessions_revoke user.communes"
	if strings.Join(got, " ") != want {
		t.Errorf("got audit %q, want %q", strings.Join(got, " "), want)
	}
}

func adminID(t *testing.T, b *bundle) int64 {
	id, err := b.store.UserID(context.Background(), "quantri")
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// TestSessionsHaveAnAbsoluteLifetime: a login ends after SessionMaxAge even while in use.
func TestSessionsHaveAnAbsoluteLifetime(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{SessionMaxAge: time.Second})
	c := b.login(t, "canbo")
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, _ := c.get("/") // in use all along: the idle expiry keeps sliding
		if resp.StatusCode == http.StatusSeeOther && strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the session still works after 15 s with a 1 s lifetime: %d", resp.StatusCode)
		}
	}
}

// TestTemplatesNeedNoInlineScriptOrStyle: the CSP forbids inline scripts, event-handler
// attributes and style attributes, so no template or static file may use them.
func TestTemplatesNeedNoInlineScriptOrStyle(t *testing.T) {
	inline := regexp.MustCompile(`(?i)<script(\s[^>]*)?>[^<]|\son[a-z]+\s*=|\sstyle\s*=|<style|javascript:`)
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(path, ".html") || strings.HasSuffix(path, ".js")) {
			return err
		}
		if !strings.HasPrefix(path, "templates/") && !strings.HasPrefix(path, "static/") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if strings.HasSuffix(path, ".js") {
			if regexp.MustCompile(`setAttribute\(\s*["']style|\beval\(|new Function\(|innerHTML\s*=[^=]*<[a-z]`).Match(b) {
				t.Errorf("%s: sets a style attribute, evaluates code or writes markup with innerHTML; the CSP forbids it", path)
			}
			return nil
		}
		for _, m := range inline.FindAll(b, -1) {
			t.Errorf("%s: inline %q; the CSP forbids it (use a static file, or data-style applied by static/styles.js)", path, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
