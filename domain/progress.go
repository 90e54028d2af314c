package domain

import "time"

// ProgressCounts are how far a set of ledgers has come. Entered counts entries a person went
// through (confirmed or set aside); Checked those through check 1 and Done those through every
// configured check stage (without stages both equal the entries confirmed).
type ProgressCounts struct {
	Expected        int64 `json:"expected"`  // entries the books are expected to hold (at least those extracted)
	Extracted       int64 `json:"extracted"` // entries OCR found
	Entered         int64 `json:"entered"`
	Checked         int64 `json:"checked"`
	Done            int64 `json:"done"`
	Unclear         int64 `json:"unclear"` // set aside as thiếu / chưa rõ
	Pages           int64 `json:"pages"`   // pages uploaded
	PagesProcessed  int64 `json:"pages_processed"`
	PagesFailed     int64 `json:"pages_failed"`
	RescanRequested int64 `json:"rescan_requested"`
}

// Add adds other's counts to c.
func (c *ProgressCounts) Add(o ProgressCounts) {
	c.Expected += o.Expected
	c.Extracted += o.Extracted
	c.Entered += o.Entered
	c.Checked += o.Checked
	c.Done += o.Done
	c.Unclear += o.Unclear
	c.Pages += o.Pages
	c.PagesProcessed += o.PagesProcessed
	c.PagesFailed += o.PagesFailed
	c.RescanRequested += o.RescanRequested
}

// DoneShare is Done over Expected, 0 when nothing is expected.
func (c ProgressCounts) DoneShare() float64 {
	if c.Expected == 0 {
		return 0
	}
	return float64(c.Done) / float64(c.Expected)
}

// ProgressUnit is one line of the dashboard: a province, district, commune or ledger.
type ProgressUnit struct {
	Level    string `json:"level"` // province, district, commune, ledger
	Code     string `json:"code"`  // the unit's code, or the ledger's id
	Name     string `json:"name"`
	LedgerID int64  `json:"ledger_id,omitempty"`
	ProgressCounts
}

// DayCount is the entries decided on one day (Hà Nội).
type DayCount struct {
	Day     time.Time `json:"day"`
	Entries int64     `json:"entries"`
}

// ClerkCount is what one person decided today and over the last 7 days.
type ClerkCount struct {
	Username string `json:"username"`
	Today    int64  `json:"today"`
	Week     int64  `json:"week"`
}

// FieldQuality is how often people corrected what OCR read: per field name, or per ledger.
type FieldQuality struct {
	Name      string  `json:"name"`
	Decided   int64   `json:"decided"`
	Corrected int64   `json:"corrected"`
	Share     float64 `json:"share_corrected"`
}

// Progress is the dashboard: the totals of a unit, its parts, the pace and OCR quality.
type Progress struct {
	Unit         ProgressUnit     `json:"unit"` // the unit shown (level "country" at the top)
	Parts        []ProgressUnit   `json:"parts"`
	Daily        []DayCount       `json:"daily"` // the last 30 days, oldest first
	Clerks       []ClerkCount     `json:"clerks"`
	Fields       []FieldQuality   `json:"fields"`
	Ledgers      []FieldQuality   `json:"ledgers_quality"`
	CheckRates   []ClerkCheckRate `json:"check_rates"`      // per clerk: their entries agreed with and corrected in checks
	PaceLast7    float64          `json:"pace_last_7_days"` // entries a day
	EstimatedEnd *time.Time       `json:"estimated_completion,omitempty"`
}
