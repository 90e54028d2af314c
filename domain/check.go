package domain

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
	"time"
)

// CheckMode is how a checker sees an entry: sighted (the entered values shown, to confirm or
// correct) or blind (the fields typed again without seeing what was entered).
type CheckMode string

// The two check modes.
const (
	CheckSighted CheckMode = "sighted"
	CheckBlind   CheckMode = "blind"
)

// MaxCheckStages is how many checks may follow entry: check 1 (kiểm tra lần 1) and check 2
// (kiểm tra lần 2).
const MaxCheckStages = 2

// ParseCheckStages reads a list of check stages such as "blind,sighted": one mode per stage,
// at most two; "" or "none" is no check at all (an entry is done once entered).
func ParseCheckStages(s string) ([]CheckMode, error) {
	s = strings.TrimSpace(s)
	if s == "" || s == "none" {
		return []CheckMode{}, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) > MaxCheckStages {
		return nil, fmt.Errorf("%w: at most %d check stages, got %q", ErrInvalid, MaxCheckStages, s)
	}
	out := make([]CheckMode, 0, len(parts))
	for _, p := range parts {
		switch m := CheckMode(strings.TrimSpace(p)); m {
		case CheckSighted, CheckBlind:
			out = append(out, m)
		default:
			return nil, fmt.Errorf("%w: check stage %q is neither sighted nor blind", ErrInvalid, p)
		}
	}
	return out, nil
}

// FormatCheckStages writes stages back as ParseCheckStages reads them ("none" for none).
func FormatCheckStages(st []CheckMode) string {
	if len(st) == 0 {
		return "none"
	}
	parts := make([]string, len(st))
	for i, m := range st {
		parts[i] = string(m)
	}
	return strings.Join(parts, ",")
}

// CheckPlan is the installation's verification stages: the stages of a ledger that names none,
// and for blind stages which entries are checked blind.
type CheckPlan struct {
	Stages []CheckMode // the default stages; a ledger may set its own
	// Sample is the share (0–1) of entries a blind stage checks blind, chosen by a fixed hash of
	// the entry's id so that the choice never changes; the others are checked sighted.
	Sample float64
	// BlindBelow: a blind stage checks blind every entry whose confidence is below it, sampled or not.
	BlindBelow float64
}

// Mode is how stage (1-based) of a ledger with the given stages checks an entry.
func (p CheckPlan) Mode(stages []CheckMode, stage int, recordID int64, confidence float64) CheckMode {
	if stage < 1 || stage > len(stages) || stages[stage-1] != CheckBlind {
		return CheckSighted
	}
	if confidence < p.BlindBelow || sampled(recordID, stage, p.Sample) {
		return CheckBlind
	}
	return CheckSighted
}

// sampled reports whether an entry falls in a stage's sample: a hash of the id and stage mapped
// to [0, 1), so the same entry is always in or out.
func sampled(recordID int64, stage int, share float64) bool {
	if share >= 1 {
		return true
	}
	if share <= 0 {
		return false
	}
	h := fnv.New64a()
	_, _ = h.Write([]byte(strconv.FormatInt(recordID, 10) + "/" + strconv.Itoa(stage)))
	return float64(h.Sum64()%1_000_000)/1_000_000 < share
}

// CheckTask is an entry handed to a checker: which stage, in which mode, the entry itself.
type CheckTask struct {
	Record    Record
	Stage     int // 1 or 2
	Mode      CheckMode
	EnteredBy int64 // the clerk who entered it: never the checker
}

// CheckOutcome is what a check did: passed the stage, or raised a disagreement for a supervisor.
type CheckOutcome struct {
	Agreed    bool
	Differing []string // the fields whose values differ, in page order
}

// Dispute is a disagreement waiting for a supervisor: the entry as entered, the checker's
// values, and who did what.
type Dispute struct {
	CheckID   int64             `json:"check_id"`
	RecordID  int64             `json:"record_id"`
	Stage     int               `json:"stage"`
	Mode      CheckMode         `json:"mode"`
	Entered   map[string]string `json:"entered"` // the values the check compared against
	Checked   map[string]string `json:"checked"` // the checker's values
	Differing []string          `json:"differing"`
	EnteredBy string            `json:"entered_by"`
	CheckedBy string            `json:"checked_by"`
	At        time.Time         `json:"at"`
	Place     RecordPlace       `json:"place"`
	Index     int               `json:"index"`
	Version   int               `json:"version"`
}

// ClerkCheckRate is how one clerk's entries fared in checks, and how many checks they did.
type ClerkCheckRate struct {
	Username   string  `json:"username"`
	Checked    int64   `json:"checked"`   // their entries checked
	Agreed     int64   `json:"agreed"`    // of which the checker agreed
	Corrected  int64   `json:"corrected"` // of which the final value differs from theirs
	ChecksDone int64   `json:"checks_done"`
	Agreement  float64 `json:"agreement_rate"`
	Correction float64 `json:"correction_rate"`
}
