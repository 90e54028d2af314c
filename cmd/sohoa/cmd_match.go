package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"

	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/match"
	"github.com/sohoa/sohoa/storage"
)

// runMatch matches register entries to the imported population: `match --entries FILE` prints
// one JSON line per person of each entry; `match --ledger ID` matches a ledger's confirmed
// entries and stores the links (and the duplicates found) for review.
func runMatch(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("match", "match --entries FILE [--truth FILE] | match --ledger ID", stderr)
	entries := fs.String("entries", "", "JSON lines of entries to match (- for standard input)")
	ledger := fs.Int64("ledger", 0, "match this ledger's confirmed entries and store the results")
	truth := fs.String("truth", "", "CSV id,so_dinh_danh of the right answers: print precision, recall and speed on stderr")
	parallel := fs.Int("parallel", runtime.NumCPU()*2, "entries matched at once")
	explain := fs.Bool("explain", false, "print each candidate's weight field by field")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if (*entries == "") == (*ledger == 0) {
		return errors.New("match: give either --entries FILE or --ledger ID")
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	m, err := match.Open(ctx, store, match.DefaultThresholds)
	if err != nil {
		return err
	}
	if *ledger != 0 {
		return matchLedger(ctx, store, m, *ledger, stdout, stderr)
	}
	in := io.Reader(os.Stdin)
	if *entries != "-" {
		f, err := os.Open(*entries)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	out := stdout
	var tally *tallyWriter
	if *truth != "" {
		if tally, err = newTallyWriter(*truth, stdout); err != nil {
			return err
		}
		out = tally
	}
	st, err := match.Stream(ctx, m, in, out, *parallel, *explain)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "matched %d entries (%d persons) in %s: %.1f entries/s\n",
		st.Entries, st.Subjects, st.Elapsed.Round(1e6), float64(st.Entries)/st.Elapsed.Seconds())
	if tally != nil {
		tally.t.Print(stderr)
	}
	return nil
}

// tallyWriter passes result lines through and counts them against the truth.
type tallyWriter struct {
	w     io.Writer
	truth map[string]string
	t     match.Tally
}

func newTallyWriter(path string, w io.Writer) (*tallyWriter, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	truth := make(map[string]string, len(rows))
	for _, r := range rows[min(1, len(rows)):] {
		truth[r[0]] = r[1]
	}
	return &tallyWriter{w: w, truth: truth}, nil
}

// Write receives one JSON line at a time (the stream's encoder writes whole lines).
func (t *tallyWriter) Write(p []byte) (int, error) {
	var l match.Line
	if err := json.Unmarshal(p, &l); err != nil {
		return 0, err
	}
	t.t.Add(l, t.truth[l.ID])
	return t.w.Write(p)
}

// matchLedger matches a ledger's confirmed entries, stores the links and prints them.
func matchLedger(ctx context.Context, store *storage.Store, m *match.Matcher, id int64, stdout, stderr io.Writer) error {
	st, err := match.MatchLedger(ctx, store, m, id)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	for _, l := range st.Lines {
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	fmt.Fprintf(stderr, "ledger %d: %d entries; proposed %d, to review %d, none %d; %d decided by a person kept; %d possible duplicates\n",
		id, st.Entries, st.ByStatus[domain.MatchProposed], st.ByStatus[domain.MatchReview], st.ByStatus[domain.MatchNone], st.Kept, st.Duplicates)
	return nil
}
