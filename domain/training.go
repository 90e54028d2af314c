package domain

import "time"

// TrainingLine is one confirmed field with its crop box: a line image and its clerk-verified text,
// ground truth for a future handwriting recogniser, with where it comes from.
type TrainingLine struct {
	LedgerID    int64
	CommuneCode string
	Book        string
	ScanID      int64
	Page        int
	ImageKey    string // the cleaned greyscale page the box refers to
	RecordID    int64
	Entry       int // 0-based index of the entry on the page
	Field       string
	Value       string
	Box         Box
	ConfirmedBy string // username
	ConfirmedAt time.Time
}

// EntryContext is what keying assistance needs to know about an entry: its register's commune,
// kind and last year.
type EntryContext struct {
	CommuneCode string
	Kind        Kind
	Year        int // the register's last year (year_to)
	YearFrom    int // the register's first year
}
