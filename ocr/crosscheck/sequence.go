package crosscheck

import (
	"fmt"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// CodeEntrySequence marks an entry number out of step with its neighbours on the page.
const CodeEntrySequence = "entry_no_sequence"

// Sequence flags entry numbers that break the page's run: entries on a register page are
// numbered one after another, so a number that neither follows the previous entry's nor precedes
// the next one's, while those two agree with each other ("236, 2317, 238"), is a misreading. The
// number both neighbours imply is offered as the suggestion; on a two-entry page both are flagged.
func Sequence(p *Page) {
	nums := make([]int, len(p.Records))
	for i, rec := range p.Records {
		nums[i] = -1
		if n, err := strconv.Atoi(rec.Fields["entry_no"].Value); err == nil {
			nums[i] = n
		}
	}
	for i, n := range nums {
		if n < 0 {
			continue
		}
		var want []int // what each readable neighbour implies
		if i > 0 && nums[i-1] >= 0 {
			want = append(want, nums[i-1]+1)
		}
		if i+1 < len(nums) && nums[i+1] >= 0 {
			want = append(want, nums[i+1]-1)
		}
		if len(want) == 0 || (len(want) == 2 && want[0] != want[1]) {
			continue // nothing to compare with, or the neighbours disagree between themselves
		}
		if n == want[0] || len(want) == 1 && len(nums) > 2 {
			continue // in step; a first or last entry is judged only on a two-entry page
		}
		rec := &p.Records[i]
		f := rec.Fields["entry_no"]
		is := domain.Issue{Field: "entry_no", Code: CodeEntrySequence, Severity: domain.SeverityError,
			VI: fmt.Sprintf("Số %d không liền với số của mục bên cạnh", n),
			EN: fmt.Sprintf("Number %d does not follow on from the entry next to it", n)}
		if len(want) == 2 {
			is.VI = fmt.Sprintf("Số %d không liền mạch với các mục bên cạnh (có phải %d?)", n, want[0])
			is.EN = fmt.Sprintf("Number %d is out of step with the entries around it (is it %d?)", n, want[0])
			f.Suggestions = append([]string{strconv.Itoa(want[0])}, f.Suggestions...)
		}
		f.Issues = append(f.Issues, is)
		f.NeedsReview = true
		rec.Fields["entry_no"] = f
		rec.Issues = append(rec.Issues, is)
		rec.NeedsReview = true
	}
}
