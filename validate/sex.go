package validate

import (
	"strings"

	"github.com/sohoa/sohoa/validate/spelling"
)

// sexValue maps the folded spellings of the sex field, including the older Trai/Gái and common
// misreadings once folded ("Nử", "Nừ", "Nu" → nu; "Narn", "Nărn" → nam after rn → m), to the
// normalised value. exact is whether the spelling is a correct written form.
func sexValue(written string) (value string, exact bool) {
	switch strings.ToLower(written) {
	case "nam", "trai":
		return "Nam", true
	case "nữ", "gái":
		return "Nữ", true
	}
	f := strings.NewReplacer("rn", "m", "0", "o", " ", "", ".", "").Replace(spelling.Fold(written))
	switch f {
	case "nam", "trai", "m", "male":
		return "Nam", false
	case "nu", "gai", "f", "female":
		return "Nữ", false
	}
	return "", false
}

// penaltyRepaired is the factor for a value recognised only after repairing OCR damage.
const penaltyRepaired = 0.9

// checkSex normalises the sex field to Nam or Nữ.
func checkSex(r *Result) {
	v, exact := sexValue(r.Written)
	if v == "" {
		r.add(issueSex(r.Written), 0.3)
		r.Suggestions = []string{"Nam", "Nữ"}
		return
	}
	r.Value = v
	if !exact {
		r.penalize(penaltyRepaired)
	}
}
