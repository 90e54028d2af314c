package domain

// RecordStatus is where an entry is in review.
type RecordStatus string

// An entry waits (pending) until a clerk confirms it or flags it as missing / unclear.
const (
	RecordPending   RecordStatus = "pending"
	RecordConfirmed RecordStatus = "confirmed"
	RecordFlagged   RecordStatus = "flagged"
)
