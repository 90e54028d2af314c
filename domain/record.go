package domain

import "time"

// RecordStatus is where an entry is in review.
type RecordStatus string

// An entry waits (pending) until a clerk confirms it or flags it as missing / unclear.
const (
	RecordPending   RecordStatus = "pending"
	RecordConfirmed RecordStatus = "confirmed"
	RecordFlagged   RecordStatus = "flagged"
)

// FieldStatus is what a person decided about a field.
type FieldStatus string

// A field is as OCR read it until a clerk confirms it as is, corrects it, or marks it missing.
const (
	FieldOCR       FieldStatus = "ocr"
	FieldConfirmed FieldStatus = "confirmed"
	FieldCorrected FieldStatus = "corrected"
	FieldMissing   FieldStatus = "missing"
)

// Field is one field of an entry with its provenance.
type Field struct {
	ID          int64       `json:"id"`
	RecordID    int64       `json:"record_id"`
	Name        string      `json:"name"`
	Position    int         `json:"position"`
	OCRText     string      `json:"text"`
	Value       string      `json:"value"`
	Confidence  float64     `json:"confidence"`
	Box         *Box        `json:"box,omitempty"`
	BoxOriginal *Box        `json:"box_original,omitempty"` // Box in the uploaded image's own pixels
	Handwritten bool        `json:"handwritten"`            // the value is written by hand, not typed
	Issues      []Issue     `json:"issues"`
	Suggestions []string    `json:"suggestions"`
	NeedsReview bool        `json:"needs_review"`
	Status      FieldStatus `json:"status"`
	ConfirmedBy *int64      `json:"confirmed_by,omitempty"`
	ConfirmedAt *time.Time  `json:"confirmed_at,omitempty"`
}

// Record is one entry found on a scan.
type Record struct {
	ID             int64        `json:"id"`
	ScanID         int64        `json:"scan_id"`
	Index          int          `json:"index"`
	Kind           Kind         `json:"kind"`
	Status         RecordStatus `json:"status"`
	Confidence     float64      `json:"confidence"`
	Box            *Box         `json:"box,omitempty"`
	BoxOriginal    *Box         `json:"box_original,omitempty"` // Box in the uploaded image's own pixels
	FlagReason     string       `json:"flag_reason,omitempty"`
	LeaseUserID    *int64       `json:"lease_user_id,omitempty"`
	LeaseExpiresAt *time.Time   `json:"lease_expires_at,omitempty"`
	Version        int          `json:"version"`
	ConfirmedBy    *int64       `json:"confirmed_by,omitempty"`
	ConfirmedAt    *time.Time   `json:"confirmed_at,omitempty"`
	Fields         []Field      `json:"fields"`
}

// AuditEvent is one append-only entry of the audit trail.
type AuditEvent struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	UserID   *int64    `json:"user_id,omitempty"`
	Action   string    `json:"action"`
	Entity   string    `json:"entity"`
	EntityID int64     `json:"entity_id"`
	Old      any       `json:"old,omitempty"`
	New      any       `json:"new,omitempty"`
}

// RecordPlace tells where an entry comes from: its ledger, commune and page image.
type RecordPlace struct {
	LedgerID    int64  `json:"ledger_id"`
	CommuneCode string `json:"commune_code"`
	CommuneName string `json:"commune_name"`
	Book        string `json:"book"`
	ScanID      int64  `json:"scan_id"`
	Page        int    `json:"page"`
	ImageKey    string `json:"-"` // the cleaned page when there is one, else the original
	Width       int    `json:"width"`
	Height      int    `json:"height"`
}

// Confirmation is a clerk's decision on an entry: the final value of every field (already
// validated) against the entry version the clerk saw.
type Confirmation struct {
	Version int
	Values  map[string]string
	Issues  map[string][]Issue
}

// Followup is an entry set aside as missing / unclear.
type Followup struct {
	RecordID    int64     `json:"record_id"`
	LedgerID    int64     `json:"ledger_id"`
	CommuneName string    `json:"commune_name"`
	Book        string    `json:"book"`
	Page        int       `json:"page"`
	Index       int       `json:"index"`
	Reason      string    `json:"reason"`
	FlaggedBy   string    `json:"flagged_by"`
	FlaggedAt   time.Time `json:"flagged_at"`
}

// LedgerRow is one line of the supervisors' progress table.
type LedgerRow struct {
	Ledger
	CommuneName   string `json:"commune_name"`
	Priority      int    `json:"priority"`
	PagesUploaded int    `json:"pages_uploaded"`
	ScansFailed   int    `json:"scans_failed"`
	Pending       int    `json:"pending"`
	Confirmed     int    `json:"confirmed"`
	Flagged       int    `json:"flagged"`
}

// ExportRecord is a confirmed entry as exported: its final value per field name.
type ExportRecord struct {
	ID     int64
	Page   int
	Index  int
	Values map[string]string
}
