package population

import (
	"fmt"
	"io"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// progress writes a line about the import at most every interval, and one at the end.
type progress struct {
	w     io.Writer
	every time.Duration
	start time.Time
	last  time.Time
}

func newProgress(w io.Writer, every time.Duration) *progress {
	now := time.Now()
	return &progress{w: w, every: every, start: now, last: now}
}

func (p *progress) report(c domain.ImportCounts, final bool) {
	if p.w == nil {
		return
	}
	now := time.Now()
	if !final && now.Sub(p.last) < p.every {
		return
	}
	p.last = now
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(c.Read) / secs
	}
	word := "đang nhập"
	if final {
		word = "xong"
	}
	fmt.Fprintf(p.w, "%s: %s dòng đã đọc, %s mới, %s cập nhật, %s không đổi — %s dòng/giây, %s\n",
		word, thousands(c.Read), thousands(c.Inserted), thousands(c.Updated), thousands(c.Unchanged),
		thousands(int64(rate)), now.Sub(p.start).Round(time.Second))
}

// thousands writes n with dots between groups of three digits, the Vietnamese way.
func thousands(n int64) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
