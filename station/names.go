package station

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
)

// pageNamer reads a page number from a file name.
type pageNamer struct {
	pattern *regexp.Regexp // nil: the last run of digits, ignoring copy marks such as " (2)"
}

// newPageNamer compiles pattern; "" selects the default rule. With capture groups the first
// group is the number, otherwise the whole match.
func newPageNamer(pattern string) (pageNamer, error) {
	if pattern == "" {
		return pageNamer{}, nil
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		return pageNamer{}, errorf("--page-pattern: %w", "--page-pattern: %w", err)
	}
	return pageNamer{pattern: re}, nil
}

var (
	lastDigits = regexp.MustCompile(`(\d+)\D*$`)
	// copyMark is what Windows Explorer and scanners add to a second copy of a name:
	// "trang-0012 (2)", "trang-0012 - Copy", "trang-0012 - Copy (3)".
	copyMark = regexp.MustCompile(`(?i)(\s*-\s*(copy|sao chép|bản sao))?(\s*\(\d+\))?$`)
)

// page returns the page number in name (a base name), or an error saying why there is none.
func (p pageNamer) page(name string) (int, error) {
	var digits string
	if p.pattern != nil {
		m := p.pattern.FindStringSubmatch(name)
		switch {
		case m == nil:
			return 0, errorf("%q does not match the page pattern %s", "%q không khớp mẫu số trang %s", name, p.pattern)
		case len(m) > 1:
			digits = m[1]
		default:
			digits = m[0]
		}
	} else {
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		stem = copyMark.ReplaceAllString(stem, "")
		m := lastDigits.FindStringSubmatch(stem)
		if m == nil {
			return 0, errorf("%q has no page number in its name", "tên %q không có số trang", name)
		}
		digits = m[1]
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || n > maxPage {
		return 0, errorf("%q: page number %q is not between 1 and %d", "%q: số trang %q không nằm trong khoảng 1 đến %d", name, digits, maxPage)
	}
	return n, nil
}

// maxPage is the highest page number the server accepts.
const maxPage = 100_000

// ignored reports whether a name in the watched folder is not a page: temporary files that
// scanners and copy tools write before renaming, hidden files, and Windows' own files.
func ignored(name string) bool {
	lower := strings.ToLower(name)
	if strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~") {
		return true
	}
	for _, ext := range []string{".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".reason.txt"} {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	switch lower {
	case "thumbs.db", "desktop.ini":
		return true
	}
	return false
}

// freeName returns a path in dir for name that does not exist yet: name itself, or
// "stem (2).ext", "stem (3).ext", … as Windows Explorer names copies.
func freeName(dir, name string) (string, error) {
	ext := filepath.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for i := 1; i < 10_000; i++ {
		candidate := name
		if i > 1 {
			candidate = fmt.Sprintf("%s (%d)%s", stem, i, ext)
		}
		p := filepath.Join(dir, candidate)
		if _, err := os.Lstat(p); os.IsNotExist(err) {
			if _, err := os.Lstat(p + reasonSuffix); os.IsNotExist(err) {
				return p, nil
			}
		}
	}
	return "", errorf("no free name for %s in %s", "không còn tên trống cho %s trong %s", name, dir)
}

// reasonSuffix ends the file that says why a file was rejected.
const reasonSuffix = ".reason.txt"
