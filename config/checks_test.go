package config_test

import (
	"flag"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/config"
)

func TestCheckPlan(t *testing.T) {
	for _, tc := range []struct {
		name          string
		env           map[string]string
		stages        int
		sample, below float64
		err           string
	}{
		{"default", nil, 0, 1, 0, ""},
		{"two stages", map[string]string{"SOHOA_CHECK_STAGES": "blind,sighted", "SOHOA_CHECK_SAMPLE": "0,1", "SOHOA_CHECK_BLIND_BELOW": "0.75"}, 2, 0.1, 0.75, ""},
		{"bad stage", map[string]string{"SOHOA_CHECK_STAGES": "twice"}, 0, 0, 0, "SOHOA_CHECK_STAGES"},
		{"bad sample", map[string]string{"SOHOA_CHECK_SAMPLE": "2"}, 0, 0, 0, "SOHOA_CHECK_SAMPLE"},
		{"bad threshold", map[string]string{"SOHOA_CHECK_BLIND_BELOW": "x"}, 0, 0, 0, "SOHOA_CHECK_BLIND_BELOW"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := config.Load(flag.NewFlagSet("t", flag.ContinueOnError), func(k string) string { return tc.env[k] })
			if err != nil {
				t.Fatal(err)
			}
			p, err := c.CheckPlan()
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("got %v, want an error naming %s", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Stages) != tc.stages || p.Sample != tc.sample || p.BlindBelow != tc.below {
				t.Errorf("got %+v, want %d stages, sample %v, below %v", p, tc.stages, tc.sample, tc.below)
			}
		})
	}
}
