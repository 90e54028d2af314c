//go:build faults

package faults_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
)

// clerk reviews entries over HTTP as a person in a browser would (next → confirm), through
// every outage, and remembers each entry the server told it was confirmed, with the number it
// typed into it.
type clerk struct {
	base, username, password string
	db                       *pgxpool.Pool
	http                     *http.Client

	mu        *sync.Mutex
	confirmed map[int64]string // record → the entry number typed; shared by all clerks
	serial    *int
	stale     int
}

func newClerk(base, username, password string, db *pgxpool.Pool, mu *sync.Mutex, confirmed map[int64]string, serial *int) *clerk {
	jar, _ := cookiejar.New(nil)
	return &clerk{base: base, username: username, password: password, db: db, mu: mu, confirmed: confirmed, serial: serial,
		http: &http.Client{Jar: jar, Timeout: 20 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}}}
}

func (c *clerk) post(ctx context.Context, path string, form url.Values) (int, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, "", err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Location"), nil
}

// run works until ctx ends; every failure (server killed, database away) is met by waiting a
// moment and going on, as a person would press F5.
func (c *clerk) run(ctx context.Context) {
	loggedIn := false
	for ctx.Err() == nil {
		if !loggedIn {
			status, _, err := c.post(ctx, "/login", url.Values{"username": {c.username}, "password": {c.password}})
			loggedIn = err == nil && status == http.StatusSeeOther
			if !loggedIn {
				sleep(ctx, 500*time.Millisecond)
			}
			continue
		}
		status, loc, err := c.post(ctx, "/review/next", nil)
		if err != nil || status != http.StatusSeeOther {
			sleep(ctx, 500*time.Millisecond)
			continue
		}
		if strings.HasPrefix(loc, "/login") {
			loggedIn = false
			continue
		}
		id := recordIn(loc)
		if id == 0 {
			sleep(ctx, time.Second) // the queue is empty for now
			continue
		}
		c.confirm(ctx, id)
	}
}

// confirm types the entry (valid values, and a number no other entry gets) and submits it.
func (c *clerk) confirm(ctx context.Context, id int64) {
	form, err := c.form(ctx, id)
	if err != nil {
		sleep(ctx, 500*time.Millisecond)
		return
	}
	c.mu.Lock()
	*c.serial++
	entryNo := strconv.Itoa(*c.serial)
	c.mu.Unlock()
	form.Set("f.entry_no", entryNo)
	status, loc, err := c.post(ctx, fmt.Sprintf("/review/records/%d/confirm", id), form)
	switch {
	case err != nil:
		return // the answer is lost: the clerk cannot know, and claims nothing
	case status == http.StatusSeeOther && !strings.HasPrefix(loc, "/login"):
		c.mu.Lock()
		c.confirmed[id] = entryNo
		c.mu.Unlock()
	case status == http.StatusConflict:
		c.stale++
	}
}

// form is the entry's form filled with valid values, read from the database the page would
// show (the suite's shortcut for reading the HTML).
func (c *clerk) form(ctx context.Context, id int64) (url.Values, error) {
	var version int
	if err := c.db.QueryRow(ctx, `SELECT version FROM records WHERE id = $1`, id).Scan(&version); err != nil {
		return nil, err
	}
	rows, err := c.db.Query(ctx, `SELECT name FROM fields WHERE record_id = $1`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	form := url.Values{"version": {strconv.Itoa(version)}}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		form.Set("f."+name, clerkValues[name])
	}
	return form, rows.Err()
}

var clerkValues = map[string]string{
	"full_name": "Ma Quang Quân", "sex": "Nam", "birth_date": "1996-06-08", "birth_date_in_words": "1996-06-08",
	"birth_place": "Trạm y tế xã Gia Sàng", "ethnicity": "Tày", "nationality": "Việt Nam", "father_name": "Ma Văn Hùng",
	"mother_name": "Hoàng Thị Hoa", "registration_date": "1996-06-20",
}

func recordIn(loc string) int64 {
	loc, _, _ = strings.Cut(loc, "?")
	id, err := strconv.ParseInt(strings.TrimPrefix(loc, "/review/records/"), 10, 64)
	if err != nil || !strings.HasPrefix(loc, "/review/records/") {
		return 0
	}
	return id
}

func sleep(ctx context.Context, d time.Duration) {
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}
