package spelling

// Distance is the Levenshtein distance between two strings, counted in runes: the edit count
// the validators and the OCR label matching share.
func Distance(a, b string) int { return EditDistance([]rune(a), []rune(b)) }

// EditDistance is the Levenshtein distance between two sequences (runes of a word, words of a
// text).
func EditDistance[T comparable](a, b []T) int {
	if len(a) == 0 {
		return len(b)
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j-1]+c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
