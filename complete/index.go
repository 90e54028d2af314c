package complete

import (
	"sort"
	"strings"
)

// entry is one thing that can be offered, found by its folded key.
type entry struct {
	key    string  // folded
	value  string  // NFC, as offered
	weight float64 // higher first
	ref    int     // index into the owner's own table, or -1
}

// index finds entries by folded prefix: keys sorted, binary search for the first, then a scan
// while the prefix holds.
type index struct{ entries []entry }

func newIndex(entries []entry) *index {
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].key < entries[j].key })
	return &index{entries: entries}
}

// prefix calls fn for every entry whose key starts with p, in key order; fn returns false to stop.
func (x *index) prefix(p string, fn func(e *entry) bool) {
	i := sort.Search(len(x.entries), func(i int) bool { return x.entries[i].key >= p })
	for ; i < len(x.entries) && strings.HasPrefix(x.entries[i].key, p); i++ {
		if !fn(&x.entries[i]) {
			return
		}
	}
}

// exact returns the entries whose key is k.
func (x *index) exact(k string) []entry {
	i := sort.Search(len(x.entries), func(i int) bool { return x.entries[i].key >= k })
	j := i
	for j < len(x.entries) && x.entries[j].key == k {
		j++
	}
	return x.entries[i:j]
}

// scored is a candidate with its score while the best are being chosen.
type scored struct {
	Candidate
	score float64
}

// best keeps the n highest-scoring candidates, one per value.
type best struct {
	n    int
	list []scored
	at   map[string]int
}

func newBest(n int) *best { return &best{n: n, at: map[string]int{}} }

func (b *best) add(c Candidate, score float64) {
	if i, ok := b.at[c.Value]; ok {
		if score > b.list[i].score {
			b.list[i] = scored{c, score}
		}
		return
	}
	b.at[c.Value] = len(b.list)
	b.list = append(b.list, scored{c, score})
}

func (b *best) result() []Candidate {
	sort.SliceStable(b.list, func(i, j int) bool { return b.list[i].score > b.list[j].score })
	out := make([]Candidate, 0, min(b.n, len(b.list)))
	for i := 0; i < len(b.list) && i < b.n; i++ {
		out = append(out, b.list[i].Candidate)
	}
	return out
}
