package validate

import (
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
)

// vietNam is the normalised nationality of almost every entry.
const vietNam = "Việt Nam"

// checkNationality recognises Việt Nam in its variants ("Viet Nam", "VN", "Việt-Nam", "Vịêt Nam")
// and accepts any other country as written, with a note.
func checkNationality(r *Result) {
	f := spelling.Fold(r.Written)
	f = strings.NewReplacer(" ", "", "-", "", ".", "", "rn", "m").Replace(f)
	switch {
	case f == "vietnam" || f == "vn" || f == "cong hoa xa hoi chu nghia viet nam":
		r.Value = vietNam
		if r.Written != vietNam {
			r.penalize(0.95)
		}
	case spelling.Distance(f, "vietnam") <= 1:
		r.Value = vietNam
		r.penalize(penaltyRepaired)
	default:
		r.Value = r.Written
		r.add(issueForeign(r.Written), 0.9)
		r.Suggestions = []string{vietNam}
	}
}
