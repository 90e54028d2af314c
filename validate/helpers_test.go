package validate

import (
	"sync"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

var shared = sync.OnceValues(New)

// testValidator returns one Validator shared by the tests, as the services share theirs.
func testValidator(tb testing.TB) *Validator {
	tb.Helper()
	v, err := shared()
	if err != nil {
		tb.Fatal(err)
	}
	return v
}

// codes lists the issue codes of a result.
func codes(is []domain.Issue) []string {
	var out []string
	for _, i := range is {
		out = append(out, i.Code)
	}
	return out
}

func hasCode(is []domain.Issue, code string) bool {
	for _, i := range is {
		if i.Code == code {
			return true
		}
	}
	return false
}
