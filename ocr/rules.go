package ocr

import (
	"image"
	"sort"
)

// rule is a ruling line: its position across (x of a vertical rule, y of a horizontal one)
// and its extent along.
type rule struct {
	pos, from, to int
}

const (
	ruleSeg   = 160 // length of the strips a rule is looked for in
	ruleDrift = 6   // how far a rule may wander across strips (residual skew)
	ruleInk   = 128 // darker than this is ink
)

// findRules finds long ruling lines of the page: vertical ones when vertical is true. A strip of
// ruleSeg pixels counts as ruled at a position when 70% of it is ink there; a rule is a position
// ruled in at least minSegs strips (within ruleDrift), so text, however dense, never makes one.
func findRules(g *image.Gray, vertical bool, minSegs int) []rule {
	b := g.Rect
	along, across := b.Dy(), b.Dx()
	if !vertical {
		along, across = across, along
	}
	nseg := along / ruleSeg
	if nseg == 0 || across == 0 {
		return nil
	}
	ruled := ruledStrips(g, vertical, nseg, across)
	score, first, last := ruleScores(ruled, across)
	var out []rule
	for c := 0; c < across; {
		if score[c] < minSegs {
			c++
			continue
		}
		best, end := c, c
		for end < across && score[end] >= minSegs {
			if score[end] > score[best] {
				best = end
			}
			end++
		}
		if pos := (c + end - 1) / 2; pos < 2*ruleDrift || pos >= across-2*ruleDrift {
			c = end
			continue // the page edge, darkened by the scan, is not a rule
		}
		out = append(out, rule{pos: (c + end - 1) / 2, from: first[best] * ruleSeg, to: (last[best] + 1) * ruleSeg})
		c = end
	}
	sort.Slice(out, func(i, j int) bool { return out[i].pos < out[j].pos })
	return out
}

// ruledStrips says, for each of nseg strips along the rules and each position across, whether
// 70% of the strip is ink there.
func ruledStrips(g *image.Gray, vertical bool, nseg, across int) [][]bool {
	b := g.Rect
	at := func(a, c int) bool { // a along the rule, c across
		x, y := b.Min.X+c, b.Min.Y+a
		if !vertical {
			x, y = b.Min.X+a, b.Min.Y+c
		}
		return g.Pix[g.PixOffset(x, y)] < ruleInk
	}
	ruled := make([][]bool, nseg)
	for s := range nseg {
		ruled[s] = make([]bool, across)
		count := make([]int, across)
		for a := s * ruleSeg; a < (s+1)*ruleSeg; a++ {
			for c := range across {
				if at(a, c) {
					count[c]++
				}
			}
		}
		for c, n := range count {
			ruled[s][c] = n*10 >= ruleSeg*7
		}
	}
	return ruled
}

// ruleScores counts, for each position across, the strips ruled within ruleDrift of it, and the
// first and last of them.
func ruleScores(ruled [][]bool, across int) (score, first, last []int) {
	score, first, last = make([]int, across), make([]int, across), make([]int, across)
	for c := range across {
		first[c] = -1
		for s := range ruled {
			for d := max(0, c-ruleDrift); d <= min(across-1, c+ruleDrift); d++ {
				if ruled[s][d] {
					score[c]++
					if first[c] < 0 {
						first[c] = s
					}
					last[c] = s
					break
				}
			}
		}
	}
	return score, first, last
}
