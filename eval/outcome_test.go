package eval

import (
	"fmt"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/ocr"
	"github.com/sohoa/sohoa/synth"
)

func TestPrintOutcomes(t *testing.T) {
	field := func(name string, exact, flagged, prefilled, suggested bool) fieldOutcome {
		return fieldOutcome{name: name, exact: exact, flagged: flagged, suggested: suggested,
			script: scriptOutcome{prefilled: prefilled}}
	}
	light := &evalPage{truth: synth.GroundTruth{Severity: synth.SeverityLight, Kind: "khai-tu", Layout: synth.LayoutForm},
		entries: entryCount{truth: 3, found: 2}, fields: []fieldOutcome{
			field("full_name", true, false, true, false),  // right
			field("sex", true, true, true, false),         // right, flagged
			field("birth_date", false, true, true, false), // wrong, flagged
			field("death_cause", false, false, true, false),
			field("entry_no", false, true, false, true), // missing, but suggested right
		}}
	heavy := &evalPage{truth: synth.GroundTruth{Severity: synth.SeverityHeavy, Kind: "ket-hon", Layout: synth.LayoutTable},
		entries: entryCount{truth: 8, found: 8}, fields: []fieldOutcome{field("entry_no", true, false, true, false)}}
	var b strings.Builder
	printOutcomes(&b, []*evalPage{light, heavy})
	rows := map[string]bool{}
	for _, l := range strings.Split(b.String(), "\n") {
		rows[strings.Join(strings.Fields(l), " ")] = true
	}
	for _, want := range []string{
		// light: 1 entry missed on its one page
		"light 1 3 2 1.00 1 1",
		"all 2 11 10 0.50 1 1",
		// 5 fields: 2 right (1 flagged), 1 wrong flagged, 1 wrong unflagged, 1 missing flagged; 3 flagged
		"light 5 40.0% 50.0% 20.0% 20.0% 20.0% 0.0% 60.0%",
		"all 6 50.0% 33.3% 16.7% 16.7% 16.7% 0.0% 50.0%",
		// the entry number: not right, but suggested right
		"light 1 0.0% 100.0% 100.0%",
		"khai-tu/form 40.0% (1) - 40.0% (1) - 40.0% (1)",
		"ket-hon/table - - - 100.0% (0) 100.0% (0)",
	} {
		if !rows[want] {
			t.Errorf("output lacks the row %q:\n%s", want, b.String())
		}
	}
}

func TestPrintReliability(t *testing.T) {
	field := func(name string, conf float64, exact, flagged bool) fieldOutcome {
		// flagged here is flagged by an issue, whatever the threshold
		return fieldOutcome{name: name, conf: conf, exact: exact, flagged: flagged, flaggedOther: flagged, script: scriptOutcome{prefilled: true}}
	}
	p := &evalPage{truth: synth.GroundTruth{Severity: synth.SeverityLight, Kind: "khai-sinh"}, fields: []fieldOutcome{
		field("birth_date", 0.96, true, false), field("birth_date", 0.97, true, false),
		field("registration_date", 0.91, false, false), // wrong, unflagged, under 0.92
		field("full_name", 0.99, true, false), field("full_name", 0.95, true, true),
	}}
	var b strings.Builder
	printReliability(&b, []*evalPage{p})
	rows := map[string]bool{}
	for _, l := range strings.Split(b.String(), "\n") {
		rows[strings.Join(strings.Fields(l), " ")] = true
	}
	for _, want := range []string{
		"date - - - - 0.91→0.0% (1) 0.96→100.0% (2) -",
		"name - - - - - 0.95→100.0% (1) 0.99→100.0% (1)",
		"0.900 5 20.0% 25.0%", // the wrong date is still unflagged; one right name flagged
		"0.920 5 0.0% 25.0%",  // flagged by the threshold now
		"0.960 5 0.0% 25.0%",  // nothing right under 0.96 but the flagged name
		"0.980 5 0.0% 75.0%",  // the dates at 0.96 and 0.97 too
		fmt.Sprintf("Lowest threshold keeping wrong-unflagged under 0.3%%: 0.920 (configured: %.3f)", ocr.DefaultReviewThreshold),
	} {
		if !rows[want] {
			t.Errorf("output lacks the row %q:\n%s", want, b.String())
		}
	}
}
