package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/storage/storagetest"
)

// The command-line contract of issue 18: population synth → population import (twice: nothing
// changes) → match --entries prints one JSON line per entry, in input order, with a status and
// candidates best first, and --truth reports precision and recall.
func TestPopulationImportAndMatchCommands(t *testing.T) {
	url := storagetest.DatabaseURL(t)
	dir := t.TempDir()
	ctx := context.Background()
	var out, errOut bytes.Buffer
	if err := run(ctx, []string{"population", "synth", "--out", dir, "--citizens", "3000", "--entries", "60", "--seed", "3"}, &out, &errOut); err != nil {
		t.Fatalf("synth: %v\n%s", err, errOut.String())
	}
	for i, want := range []string{"3.000 mới", "3.000 không đổi"} {
		errOut.Reset()
		if err := run(ctx, []string{"population", "import", "--database-url", url, filepath.Join(dir, "citizens.csv")}, &out, &errOut); err != nil {
			t.Fatalf("import %d: %v\n%s", i+1, err, errOut.String())
		}
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("import %d: progress %q lacks %q", i+1, errOut.String(), want)
		}
	}
	out.Reset()
	errOut.Reset()
	args := []string{"match", "--database-url", url, "--entries", filepath.Join(dir, "entries.jsonl"), "--truth", filepath.Join(dir, "truth.csv")}
	if err := run(ctx, args, &out, &errOut); err != nil {
		t.Fatalf("match: %v\n%s", err, errOut.String())
	}
	sc := bufio.NewScanner(&out)
	n := 0
	for sc.Scan() {
		n++
		var l struct {
			ID         string `json:"id"`
			Status     string `json:"status"`
			Candidates []struct {
				ID    string  `json:"so_dinh_danh"`
				Score float64 `json:"score"`
			} `json:"candidates"`
		}
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			t.Fatalf("line %d: %v: %s", n, err, sc.Text())
		}
		if want := fmt.Sprintf("e%07d", n); l.ID != want {
			t.Errorf("line %d: id %q, want %q (input order)", n, l.ID, want)
		}
		if l.Status != "proposed" && l.Status != "review" && l.Status != "none" {
			t.Errorf("line %d: status %q", n, l.Status)
		}
		for i := 1; i < len(l.Candidates); i++ {
			if l.Candidates[i].Score > l.Candidates[i-1].Score || len(l.Candidates[i].ID) != 12 {
				t.Errorf("line %d: candidates not best first or bad ID: %+v", n, l.Candidates)
			}
		}
	}
	if n != 60 {
		t.Errorf("got %d lines, want 60", n)
	}
	if !strings.Contains(errOut.String(), "precision") || !strings.Contains(errOut.String(), "entries/s") {
		t.Errorf("--truth summary missing: %q", errOut.String())
	}
	errOut.Reset()
	if err := run(ctx, []string{"match", "--database-url", url}, &out, &errOut); err == nil || !strings.Contains(err.Error(), "--entries") {
		t.Errorf("match without input: got %v, want an error naming --entries", err)
	}
}
