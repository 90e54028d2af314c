package match

import (
	"context"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// LedgerStore is what matching a ledger reads and writes.
type LedgerStore interface {
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	ConfirmedRecords(ctx context.Context, ledgerID int64) ([]domain.ExportRecord, error)
	SaveMatch(ctx context.Context, m domain.RecordMatch) (bool, error)
	FindDuplicates(ctx context.Context, ids []int64) (int64, error)
}

var _ LedgerStore = (*storage.Store)(nil)

// LedgerStats count what matching a ledger did.
type LedgerStats struct {
	Entries    int
	ByStatus   map[domain.MatchStatus]int
	Kept       int // links a person had decided, left alone
	Duplicates int64
	Lines      []Line
}

// MatchLedger matches every confirmed entry of a ledger, stores the links (never over a person's
// decision) and records the pairs of entries that may be the same person.
func MatchLedger(ctx context.Context, st LedgerStore, m *Matcher, ledgerID int64) (LedgerStats, error) {
	stats := LedgerStats{ByStatus: map[domain.MatchStatus]int{}}
	l, err := st.Ledger(ctx, ledgerID)
	if err != nil {
		return stats, err
	}
	recs, err := st.ConfirmedRecords(ctx, ledgerID)
	if err != nil {
		return stats, err
	}
	ids := make([]int64, 0, len(recs))
	for _, rec := range recs {
		e := Entry{ID: strconv.FormatInt(rec.ID, 10), Kind: l.Kind, CommuneCode: l.CommuneCode, Year: l.YearFrom, Fields: rec.Values}
		stats.Entries++
		ids = append(ids, rec.ID)
		for _, s := range Subjects(e) {
			res, err := m.Match(ctx, s)
			if err != nil {
				return stats, err
			}
			saved, err := st.SaveMatch(ctx, domain.RecordMatch{RecordID: rec.ID, Person: s.Person, Status: res.Status, Candidates: res.Candidates})
			if err != nil {
				return stats, err
			}
			if !saved {
				stats.Kept++
			}
			stats.ByStatus[res.Status]++
			stats.Lines = append(stats.Lines, lineOf(e.ID, s.Person, res, false))
		}
	}
	if stats.Duplicates, err = st.FindDuplicates(ctx, ids); err != nil {
		return stats, err
	}
	return stats, nil
}

func lineOf(id, person string, res Result, explain bool) Line {
	if person != "" {
		id += "/" + person
	}
	l := Line{ID: id, Status: string(res.Status), Candidates: []LineCandidate{}}
	for _, c := range res.Candidates {
		lc := LineCandidate{ID: c.CitizenID, Score: c.Score, Weight: c.Weight}
		if explain {
			lc.Fields = c.Fields
		}
		l.Candidates = append(l.Candidates, lc)
	}
	return l
}
