package match_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"testing"

	"github.com/sohoa/sohoa/match"
	"github.com/sohoa/sohoa/population"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/storage/storagetest"
	"github.com/sohoa/sohoa/synth/people"
)

// corpus is a synthetic extract as CSV and its entries as JSON lines, with the truth.
type corpus struct {
	citizens bytes.Buffer
	entries  bytes.Buffer
	truth    map[string]string
}

func makeCorpus(t testing.TB, citizens, entries int, seed uint64) *corpus {
	t.Helper()
	c := &corpus{truth: map[string]string{}}
	w, err := population.NewWriter(&c.citizens)
	if err != nil {
		t.Fatal(err)
	}
	enc := json.NewEncoder(&c.entries)
	err = people.Generate(people.Options{Citizens: citizens, Entries: entries, Seed: seed},
		w.Write, func(e people.Entry) error {
			c.truth[e.ID] = e.Truth
			return enc.Encode(e)
		})
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// setup imports a synthetic population into a fresh database and builds a matcher over it.
func setup(t testing.TB, c *corpus) (*match.Matcher, *storage.Store) {
	t.Helper()
	ctx := context.Background()
	store := storagetest.Store(t)
	if _, err := population.Import(ctx, bytes.NewReader(c.citizens.Bytes()), store, population.Options{}); err != nil {
		t.Fatal(err)
	}
	m, err := match.Open(ctx, store, match.DefaultThresholds)
	if err != nil {
		t.Fatal(err)
	}
	return m, store
}

func run(t testing.TB, m *match.Matcher, c *corpus) (match.Tally, match.StreamStats) {
	t.Helper()
	var out bytes.Buffer
	st, err := match.Stream(context.Background(), m, bytes.NewReader(c.entries.Bytes()), &out, 4, false)
	if err != nil {
		t.Fatal(err)
	}
	var tally match.Tally
	dec := json.NewDecoder(&out)
	for {
		var l match.Line
		if err := dec.Decode(&l); err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		tally.Add(l, c.truth[l.ID])
	}
	return tally, st
}

// TestMatchSyntheticPopulation is the small version of the 1 M measurement (README,
// "Matching"): 20,000 citizens with namesakes, 400 damaged entries, a tenth of them of people
// not in the extract.
func TestMatchSyntheticPopulation(t *testing.T) {
	c := makeCorpus(t, 20_000, 400, 11)
	m, _ := setup(t, c)
	tally, _ := run(t, m, c)
	var buf bytes.Buffer
	tally.Print(&buf)
	t.Log("\n" + buf.String())
	if tally.Entries != 400 {
		t.Errorf("got %d results, want 400", tally.Entries)
	}
	if p := tally.Precision(); p < 0.995 {
		t.Errorf("precision %.4f, want ≥ 0.995", p)
	}
	if r := tally.Recall(); r < 0.95 {
		t.Errorf("recall %.4f, want ≥ 0.95", r)
	}
	if s := tally.ReviewShare(); s > 0.25 {
		t.Errorf("share left to a person %.3f, want ≤ 0.25", s)
	}
}

// BenchmarkMatch measures matching throughput (entries/s) against 20,000 synthetic citizens; for
// the figure against a million, see README ("Matching with the population database").
func BenchmarkMatch(b *testing.B) {
	c := makeCorpus(b, 20_000, 500, 5)
	m, _ := setup(b, c)
	b.ResetTimer()
	entries := 0
	for range b.N {
		_, st := run(b, m, c)
		entries += st.Entries
	}
	b.ReportMetric(float64(entries)/b.Elapsed().Seconds(), "entries/s")
}

// BenchmarkImport measures the import (rows/s) of 20,000 synthetic citizens into an empty table.
func BenchmarkImport(b *testing.B) {
	c := makeCorpus(b, 20_000, 0, 6)
	rows := 0
	for range b.N {
		b.StopTimer()
		store := storagetest.Store(b)
		b.StartTimer()
		n, err := population.Import(context.Background(), bytes.NewReader(c.citizens.Bytes()), store, population.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rows += int(n.Read)
	}
	b.ReportMetric(float64(rows)/b.Elapsed().Seconds(), "rows/s")
}
