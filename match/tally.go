package match

import (
	"fmt"
	"io"

	"github.com/sohoa/sohoa/domain"
)

// Tally compares results with the truth (entry ID → citizen ID, "" when the person is not in
// the population).
type Tally struct {
	Entries       int // entries counted
	WithCitizen   int // entries whose person is a citizen
	Proposed      int // automatic proposals
	ProposedRight int // … of the right citizen
	Review        int // left to a person
	ReviewHasTrue int // … with the right citizen among the candidates shown
	None          int
	NoneWrong     int // "none" although the person is a citizen
}

// Add counts one result.
func (t *Tally) Add(l Line, truth string) {
	t.Entries++
	if truth != "" {
		t.WithCitizen++
	}
	switch domain.MatchStatus(l.Status) {
	case domain.MatchProposed:
		t.Proposed++
		if truth != "" && l.Candidates[0].ID == truth {
			t.ProposedRight++
		}
	case domain.MatchReview:
		t.Review++
		for _, c := range l.Candidates {
			if truth != "" && c.ID == truth {
				t.ReviewHasTrue++
			}
		}
	default:
		t.None++
		if truth != "" {
			t.NoneWrong++
		}
	}
}

// Precision is the share of automatic proposals that name the right citizen.
func (t Tally) Precision() float64 { return ratio(t.ProposedRight, t.Proposed) }

// Recall is the share of entries with a citizen whose citizen is proposed or shown to a person.
func (t Tally) Recall() float64 { return ratio(t.ProposedRight+t.ReviewHasTrue, t.WithCitizen) }

// AutoRecall is the share of entries with a citizen whose citizen is proposed automatically.
func (t Tally) AutoRecall() float64 { return ratio(t.ProposedRight, t.WithCitizen) }

// ReviewShare is the share of entries left to a person.
func (t Tally) ReviewShare() float64 { return ratio(t.Review, t.Entries) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Print writes the figures, one a line.
func (t Tally) Print(w io.Writer) {
	fmt.Fprintf(w, "entries %d (with a citizen %d)\n", t.Entries, t.WithCitizen)
	fmt.Fprintf(w, "proposed %d, right %d: precision %.4f\n", t.Proposed, t.ProposedRight, t.Precision())
	fmt.Fprintf(w, "left to a person %d (%.1f%%), right citizen among the candidates in %d\n", t.Review, 100*t.ReviewShare(), t.ReviewHasTrue)
	fmt.Fprintf(w, "none %d, of which the person is a citizen %d\n", t.None, t.NoneWrong)
	fmt.Fprintf(w, "recall (proposed or shown) %.4f, automatic recall %.4f\n", t.Recall(), t.AutoRecall())
}
