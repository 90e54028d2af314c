package domain_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestParseCheckStages(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []domain.CheckMode
		err  bool
	}{
		{"", []domain.CheckMode{}, false},
		{"none", []domain.CheckMode{}, false},
		{"sighted", []domain.CheckMode{domain.CheckSighted}, false},
		{" blind , sighted ", []domain.CheckMode{domain.CheckBlind, domain.CheckSighted}, false},
		{"blind,blind,blind", nil, true},
		{"mù", nil, true},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := domain.ParseCheckStages(tc.in)
			if tc.err {
				if !errors.Is(err, domain.ErrInvalid) {
					t.Fatalf("got %v, want ErrInvalid", err)
				}
				return
			}
			if err != nil || !slices.Equal(got, tc.want) {
				t.Fatalf("got %v (%v), want %v", got, err, tc.want)
			}
			if back, _ := domain.ParseCheckStages(domain.FormatCheckStages(got)); !slices.Equal(back, got) {
				t.Errorf("written and read again: got %v, want %v", back, got)
			}
		})
	}
}

// TestCheckMode: a blind stage checks blind its sample and every entry below the threshold, the
// same way every time; a sighted stage never.
func TestCheckMode(t *testing.T) {
	stages := []domain.CheckMode{domain.CheckBlind, domain.CheckSighted}
	p := domain.CheckPlan{Sample: 0.25, BlindBelow: 0.6}
	blind := 0
	for id := int64(1); id <= 4000; id++ {
		m := p.Mode(stages, 1, id, 0.9)
		if m != p.Mode(stages, 1, id, 0.9) {
			t.Fatalf("entry %d: the mode changed between two calls", id)
		}
		if m == domain.CheckBlind {
			blind++
		}
		if got := p.Mode(stages, 1, id, 0.59); got != domain.CheckBlind {
			t.Fatalf("entry %d below the threshold: got %s, want blind", id, got)
		}
		if got := p.Mode(stages, 2, id, 0.1); got != domain.CheckSighted {
			t.Fatalf("entry %d at a sighted stage: got %s, want sighted", id, got)
		}
	}
	if blind < 850 || blind > 1150 {
		t.Errorf("a 25%% sample took %d of 4000 entries, want about 1000", blind)
	}
	if got := (domain.CheckPlan{Sample: 0}).Mode(stages, 1, 7, 0.9); got != domain.CheckSighted {
		t.Errorf("no sample and no threshold: got %s, want sighted", got)
	}
	if got := (domain.CheckPlan{Sample: 1}).Mode(stages, 1, 7, 0.9); got != domain.CheckBlind {
		t.Errorf("the whole sample: got %s, want blind", got)
	}
}
