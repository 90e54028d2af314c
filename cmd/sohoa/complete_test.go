package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

func TestCompleteCommand(t *testing.T) {
	t.Setenv("SOHOA_DATABASE_URL", "") // reference data only
	for _, tc := range []struct {
		args  []string
		first string
	}{
		{[]string{"complete", "--field", "name", "nguyen", "van", "an"}, "Nguyễn Văn An"},
		{[]string{"complete", "--field", "birth_place", "--year", "1980", "--commune", "05464", "bac th"}, "tỉnh Bắc Thái"},
		{[]string{"complete", "--field", "date", "--year", "1990", "5 3 87"}, "05/03/1987"},
		{[]string{"complete", "--field", "cause_of_death", "--limit", "3", "ung thu"}, "Ung thư"},
	} {
		var out, errs bytes.Buffer
		if err := run(context.Background(), tc.args, &out, &errs); err != nil {
			t.Fatalf("%q: %v (%s)", tc.args, err, errs.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if lines[0] != tc.first || len(lines) > 10 {
			t.Errorf("%q: got %q, want %q first and at most 10 lines", tc.args, lines, tc.first)
		}
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"complete", "--field", "colour", "x"}, &out, &errs); err == nil ||
		!strings.Contains(err.Error(), "--field") {
		t.Errorf("unknown field type: err %v, want one naming --field", err)
	}
}

// The replay counts fewer keys with completion than by hand on a small birth corpus.
func TestCompleteReplay(t *testing.T) {
	dir := t.TempDir()
	err := synth.Generate(context.Background(), synth.Options{Seed: 3, Pages: 1, Kind: domain.KindBirth, Severity: synth.Severity("light")}, func(p synth.Page) error {
		return p.Save(dir)
	})
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	if err := run(context.Background(), []string{"complete", "--replay", dir}, &out, &errs); err != nil {
		t.Fatalf("replay: %v (%s)", err, errs.String())
	}
	m := regexp.MustCompile(`khai-sinh\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)%`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("replay output lacks the birth row:\n%s", out.String())
	}
	entries, _ := strconv.Atoi(m[1])
	hand, _ := strconv.Atoi(m[2])
	assisted, _ := strconv.Atoi(m[3])
	if entries == 0 || assisted <= 0 || assisted >= hand {
		t.Errorf("replay: %d entries, %d keys by hand, %d with completion; want fewer with completion\n%s", entries, hand, assisted, out.String())
	}
	t.Logf("\n%s", out.String())
}
