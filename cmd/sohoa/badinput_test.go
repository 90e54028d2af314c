package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/internal/badinput"
)

// TestBadInputCorpusCommands runs the commands that read a page (sohoa clean, sohoa extract) on
// every file of the hostile-input corpus named for them: each must end with an error (exit
// status 1) that names the file's problem, write no output, and not panic.
func TestBadInputCorpusCommands(t *testing.T) {
	t.Parallel()
	cases, err := badinput.Cases("cli-clean", "cli-extract")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.Name(), func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "trang-0001.img")
			if err := os.WriteFile(in, c.In.Body, 0o600); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "out")
			args := []string{"clean", in, out + ".png"}
			if c.Entry == "cli-extract" {
				args = []string{"extract", in}
			}
			var stdout, stderr bytes.Buffer
			err := run(context.Background(), args, &stdout, &stderr)
			status := 0
			if err != nil {
				status = 1
			}
			if status != c.Want {
				t.Fatalf("%s: got exit %d (%v), want %d", c.What, status, err, c.Want)
			}
			if err == nil {
				if _, err := os.Stat(out + ".png"); err != nil {
					t.Errorf("accepted, yet no output: %v", err)
				}
				return
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, in) && !strings.Contains(msg, "trang-0001") {
				t.Errorf("got %q, want one line naming the file", msg)
			}
			if written, _ := filepath.Glob(out + "*"); len(written) != 0 || stdout.Len() != 0 {
				t.Errorf("refused, yet wrote %v and %q", written, stdout.String())
			}
		})
	}
}
