package ethnic

import (
	"bytes"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// refGroup is one entry of the reference file (bachhs/dwh-dx's ethnic-groups.ts).
type refGroup struct{ name, other, self string }

var refField = regexp.MustCompile(`(name|otherName|selfName):\s*"([^"]*)"`)

func readReference(t *testing.T) []refGroup {
	t.Helper()
	copied, err := os.ReadFile("testdata/ethnic-groups.ts")
	if err != nil {
		t.Fatal(err)
	}
	// The shared reference is not part of the repository; when it is at hand, the copy must match it.
	for _, p := range []string{"../../shared/reference/ethnic-groups.ts", "/work/shared/reference/ethnic-groups.ts"} {
		if shared, err := os.ReadFile(p); err == nil {
			if !bytes.Equal(shared, copied) {
				t.Errorf("testdata/ethnic-groups.ts differs from %s", p)
			}
			break
		}
	}
	var out []refGroup
	for _, m := range refField.FindAllStringSubmatch(norm.NFC.String(string(copied)), -1) {
		switch m[1] {
		case "name":
			out = append(out, refGroup{name: m[2]})
		case "otherName":
			out[len(out)-1].other = m[2]
		case "selfName":
			out[len(out)-1].self = m[2]
		}
	}
	return out
}

// refNames splits a reference cell: commas, "hoặc"/"hay" alternatives, brackets, a trailing "...";
// "Không có" is none.
func refNames(s string) []string {
	s = strings.NewReplacer("hoặc ", ",", " hay ", ",", "(", ",", ")", ",", "...", "").Replace(s)
	var out []string
	for _, n := range strings.Split(s, ",") {
		if n = strings.TrimSpace(n); n != "" && n != "Không có" {
			out = append(out, strings.ToLower(n))
		}
	}
	return out
}

// TestMatchesReference checks the list against the reference: the same 54 groups (the reference's
// "Việt" is written "Kinh"), each with every official, other and self-name the reference gives.
func TestMatchesReference(t *testing.T) {
	gs, err := Groups()
	if err != nil {
		t.Fatal(err)
	}
	ref := readReference(t)
	if len(ref) != 54 || len(gs) != 54 {
		t.Fatalf("got %d groups and %d in the reference, want 54 each", len(gs), len(ref))
	}
	byName := map[string]Group{}
	for _, g := range gs {
		if _, dup := byName[g.Name]; dup {
			t.Errorf("%q appears twice", g.Name)
		}
		byName[g.Name] = g
	}
	for _, r := range ref {
		name := r.name
		if name == "Việt" {
			name = "Kinh"
		}
		g, ok := byName[name]
		if !ok {
			t.Errorf("reference group %q is missing", r.name)
			continue
		}
		var have []string
		for _, n := range slices.Concat([]string{g.Name}, g.Other, g.Self) {
			have = append(have, strings.ToLower(n))
		}
		for _, n := range slices.Concat(refNames(r.name), refNames(r.other), refNames(r.self)) {
			if !slices.Contains(have, n) {
				t.Errorf("%s: reference name %q is missing", g.Name, n)
			}
		}
	}
}

func TestRanksAndShares(t *testing.T) {
	gs, err := Groups()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int]bool{}
	total := 0.0
	for _, g := range gs {
		if g.Rank < 1 || g.Rank > 54 || seen[g.Rank] {
			t.Errorf("%s: rank %d repeated or out of 1..54", g.Name, g.Rank)
		}
		seen[g.Rank] = true
		if g.Share <= 0 {
			t.Errorf("%s: share %v, want > 0", g.Name, g.Share)
		}
		total += g.Share
	}
	if total < 99 || total > 101 {
		t.Errorf("shares add up to %.2f%%, want about 100%%", total)
	}
}
