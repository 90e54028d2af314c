package domain

import "time"

// Reprocess is a request to read a ledger's or a scan's pages again, and what it changed so far.
// Entries a person has confirmed, corrected, set aside or holds open are never replaced.
type Reprocess struct {
	ID             int64     `json:"id"`
	At             time.Time `json:"at"`
	Actor          string    `json:"actor"`
	LedgerID       int64     `json:"ledger_id,omitempty"`
	ScanID         int64     `json:"scan_id,omitempty"`
	Scans          int       `json:"scans"`           // pages sent to be read again
	ScansDone      int       `json:"scans_done"`      // pages read again so far
	ScansFailed    int       `json:"scans_failed"`    // pages whose new reading failed (see the page's reason)
	FieldsChanged  int       `json:"fields_changed"`  // unconfirmed fields whose value changed
	EntriesAdded   int       `json:"entries_added"`   // entries found that were not there before
	EntriesRemoved int       `json:"entries_removed"` // undecided entries no longer found
	EntriesKept    int       `json:"entries_kept"`    // entries a person decided, left untouched
}

// ExtractionDiff is what saving a new reading of a scan changed.
type ExtractionDiff struct {
	FieldsChanged, EntriesAdded, EntriesRemoved, EntriesKept int
}
