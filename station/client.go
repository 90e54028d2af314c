package station

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Client calls sohoa's scanning-station API for one ledger.
type Client struct {
	base          *url.URL
	token         string
	ledger        int64
	http          *http.Client
	uploadTimeout time.Duration
}

// NewClient makes a client for the server at base (e.g. "https://sohoa.example.vn"). A nil hc
// gets a client with connect and response timeouts suited to slow commune networks.
func NewClient(base, token string, ledger int64, hc *http.Client) (*Client, error) {
	u, err := parseServer(base)
	if err != nil {
		return nil, err
	}
	if hc == nil {
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.DialContext = (&net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}).DialContext
		t.ResponseHeaderTimeout = 5 * time.Minute // the server checks and stores the whole file first
		hc = &http.Client{Transport: t}
	}
	return &Client{base: u, token: token, ledger: ledger, http: hc, uploadTimeout: 30 * time.Minute}, nil
}

func parseServer(base string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errorf("--server %q is not an http:// or https:// address", "--server %q không phải địa chỉ http:// hoặc https://", base)
	}
	return u, nil
}

// APIError is an answer of the server other than success.
type APIError struct {
	Status     int           // HTTP status
	Message    string        // the server's "error" text, or the start of its body
	MessageVI  string        // the server's "error_vi" text, "" if none
	RetryAfter time.Duration // from Retry-After, 0 if none
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, http.StatusText(e.Status), e.Message)
}

// Receipt is the server's answer to an accepted upload.
type Receipt struct {
	HTTPStatus int    `json:"-"` // 201 new, 200 already there
	ID         int64  `json:"id"`
	Status     string `json:"status"`
	Page       int    `json:"page"`
	Created    bool   `json:"created"`
	Scans      []struct {
		ID   int64 `json:"id"`
		Page int   `json:"page"`
	} `json:"scans"`
}

// Upload sends the file at path as the given page (and the following ones, for a multi-page
// TIFF or PDF). Errors are an *APIError for answers of the server, a *FileError when the file
// cannot be read, and otherwise network errors.
func (c *Client) Upload(ctx context.Context, path string, page int) (Receipt, error) {
	f, err := os.Open(path)
	if err != nil {
		return Receipt{}, &FileError{Path: path, Err: err}
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Receipt{}, &FileError{Path: path, Err: err}
	}
	ctx, cancel := context.WithTimeout(ctx, c.uploadTimeout)
	defer cancel()
	u := c.url(fmt.Sprintf("/api/v1/ledgers/%d/scans", c.ledger))
	u.RawQuery = "page=" + strconv.Itoa(page)
	body := io.NewSectionReader(f, 0, info.Size())
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), body)
	if err != nil {
		return Receipt{}, errorf("upload %s: %w", "gửi %s: %w", path, err)
	}
	req.ContentLength = info.Size()
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(io.NewSectionReader(f, 0, info.Size())), nil }
	req.Header.Set("Content-Type", "application/octet-stream")
	var r Receipt
	status, err := c.do(req, &r)
	if err != nil {
		return Receipt{}, errorf("upload as page %d: %w", "gửi làm trang %d: %w", page, err)
	}
	r.HTTPStatus = status
	return r, nil
}

// LedgerInfo is the part of GET /api/v1/ledgers/{id} a station shows.
type LedgerInfo struct {
	ID          int64  `json:"id"`
	CommuneCode string `json:"commune_code"`
	Kind        string `json:"kind"`
	Book        string `json:"book"`
	Progress    struct {
		PagesUploaded int `json:"pages_uploaded"`
		PagesExpected int `json:"pages_expected"` // 0 when not known
	} `json:"progress"`
}

// Ledger fetches the ledger and its progress.
func (c *Client) Ledger(ctx context.Context) (LedgerInfo, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.url(fmt.Sprintf("/api/v1/ledgers/%d", c.ledger)).String(), nil)
	if err != nil {
		return LedgerInfo{}, errorf("ledger %d: %w", "sổ %d: %w", c.ledger, err)
	}
	var l LedgerInfo
	if _, err := c.do(req, &l); err != nil {
		return LedgerInfo{}, errorf("ledger %d: %w", "sổ %d: %w", c.ledger, err)
	}
	return l, nil
}

func (c *Client) url(path string) *url.URL {
	u := *c.base
	u.Path += path
	return &u
}

// do sends req with the token and decodes a 2xx JSON answer into out.
func (c *Client) do(req *http.Request, out any) (int, error) {
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("Accept", "application/json")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return 0, errorf("read answer: %w", "đọc câu trả lời của máy chủ: %w", err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		en, vi := errorMessage(raw)
		return 0, &APIError{Status: resp.StatusCode, Message: en, MessageVI: vi,
			RetryAfter: retryAfter(resp.Header.Get("Retry-After"), time.Now())}
	}
	if err := json.Unmarshal(raw, out); err != nil {
		return 0, errorf("%d answer is not the expected JSON: %w", "câu trả lời %d không phải JSON như mong đợi: %w", resp.StatusCode, err)
	}
	return resp.StatusCode, nil
}

// errorMessage is the server's error text in English and Vietnamese (error, error_vi), or the
// start of a body that is not such JSON (then both the same).
func errorMessage(raw []byte) (en, vi string) {
	var e struct {
		Error   string `json:"error"`
		ErrorVI string `json:"error_vi"`
	}
	if json.Unmarshal(raw, &e) == nil && e.Error != "" {
		return e.Error, cmp.Or(e.ErrorVI, e.Error)
	}
	s := strings.TrimSpace(string(raw))
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s, s
}

// FileError is a local file that could not be read for an upload.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return fmt.Sprintf("read %s: %v", e.Path, e.Err) }
func (e *FileError) Unwrap() error { return e.Err }

// verdict is what to do about the outcome of an upload.
type verdict int

const (
	verdictDone   verdict = iota // accepted: file it under sent/
	verdictRetry                 // the server or network is away: try again later
	verdictReject                // refused for good: file it under rejected/
	verdictPause                 // the token is refused: stop sending until it is fixed
	verdictLocal                 // the file could not be read here: try it again later
)

// judge classifies an upload error (nil is done).
func judge(err error) verdict {
	if err == nil {
		return verdictDone
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return verdictLocal
	}
	var ae *APIError
	if !errors.As(err, &ae) {
		return verdictRetry // network errors, timeouts, garbled answers
	}
	switch {
	case ae.Status == http.StatusUnauthorized || ae.Status == http.StatusForbidden:
		return verdictPause
	case ae.Status == http.StatusRequestTimeout || ae.Status == http.StatusTooEarly ||
		ae.Status == http.StatusTooManyRequests || ae.Status >= 500:
		return verdictRetry
	case ae.Status >= 400:
		return verdictReject
	}
	return verdictRetry // 1xx/3xx are not answers this API gives
}
