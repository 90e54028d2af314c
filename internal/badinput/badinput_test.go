package badinput

import (
	"slices"
	"testing"
)

// TestManifest: at least 80 cases, every entry point known, every input used, no case twice,
// and refusals for every entry point.
func TestManifest(t *testing.T) {
	cases, err := Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 80 {
		t.Errorf("got %d cases, want at least 80", len(cases))
	}
	used, seen, refused := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for _, c := range cases {
		if !slices.Contains(Entries, c.Entry) {
			t.Errorf("%s: unknown entry point %q", c.Name(), c.Entry)
		}
		if seen[c.Name()] {
			t.Errorf("%s: listed twice", c.Name())
		}
		seen[c.Name()], used[c.Input] = true, true
		if c.Want >= 400 || c.Want == 1 {
			refused[c.Entry] = true
		}
		if c.What == "" || c.What == "-" {
			t.Errorf("%s: says not what it tests", c.Name())
		}
	}
	for _, name := range InputNames() {
		if !used[name] {
			t.Errorf("input %q is in no case", name)
		}
	}
	for _, e := range Entries {
		if !refused[e] {
			t.Errorf("entry point %s has no refused case", e)
		}
	}
}
