package world

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/text/unicode/norm"
)

//go:embed data/*.tsv data/*.txt
var dataFiles embed.FS

// Files are the embedded data files (data/), for tests that check every letter they hold can be
// rendered.
func Files() fs.FS { return dataFiles }

// Data is the embedded reference data, parsed once and never modified.
type Data struct {
	surnames, middles weighted
	male, female      []string
	provinces         []Province
	history           []historyRow
	Groups            []Ethnic // the 54 ethnic groups, in the order draws walk them
}

// weighted picks strings with probability proportional to their weight.
type weighted struct {
	items []string
	cum   []float64
}

func (w *weighted) add(item string, weight float64) {
	total := weight
	if n := len(w.cum); n > 0 {
		total += w.cum[n-1]
	}
	w.items = append(w.items, item)
	w.cum = append(w.cum, total)
}

func (w weighted) pick(r *rand.Rand) string {
	x := r.Float64() * w.cum[len(w.cum)-1]
	return w.items[sort.SearchFloat64s(w.cum, x)]
}

// Load parses the embedded data files once per process.
var Load = sync.OnceValues(func() (*Data, error) {
	d := &Data{}
	var err error
	if d.surnames, err = readCounts("data/surname-counts.tsv"); err != nil {
		return nil, err
	}
	if d.middles, err = readCounts("data/middle-name-counts.tsv"); err != nil {
		return nil, err
	}
	if d.male, err = readLines("data/given-names-male.txt"); err != nil {
		return nil, err
	}
	if d.female, err = readLines("data/given-names-female.txt"); err != nil {
		return nil, err
	}
	if d.provinces, err = gazetteerPlaces(); err != nil {
		return nil, err
	}
	if d.history, err = readHistory("data/province-history.tsv"); err != nil {
		return nil, err
	}
	if d.Groups, err = loadEthnic(); err != nil {
		return nil, err
	}
	return d, nil
})

// readRows returns the tab-separated rows of an embedded file, NFC, without comments and blanks.
func readRows(path string) ([][]string, error) {
	b, err := dataFiles.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	var rows [][]string
	sc := bufio.NewScanner(bytes.NewReader(norm.NFC.Bytes(b)))
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("scan %s: %w", path, err)
	}
	return rows, nil
}

func readCounts(path string) (weighted, error) {
	rows, err := readRows(path)
	if err != nil {
		return weighted{}, err
	}
	var w weighted
	for i, row := range rows[1:] { // skip the header
		if len(row) != 2 {
			return weighted{}, fmt.Errorf("%s line %d: want 2 columns, got %d", path, i+2, len(row))
		}
		n, err := strconv.Atoi(row[1])
		if err != nil {
			return weighted{}, fmt.Errorf("%s line %d: %w", path, i+2, err)
		}
		w.add(row[0], float64(n))
	}
	if len(w.items) == 0 {
		return weighted{}, fmt.Errorf("%s: no rows", path)
	}
	return w, nil
}

func readLines(path string) ([]string, error) {
	rows, err := readRows(path)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(rows))
	for _, row := range rows {
		out = append(out, strings.TrimSpace(row[0]))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no rows", path)
	}
	return out, nil
}
