package export

import (
	"bufio"
	"bytes"
	"embed"
	"fmt"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// columnFiles are the import workbooks' column lists, copied from the shared reference data
// (see columns/NOTICE).
//
//go:embed columns/*.tsv
var columnFiles embed.FS

// Columns returns the import workbook's column names for a kind, in order.
func Columns(k domain.Kind) ([]string, error) {
	b, err := columnFiles.ReadFile("columns/" + string(k) + ".tsv")
	if err != nil {
		return nil, fmt.Errorf("%w: no import workbook for kind %q", domain.ErrInvalid, k)
	}
	return parseColumns(b)
}

// parseColumns reads a column list: comment lines (#), a header line, then "letter TAB name ...".
func parseColumns(b []byte) ([]string, error) {
	var names []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	header := true
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < 2 || parts[1] == "" {
			return nil, fmt.Errorf("column list: bad line %q", line)
		}
		if want := columnLetter(len(names)); parts[0] != want {
			return nil, fmt.Errorf("column list: column %s where %s was expected", parts[0], want)
		}
		names = append(names, parts[1])
	}
	return names, sc.Err()
}

// columnLetter is a spreadsheet column's letters: 0 → A, 25 → Z, 26 → AA.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}
