package validate

import "strings"

// vietNam is the normalised nationality of almost every entry.
const vietNam = "Việt Nam"

// checkNationality recognises Việt Nam in its variants ("Viet Nam", "VN", "Việt-Nam", "Vịêt Nam")
// and accepts any other country as written, with a note.
func checkNationality(r *Result) {
	f := fold(r.Written)
	f = strings.NewReplacer(" ", "", "-", "", ".", "", "rn", "m").Replace(f)
	switch {
	case f == "vietnam" || f == "vn" || f == "cong hoa xa hoi chu nghia viet nam":
		r.Value = vietNam
		if r.Written != vietNam {
			r.penalize(0.95)
		}
	case plainDistance(f, "vietnam") <= 1:
		r.Value = vietNam
		r.penalize(penaltyRepaired)
	default:
		r.Value = r.Written
		r.add(issueForeign(r.Written), 0.9)
		r.Suggestions = []string{vietNam}
	}
}

// plainDistance is the Levenshtein distance between two short strings.
func plainDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j-1]+c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
