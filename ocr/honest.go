package ocr

import "github.com/sohoa/sohoa/domain"

// CodeHandwritten marks a handwritten value left for the clerk to key from the crop.
const CodeHandwritten = "handwritten"

// issueHandwritten is the issue of a handwritten value that is not pre-filled.
func issueHandwritten(field string) domain.Issue {
	return domain.Issue{Field: field, Code: CodeHandwritten, Severity: domain.SeverityNote,
		VI: "Viết tay — nhập theo ảnh", EN: "Handwritten — key it from the image"}
}

// honestHand keeps a handwritten value only when its reading is genuinely reliable, since
// Tesseract reads handwriting as confident look-alike words ("Lê" as "Kê", 17/5 as 12/5):
//   - a closed list (sex, ethnicity, nationality) read exactly, with no doubt, at full confidence;
//   - a date of birth read the same in figures and in words, each reading checked;
//
// Every other handwritten value is emptied and marked "Viết tay — nhập theo ảnh", its box
// kept for the crop and its reading offered as a suggestion. threshold is the review threshold.
func honestHand(p *Page, threshold float64) {
	for i := range p.Records {
		rec := &p.Records[i]
		for name, f := range rec.Fields {
			if !f.Handwritten || reliableHand(p.Records[i], name, f, threshold) {
				continue
			}
			if f.Value != "" {
				f.Suggestions = append([]string{f.Value}, f.Suggestions...)
			}
			f.Value, f.Confidence, f.NeedsReview = "", 0, true
			f.Issues = append(f.Issues, issueHandwritten(name))
			rec.Fields[name] = f
			rec.NeedsReview = true
		}
	}
}

// reliableHand reports whether the handwritten field f of record i may stay pre-filled.
func reliableHand(rec Record, name string, f Field, threshold float64) bool {
	if f.Value == "" || len(f.Issues) > 0 || f.NeedsReview {
		return false
	}
	switch f.Type {
	case "sex", "ethnicity", "nationality":
		return f.Confidence >= threshold
	case "date", "date_in_words":
		figures, words := rec.Fields["birth_date"], rec.Fields["birth_date_in_words"]
		if name != "birth_date" && name != "birth_date_in_words" {
			return false
		}
		return figures.Value != "" && figures.Value == words.Value &&
			len(figures.Issues) == 0 && len(words.Issues) == 0
	}
	// Entry numbers are not kept even when they follow on from a neighbour's: a hand's
	// digits are misread the same way down a page (175, 176 read as 125, 126).
	return false
}

// keptByHand reports whether a handwritten value of this type can ever be pre-filled (and so
// is worth reading twice).
func keptByHand(typ string) bool {
	switch typ {
	case "sex", "ethnicity", "nationality", "date", "date_in_words":
		return true
	}
	return false
}
