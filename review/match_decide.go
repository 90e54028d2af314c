package review

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// matchDecide records a person's decision on a link — accept the chosen candidate, no match, or
// send to the police check list — and opens the next link waiting for a person.
func (ui *UI) matchDecide(w http.ResponseWriter, r *request) error {
	rec, _, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	person := r.PostFormValue("person")
	version, err := strconv.Atoi(r.PostFormValue("version"))
	if err != nil {
		return fmt.Errorf("%w: version %q", domain.ErrInvalid, r.PostFormValue("version"))
	}
	status, citizen, err := ui.matchChoice(r, rec.ID, person)
	if err != nil {
		return err
	}
	if err := ui.store.DecideMatch(r.Context(), rec.ID, person, r.user, version, status, citizen); err != nil {
		return err
	}
	next, err := ui.store.MatchQueue(r.Context(), r.user, 2)
	if err != nil {
		return err
	}
	for _, m := range next {
		if m.Status == domain.MatchReview {
			return redirect(w, r, fmt.Sprintf("/matches/%d?person=%s", m.RecordID, url.QueryEscape(m.Person)), flashOf(status))
		}
	}
	return redirect(w, r, "/matches", flashOf(status))
}

// matchChoice reads the decision from the form; an accepted citizen must be one of the
// candidates the screen showed.
func (ui *UI) matchChoice(r *request, recordID int64, person string) (domain.MatchStatus, string, error) {
	switch r.PostFormValue("action") {
	case "none":
		return domain.MatchRejected, "", nil
	case "police":
		return domain.MatchPolice, "", nil
	case "accept":
	default:
		return "", "", fmt.Errorf("%w: action %q", domain.ErrInvalid, r.PostFormValue("action"))
	}
	citizen := r.PostFormValue("citizen")
	ms, err := ui.store.RecordMatches(r.Context(), recordID)
	if err != nil {
		return "", "", err
	}
	for _, m := range ms {
		if m.Person == person && slices.ContainsFunc(m.Candidates, func(c domain.MatchCandidate) bool { return c.CitizenID == citizen }) {
			return domain.MatchAccepted, citizen, nil
		}
	}
	return "", "", fmt.Errorf("%w: citizen %q is not a candidate of record %d", domain.ErrInvalid, citizen, recordID)
}

func flashOf(s domain.MatchStatus) string {
	if s == domain.MatchPolice {
		return "match.police.sent"
	}
	return "match." + string(s)
}
