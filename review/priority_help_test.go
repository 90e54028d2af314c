package review_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/review"
)

// Point 14 of issue 12: the ledgers page says what a priority means: higher comes first, the
// range and the default.
func TestPriorityIsExplained(t *testing.T) {
	t.Parallel()
	b := setup(t, review.Config{})
	sup := b.login(t, "giamsat-xa")
	resp, body := sup.get("/ledgers")
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("/ledgers: got %d", resp.StatusCode)
	}
	for _, want := range []string{"Số lớn hơn được duyệt trước", "−100 đến 100", "mặc định 0", `aria-describedby="priority-help"`} {
		if !strings.Contains(body, want) {
			t.Errorf("/ledgers lacks %q", want)
		}
	}
}
