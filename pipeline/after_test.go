package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// The reader is told the last entry number of the book's page before, so that a page whose
// numbers cannot be read is numbered on from it, and a jump is flagged.
func TestExtractOptionsFollowOnFromThePageBefore(t *testing.T) {
	ledger := domain.Ledger{ID: 3, Kind: domain.KindDeath, YearFrom: 1980, YearTo: 1984}
	store := &fakeStore{last: map[int]int{4: 217}}
	w := &ProcessScan{store: store, reader: fakeReader{}, logger: slog.New(slog.DiscardHandler)}
	for _, tc := range []struct {
		name string
		page int
		want int
	}{
		{"page after a read page", 5, 217},
		{"page after one not read yet", 7, 0},
		{"first page", 1, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts, err := w.extractOptions(context.Background(), ledger, domain.Scan{LedgerID: 3, Page: tc.page})
			if err != nil {
				t.Fatal(err)
			}
			if opts.After != tc.want || opts.Kind != ledger.Kind || opts.Book.From != 1980 || opts.Book.To != 1984 {
				t.Fatalf("got %+v, want After %d with the ledger's kind and years", opts, tc.want)
			}
		})
	}
	store.lastErr = fmt.Errorf("last entry number: %w", domain.ErrUnavailable)
	if _, err := w.extractOptions(context.Background(), ledger, domain.Scan{LedgerID: 3, Page: 5}); !errors.Is(err, domain.ErrUnavailable) {
		t.Fatalf("database down: got %v, want the error (the job retries)", err)
	}
}
