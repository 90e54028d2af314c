package station

import (
	"cmp"
	"io"
	"net/http"
	"time"
)

// PageOrder says where page numbers come from.
type PageOrder string

// The page orders.
const (
	OrderName PageOrder = "name" // from the file name (PagePattern)
	OrderScan PageOrder = "scan" // in the order the files were scanned, continuing the journal
)

// Config is everything a station needs; the sohoa-station command fills it from flags and the
// environment, and its error messages name those flags.
type Config struct {
	Server string // sohoa's address, e.g. https://sohoa.example.vn
	Token  string // the station's API token
	Ledger int64  // the ledger the pages belong to

	PageOrder   PageOrder // default OrderName
	PagePattern string    // regexp for page numbers in names; "" takes the last run of digits
	FirstPage   int       // scan order: the first page when nothing was assigned yet (default 1)

	StableFor time.Duration // a file is complete once unchanged this long (default 2 s)
	Poll      time.Duration // how often the folder is scanned (default 1 s)
	Backoff   Backoff       // retry waits while the server is away (default 1 s → 60 s)

	Status        io.Writer     // progress and events; nil discards them
	Terminal      bool          // Status is a terminal: redraw one status line
	LedgerEvery   time.Duration // how often the ledger's progress is fetched (default 5 s)
	StatusEvery   time.Duration // plain output: a status line at most this often (default 30 s)
	HTTPClient    *http.Client  // nil: one with timeouts for slow networks
	UploadTimeout time.Duration // bound on one upload (default 30 min)
	Lang          string        // language of Status: "vi" (Vietnamese) or "" (English)
}

// withDefaults fills the zero settings.
func (c Config) withDefaults() Config {
	c.PageOrder = cmp.Or(c.PageOrder, OrderName)
	c.FirstPage = cmp.Or(c.FirstPage, 1)
	c.StableFor = cmp.Or(c.StableFor, 2*time.Second)
	c.Poll = cmp.Or(c.Poll, time.Second)
	c.Backoff.Min = cmp.Or(c.Backoff.Min, time.Second)
	c.Backoff.Max = cmp.Or(c.Backoff.Max, time.Minute)
	c.LedgerEvery = cmp.Or(c.LedgerEvery, 5*time.Second)
	c.StatusEvery = cmp.Or(c.StatusEvery, 30*time.Second)
	c.UploadTimeout = cmp.Or(c.UploadTimeout, 30*time.Minute)
	if c.Status == nil {
		c.Status = io.Discard
	}
	return c
}

// Validate checks the settings, naming the flag of any that is wrong.
func (c Config) Validate() error {
	var errs []error
	if c.Server == "" {
		errs = append(errs, errorf("--server is required (or set SOHOA_SERVER): the address of sohoa, e.g. https://sohoa.example.vn",
			"cần --server (hoặc biến môi trường SOHOA_SERVER): địa chỉ của sohoa, ví dụ https://sohoa.example.vn"))
	} else if _, err := parseServer(c.Server); err != nil {
		errs = append(errs, err)
	}
	if c.Token == "" {
		errs = append(errs, errorf("--token is required (or set SOHOA_STATION_TOKEN): the station token from `sohoa token create`",
			"cần --token (hoặc biến môi trường SOHOA_STATION_TOKEN): mã trạm do `sohoa token create` cấp"))
	}
	if c.Ledger <= 0 {
		errs = append(errs, errorf("--ledger is required: the number of the ledger (sổ) these pages belong to",
			"cần --ledger: số của sổ chứa các trang này"))
	}
	if c.PageOrder != "" && c.PageOrder != OrderName && c.PageOrder != OrderScan {
		errs = append(errs, errorf("--page-order must be %q or %q, not %q", "--page-order phải là %q hoặc %q, không phải %q", OrderName, OrderScan, c.PageOrder))
	}
	if _, err := newPageNamer(c.PagePattern); err != nil {
		errs = append(errs, err)
	}
	if c.FirstPage < 0 || c.FirstPage > maxPage {
		errs = append(errs, errorf("--first-page must be between 1 and %d, not %d", "--first-page phải từ 1 đến %d, không phải %d", maxPage, c.FirstPage))
	}
	for _, d := range []struct {
		flag string
		v    time.Duration
	}{{"--stable", c.StableFor}, {"--poll", c.Poll}, {"--retry-min", c.Backoff.Min}, {"--retry-max", c.Backoff.Max}} {
		if d.v < 0 {
			errs = append(errs, errorf("%s must not be negative, not %s", "%s không được âm (đang là %s)", d.flag, d.v))
		}
	}
	if c.Backoff.Max > 0 && c.Backoff.Min > c.Backoff.Max {
		errs = append(errs, errorf("--retry-min (%s) must not be above --retry-max (%s)", "--retry-min (%s) không được lớn hơn --retry-max (%s)", c.Backoff.Min, c.Backoff.Max))
	}
	if len(errs) > 0 {
		return errs[0] // one line, about the first wrong flag
	}
	return nil
}
