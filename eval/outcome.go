package eval

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/sohoa/sohoa/domain"
)

// outcomeTally sorts fields by what a clerk meets: a right value shown as certain or flagged, a
// wrong value flagged or not, a missing value (always flagged: the field is empty).
type outcomeTally struct {
	n, right, rightFlagged, wrongFlagged, wrongUnflagged, missingFlagged, missingUnflagged int
	entryNo, entryRight, entrySuggested                                                    int
}

func (t *outcomeTally) add(o fieldOutcome) {
	t.n++
	missing := !o.script.prefilled
	switch {
	case o.exact:
		t.right++
		if o.flagged {
			t.rightFlagged++
		}
	case missing && o.flagged:
		t.missingFlagged++
	case missing:
		t.missingUnflagged++
	case o.flagged:
		t.wrongFlagged++
	default:
		t.wrongUnflagged++
	}
	if o.name == "entry_no" {
		t.entryNo++
		switch {
		case o.exact:
			t.entryRight++
		case o.suggested:
			t.entrySuggested++
		}
	}
}

func (t *outcomeTally) flagged() int {
	return t.rightFlagged + t.wrongFlagged + t.missingFlagged
}

// outcomeGroups are the severities eval reports, with light and medium together (the issue's
// targets for wrong-but-unflagged and flagged-correct are set on those two).
var outcomeGroups = []string{"light", "medium", "light+medium", "heavy", "all"}

func inGroup(sev, group string) bool {
	switch group {
	case "all":
		return true
	case "light+medium":
		return sev == "light" || sev == "medium"
	}
	return sev == group
}

// printOutcomes prints the entries missed per page and the fields by outcome, per severity, then
// exact fields per kind and severity.
func printOutcomes(w io.Writer, pages []*evalPage) {
	printEntriesPerPage(w, pages)
	tallies, byKind := tallyOutcomes(pages)
	printFieldsByOutcome(w, tallies)
	printEntryNumbers(w, tallies)
	printExactByKind(w, byKind)
}

// printEntriesPerPage prints, per severity, the truth entries found and missed per page.
func printEntriesPerPage(w io.Writer, pages []*evalPage) {
	fmt.Fprintln(w, "\nEntries per page (missed: a truth entry no extracted record pairs with)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "severity\tpages\tentries\tfound\tmissed/page\tpages missing some\tmost missed on a page\t")
	for _, g := range outcomeGroups {
		np, truth, found, short, worst := 0, 0, 0, 0, 0
		for _, p := range pages {
			if !inGroup(string(p.truth.Severity), g) {
				continue
			}
			np++
			truth += p.entries.truth
			found += p.entries.found
			if miss := p.entries.truth - p.entries.found; miss > 0 {
				short++
				worst = max(worst, miss)
			}
		}
		if np == 0 {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%d\t%d\t\n", g, np, truth, found, float64(truth-found)/float64(np), short, worst)
	}
	tw.Flush()
}

// tallyOutcomes tallies the field outcomes per severity group, and per kind/layout and group.
func tallyOutcomes(pages []*evalPage) (map[string]*outcomeTally, map[[2]string]*outcomeTally) {
	tallies := map[string]*outcomeTally{}
	byKind := map[[2]string]*outcomeTally{}
	for _, p := range pages {
		sev := string(p.truth.Severity)
		for _, o := range p.fields {
			for _, g := range outcomeGroups {
				if !inGroup(sev, g) {
					continue
				}
				if tallies[g] == nil {
					tallies[g] = &outcomeTally{}
				}
				tallies[g].add(o)
				k := [2]string{string(p.truth.Kind) + "/" + string(p.truth.Layout), g}
				if byKind[k] == nil {
					byKind[k] = &outcomeTally{}
				}
				byKind[k].add(o)
			}
		}
	}
	return tallies, byKind
}

// printFieldsByOutcome prints, per severity group, the shares of fields by outcome.
func printFieldsByOutcome(w io.Writer, tallies map[string]*outcomeTally) {
	fmt.Fprintln(w, "\nFields by outcome (of all fields; flagged = needs_review; missing = no value)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "severity\tfields\tright\tright-flagged (of right)\twrong-flagged\twrong-unflagged\tmissing-flagged\tmissing-unflagged\tflagged\t")
	for _, g := range outcomeGroups {
		t := tallies[g]
		if t == nil {
			continue
		}
		fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", g, t.n, pct(t.right, t.n), pct(t.rightFlagged, t.right),
			pct(t.wrongFlagged, t.n), pct(t.wrongUnflagged, t.n), pct(t.missingFlagged, t.n), pct(t.missingUnflagged, t.n),
			pct(t.flagged(), t.n))
	}
	tw.Flush()
}

// printEntryNumbers prints, per severity group, the shares of entry numbers right or suggested right.
func printEntryNumbers(w io.Writer, tallies map[string]*outcomeTally) {
	fmt.Fprintln(w, "\nEntry numbers (suggested: wrong or missing, but the first suggestion is right)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "severity\tnumbers\tright\tsuggested right\tright or suggested right\t")
	for _, g := range outcomeGroups {
		if t := tallies[g]; t != nil && t.entryNo > 0 {
			fmt.Fprintf(tw, "%s\t%d\t%s\t%s\t%s\t\n", g, t.entryNo, pct(t.entryRight, t.entryNo), pct(t.entrySuggested, t.entryNo),
				pct(t.entryRight+t.entrySuggested, t.entryNo))
		}
	}
	tw.Flush()
}

// printExactByKind prints the exact fields per kind/layout and severity group.
func printExactByKind(w io.Writer, byKind map[[2]string]*outcomeTally) {
	fmt.Fprintln(w, "\nExact fields by kind, layout and severity (wrong-unflagged in brackets)")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprint(tw, "kind/layout\t")
	for _, g := range outcomeGroups {
		fmt.Fprintf(tw, "%s\t", g)
	}
	fmt.Fprintln(tw)
	for _, k := range domain.Kinds {
		for _, layout := range []string{"form", "table"} {
			name := string(k) + "/" + layout
			if byKind[[2]string{name, "all"}] == nil {
				continue
			}
			fmt.Fprintf(tw, "%s\t", name)
			for _, g := range outcomeGroups {
				if t := byKind[[2]string{name, g}]; t != nil {
					fmt.Fprintf(tw, "%s (%d)\t", pct(t.right, t.n), t.wrongUnflagged)
				} else {
					fmt.Fprint(tw, "-\t")
				}
			}
			fmt.Fprintln(tw)
		}
	}
	tw.Flush()
}

// hasIssue reports whether one of the issues has the code.
func hasIssue(issues []domain.Issue, code string) bool {
	for _, is := range issues {
		if is.Code == code {
			return true
		}
	}
	return false
}
