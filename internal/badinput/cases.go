package badinput

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Input is what one case sends. File entry points (an upload, a photo, the station client, a
// command) take Body as the file; forms take Form, or Body as the raw form when set.
type Input struct {
	Body        []byte
	ContentType string     // "" is application/octet-stream for files, a URL-encoded form for forms
	FileName    string     // set: the file goes as multipart field "file" under this name
	Form        url.Values // form fields; for a review form, values replacing a good entry's
	Query       string     // the upload's query ("" is page=1)
}

// Case is one row of the manifest with its input.
type Case struct {
	Entry string // the entry point: see manifest.tsv
	Input string // the input's name
	Want  int    // the HTTP status expected; for a command, its exit status
	What  string // what the case is about
	In    Input
}

// Name is the case's name in test output: entry/input.
func (c Case) Name() string { return c.Entry + "/" + c.Input }

//go:embed manifest.tsv
var manifest []byte

// Cases are every case of the manifest for the given entry points (all when none given).
func Cases(entries ...string) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(bytes.NewReader(manifest))
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 4 {
			return nil, fmt.Errorf("manifest.tsv:%d: got %d columns, want entry, input, status, what", n, len(cols))
		}
		want, err := strconv.Atoi(cols[2])
		if err != nil {
			return nil, fmt.Errorf("manifest.tsv:%d: status %q: %w", n, cols[2], err)
		}
		build, ok := inputs[cols[1]]
		if !ok {
			return nil, fmt.Errorf("manifest.tsv:%d: no input named %q", n, cols[1])
		}
		c := Case{Entry: cols[0], Input: cols[1], Want: want, What: cols[3], In: build()}
		if len(entries) == 0 || contains(entries, c.Entry) {
			out = append(out, c)
		}
	}
	return out, sc.Err()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// Entries are the entry points the manifest may name, each run by one test.
var Entries = []string{"api-upload", "api-ledger", "ui-login", "ui-ledger-create", "ui-ledger-edit", "ui-confirm",
	"ui-capture", "station", "cli-clean", "cli-extract"}

// InputNames are the names of every input, for the test that finds unused ones.
func InputNames() []string {
	var out []string
	for k := range inputs {
		out = append(out, k)
	}
	return out
}
