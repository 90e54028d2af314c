package match

import (
	"context"
	"math"
	"sort"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
)

// Citizens finds the citizens in a subject's blocks.
type Citizens interface {
	CitizenCandidates(ctx context.Context, q domain.CitizenQuery) ([]domain.Citizen, error)
}

var _ Citizens = (*storage.Store)(nil)

// Thresholds decide what happens to an entry, in bits of total weight.
type Thresholds struct {
	Propose float64 // the best candidate is proposed at or above this weight …
	Margin  float64 // … when it leads the second by at least this much
	Review  float64 // candidates at or above this weight are shown to a person
	Offset  float64 // the weight of "none of the candidates" in the scores (see setScores)
}

// DefaultThresholds were set on synthetic populations (see README, "Matching").
var DefaultThresholds = Thresholds{Propose: 30, Margin: 10, Review: 12, Offset: 20}

// Matcher links subjects to citizens. It is safe for concurrent use.
type Matcher struct {
	src    Citizens
	places *Places
	freq   Frequencies
	th     Thresholds
}

// New builds a matcher over the citizens src finds, with their name frequencies.
func New(src Citizens, places *Places, freq Frequencies, th Thresholds) *Matcher {
	return &Matcher{src: src, places: places, freq: freq, th: th}
}

// Result is the outcome for one subject: a status and the candidates, best first.
type Result struct {
	Status     domain.MatchStatus
	Candidates []domain.MatchCandidate
}

// Match finds and weighs a subject's candidates. The exact blocks are tried first; the fuzzy
// ones (a given name a letter or two away, a trigram-similar whole name) only when they give no
// candidate to propose.
func (m *Matcher) Match(ctx context.Context, s Subject) (Result, error) {
	cands, err := m.candidates(ctx, s, false)
	if err != nil {
		return Result{}, err
	}
	if len(cands) == 0 || cands[0].Weight < m.th.Propose {
		more, err := m.candidates(ctx, s, true)
		if err != nil {
			return Result{}, err
		}
		cands = more
	}
	m.setScores(cands)
	return m.decide(cands, !s.residence), nil
}

func (m *Matcher) candidates(ctx context.Context, s Subject, fuzzy bool) ([]domain.MatchCandidate, error) {
	cs, err := m.src.CitizenCandidates(ctx, s.Query(fuzzy))
	if err != nil {
		return nil, err
	}
	ep, weak := m.subjectPlace(s)
	out := make([]domain.MatchCandidate, 0, len(cs))
	for i := range cs {
		out = append(out, m.Weigh(s, &cs[i], ep, weak))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].CitizenID < out[j].CitizenID
	})
	return out, nil
}

func (m *Matcher) subjectPlace(s Subject) (placeRef, bool) {
	if ref := m.places.resolve(s.Place); ref.known() {
		return ref, false
	}
	return m.places.commune(s.CommuneCode), true
}

// Weigh compares a subject with one citizen, field by field.
func (m *Matcher) Weigh(s Subject, c *domain.Citizen, ep placeRef, weak bool) domain.MatchCandidate {
	fs := m.compareName(s, *c)
	add := func(field, e, cv, outcome string, w float64) {
		fs = append(fs, domain.FieldScore{Field: field, Outcome: outcome, Weight: w, Entry: e, Citizen: cv})
	}
	o, w := compareDate(s.Birth, c.Birth)
	add("birth_date", s.Birth.String(), c.Birth.String(), o, w)
	o, w = compareSex(s.Sex, c.Sex)
	add("sex", s.Sex, c.Sex, o, w)
	cPlace := c.BirthPlace
	if s.residence {
		cPlace = c.Residence
	}
	o, w = comparePlace(ep, m.places.resolve(cPlace), weak)
	entryPlace := s.Place
	if weak && entryPlace == "" && s.CommuneCode != "" {
		entryPlace = "(" + s.CommuneCode + ")"
	}
	add("birth_place", entryPlace, cPlace, o, w)
	o, w = m.compareParent(s.Father, c.FatherName)
	add("father_name", s.Father, c.FatherName, o, w)
	o, w = m.compareParent(s.Mother, c.MotherName)
	add("mother_name", s.Mother, c.MotherName, o, w)
	if s.FatherYear != 0 {
		o, w = compareYear(s.FatherYear, c.FatherYear)
		add("father_birth_year", yearText(s.FatherYear), yearText(c.FatherYear), o, w)
	}
	if s.MotherYear != 0 {
		o, w = compareYear(s.MotherYear, c.MotherYear)
		add("mother_birth_year", yearText(s.MotherYear), yearText(c.MotherYear), o, w)
	}
	total := 0.0
	for _, f := range fs {
		total += f.Weight
	}
	return domain.MatchCandidate{CitizenID: c.ID, Weight: round2(total), Fields: fs, Citizen: c}
}

// setScores turns weights into scores: the posterior share of each candidate among "one of
// these candidates, or none of them", where "none" weighs Offset bits: 2^w / (2^Offset + Σ 2^wj).
func (m *Matcher) setScores(cands []domain.MatchCandidate) {
	if len(cands) == 0 {
		return
	}
	top := math.Max(cands[0].Weight, m.th.Offset)
	sum := math.Exp2(m.th.Offset - top)
	for _, c := range cands {
		sum += math.Exp2(c.Weight - top)
	}
	for i := range cands {
		cands[i].Score = math.Round(1e4*math.Exp2(cands[i].Weight-top)/sum) / 1e4
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// parentDiffers reports whether the register and the citizen name a different father or mother:
// namesakes born the same day in the same commune are common, so such a candidate, however
// strong its name, date and place, is never linked without a person.
func parentDiffers(c domain.MatchCandidate) bool {
	for _, f := range c.Fields {
		if (f.Field == "father_name" || f.Field == "mother_name") && f.Outcome == "differ" {
			return true
		}
	}
	return false
}

// parentAgrees reports whether the father's or the mother's name agrees (the same letters at
// least): a birth entry is linked automatically only then, as art. 11 of Thông tư 01/2022
// finds people by their parents too.
func parentAgrees(c domain.MatchCandidate) bool {
	for _, f := range c.Fields {
		if (f.Field == "father_name" || f.Field == "mother_name") && (f.Outcome == "exact" || f.Outcome == "folded") {
			return true
		}
	}
	return false
}

// decide turns weighed candidates into a status: proposed when the best is above the threshold,
// clearly ahead of the next, and (for a birth) has a parent agreeing and none differing; review
// when some candidate is plausible; none otherwise.
func (m *Matcher) decide(cands []domain.MatchCandidate, birth bool) Result {
	shown := cands
	for i, c := range cands {
		if c.Weight < m.th.Review || i == 5 {
			shown = cands[:i]
			break
		}
	}
	switch {
	case len(shown) == 0:
		return Result{Status: domain.MatchNone, Candidates: []domain.MatchCandidate{}}
	case shown[0].Weight >= m.th.Propose && (len(cands) == 1 || shown[0].Weight-cands[1].Weight >= m.th.Margin) &&
		!parentDiffers(shown[0]) && (!birth || parentAgrees(shown[0])):
		return Result{Status: domain.MatchProposed, Candidates: shown}
	}
	return Result{Status: domain.MatchReview, Candidates: shown}
}
