package match

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// Line is what `sohoa match` prints for each person of an entry.
type Line struct {
	ID         string          `json:"id"`
	Status     string          `json:"status"`
	Candidates []LineCandidate `json:"candidates"`
}

// LineCandidate is one candidate in a Line; Fields only with --explain.
type LineCandidate struct {
	ID     string              `json:"so_dinh_danh"`
	Score  float64             `json:"score"`
	Weight float64             `json:"weight"`
	Fields []domain.FieldScore `json:"fields,omitempty"`
}

// StreamStats say how many entries and persons a stream matched, and how fast.
type StreamStats struct {
	Entries, Subjects int
	Elapsed           time.Duration
}

// Stream reads entries (JSON lines) from r and writes one Line per person to w, in input order,
// matching with workers goroutines. A line that is not a valid entry stops the stream with its
// line number.
func Stream(ctx context.Context, m *Matcher, r io.Reader, w io.Writer, workers int, explain bool) (StreamStats, error) {
	start := time.Now()
	jobs := make(chan streamJob, 4*workers)
	results := make(chan chan []Line, 4*workers)
	var st StreamStats
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	run := &streamRun{cancel: cancel}
	for range max(workers, 1) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				lines, err := m.entryLines(ctx, j.e, explain)
				if err != nil {
					run.stop(err)
				}
				j.out <- lines
			}
		}()
	}
	go run.read(ctx, r, jobs, results)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for out := range results {
		lines := <-out
		st.Entries++
		for _, l := range lines {
			st.Subjects++
			if err := enc.Encode(l); err != nil {
				run.stop(err)
			}
		}
	}
	wg.Wait()
	st.Elapsed = time.Since(start)
	return st, run.err
}

// streamJob is one entry to match, and where its lines go.
type streamJob struct {
	e   Entry
	out chan []Line
}

// streamRun is what a Stream's goroutines share: the first error, and the cancel that stops
// the others.
type streamRun struct {
	once   sync.Once
	err    error
	cancel context.CancelFunc
}

// fail keeps the first error.
func (s *streamRun) fail(err error) { s.once.Do(func() { s.err = err }) }

// stop keeps the first error and stops the stream.
func (s *streamRun) stop(err error) {
	s.fail(err)
	s.cancel()
}

// read queues every entry of r for the workers, and its result channel for the writer in the
// same order; a line that is not an entry stops the stream.
func (s *streamRun) read(ctx context.Context, r io.Reader, jobs chan<- streamJob, results chan<- chan []Line) {
	defer close(results)
	defer close(jobs)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var e Entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil || e.ID == "" {
			s.stop(fmt.Errorf("%w: entries line %d: want a JSON object with an id (%v)", domain.ErrInvalid, n, err))
			return
		}
		out := make(chan []Line, 1)
		select {
		case jobs <- streamJob{e: e, out: out}:
			results <- out
		case <-ctx.Done():
			return
		}
	}
	if err := sc.Err(); err != nil {
		s.fail(fmt.Errorf("read entries: %w", err))
	}
}

// entryLines matches every person of an entry.
func (m *Matcher) entryLines(ctx context.Context, e Entry, explain bool) ([]Line, error) {
	if e.Kind == "" {
		e.Kind = domain.KindBirth
	}
	var out []Line
	for _, s := range Subjects(e) {
		res, err := m.Match(ctx, s)
		if err != nil {
			return nil, fmt.Errorf("match entry %s: %w", e.ID, err)
		}
		l := lineOf(e.ID, s.Person, res, explain)
		out = append(out, l)
	}
	if len(out) == 0 { // nothing to match by: no name
		out = append(out, Line{ID: e.ID, Status: string(domain.MatchNone), Candidates: []LineCandidate{}})
	}
	return out, nil
}
