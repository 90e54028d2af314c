package domain

import "time"

// ScanStatus is where a scanned page is in the pipeline.
type ScanStatus string

// A scan moves uploaded → cleaning → ocr → in_review → done, or ends failed with a reason.
const (
	ScanUploaded ScanStatus = "uploaded"
	ScanCleaning ScanStatus = "cleaning"
	ScanOCR      ScanStatus = "ocr"
	ScanInReview ScanStatus = "in_review"
	ScanDone     ScanStatus = "done"
	ScanFailed   ScanStatus = "failed"
)

// Scan is one page image of a ledger. Its original is kept untouched in the object store.
type Scan struct {
	ID          int64      `json:"id"`
	LedgerID    int64      `json:"ledger_id"`
	Page        int        `json:"page"`
	Version     int        `json:"version"`
	SHA256      string     `json:"sha256"`
	ObjectKey   string     `json:"object_key"`
	Bytes       int64      `json:"bytes"`
	ContentType string     `json:"content_type"`
	Width       int        `json:"width"`
	Height      int        `json:"height"`
	Status      ScanStatus `json:"status"`
	Error       string     `json:"error"`
	Station     string     `json:"station"`
	SourceKey   string     `json:"source_key,omitempty"`   // the multi-page file this page was cut from
	SourceIndex int        `json:"source_index,omitempty"` // its page in that file, from 0
	Side        string     `json:"side,omitempty"`         // "left" or "right": the page of a photographed spread
	CreatedAt   time.Time  `json:"created_at"`
	UpdatedAt   time.Time  `json:"updated_at"`
}

// OriginalKey is the object key of an original with the given SHA-256 (hex): content-addressed,
// so the same bytes are stored once however often they are uploaded.
func OriginalKey(sha256hex string) string { return "originals/" + sha256hex }

// ProcessScanJob is the background job that takes a scan through the pipeline.
// Its Kind method makes it a River job argument without this package importing River.
type ProcessScanJob struct {
	ScanID int64 `json:"scan_id"`
}

// Kind names the job for the job queue.
func (ProcessScanJob) Kind() string { return "process_scan" }
