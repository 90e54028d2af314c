package domain

import (
	"fmt"
	"time"
)

// ExportFormat is a file format entries are handed over in.
type ExportFormat string

// The formats of an export: the civil-status software's import workbook, CSV and JSON Lines.
const (
	FormatXLSX  ExportFormat = "xlsx"
	FormatCSV   ExportFormat = "csv"
	FormatJSONL ExportFormat = "jsonl"
)

// ParseExportFormat accepts xlsx, csv or jsonl.
func ParseExportFormat(s string) (ExportFormat, error) {
	switch f := ExportFormat(s); f {
	case FormatXLSX, FormatCSV, FormatJSONL:
		return f, nil
	}
	return "", fmt.Errorf("%w: unknown export format %q (want xlsx, csv or jsonl)", ErrInvalid, s)
}

// ExportScope says which entries an export holds: one ledger, or one commune's ledgers (of one
// kind, or of every kind for JSON Lines). Only finished entries unless IncludeUnfinished.
type ExportScope struct {
	LedgerID          int64  `json:"ledger_id,omitempty"`
	CommuneCode       string `json:"commune_code,omitempty"`
	Kind              Kind   `json:"kind,omitempty"`
	IncludeUnfinished bool   `json:"include_unfinished,omitempty"` // also entries set aside as unclear
}

// ExportField is one field of an exported entry: its final value and what a person decided.
type ExportField struct {
	Name   string      `json:"name"`
	Value  string      `json:"value"`
	Status FieldStatus `json:"status"`
}

// ExportEntry is one entry as exported, with where it comes from and who confirmed it.
type ExportEntry struct {
	RecordID     int64         `json:"record_id"`
	LedgerID     int64         `json:"ledger_id"`
	ScanID       int64         `json:"scan_id"`
	CommuneCode  string        `json:"commune_code"`
	CommuneName  string        `json:"commune_name"`  // the unit as it stood when the book was written (pre-2025 list)
	CommuneType  string        `json:"commune_type"`  // Xã, Phường, Thị trấn
	DistrictName string        `json:"district_name"` // with its type, e.g. "Thành phố Thái Nguyên"
	ProvinceName string        `json:"province_name"`
	Book         string        `json:"book"`
	Page         int           `json:"page"`
	Index        int           `json:"index"`
	Kind         Kind          `json:"kind"`
	Status       RecordStatus  `json:"status"`
	FlagReason   string        `json:"flag_reason,omitempty"`
	ConfirmedBy  string        `json:"confirmed_by,omitempty"`
	ConfirmedAt  *time.Time    `json:"confirmed_at,omitempty"`
	Fields       []ExportField `json:"fields"`
	Matches      []ExportMatch `json:"matches,omitempty"` // links to the population database, by person
}

// ExportMatch is an entry's link to a citizen for one person it names ("" the entry's own
// person; "husband", "wife", "father", "mother"): its status and the personal ID number when
// linked (proposed or accepted).
type ExportMatch struct {
	Person    string      `json:"person"`
	Status    MatchStatus `json:"status"`
	CitizenID string      `json:"so_dinh_danh,omitempty"`
}

// Match is the entry's link for a person, nil when it has none.
func (e *ExportEntry) Match(person string) *ExportMatch {
	for i := range e.Matches {
		if e.Matches[i].Person == person {
			return &e.Matches[i]
		}
	}
	return nil
}

// Value is the final value of a named field, "" when the entry has no such field.
func (e *ExportEntry) Value(name string) string {
	for _, f := range e.Fields {
		if f.Name == name {
			return f.Value
		}
	}
	return ""
}

// Export is the record of one export: who made it, when, of what, and the file's checksum.
type Export struct {
	ID      int64        `json:"id"`
	At      time.Time    `json:"at"`
	Actor   string       `json:"actor"`
	UserID  *int64       `json:"user_id,omitempty"`
	Scope   ExportScope  `json:"scope"`
	Format  ExportFormat `json:"format"`
	Entries int64        `json:"entries"`
	Bytes   int64        `json:"bytes"`
	SHA256  string       `json:"sha256"`
}
