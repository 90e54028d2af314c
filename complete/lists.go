package complete

import (
	"strings"

	"github.com/sohoa/sohoa/validate"
)

// list is a closed list of values found by the folded prefix of any of their names; entry
// weight ranks them (earlier in the source list, and a value's own name before another name).
type list struct {
	index  *index
	source string
}

func (l *list) complete(q Query) []Candidate {
	key := strings.TrimLeft(fold(q.Prefix), " ")
	b := newBest(q.Limit)
	l.index.prefix(key, func(e *entry) bool {
		s := e.weight
		if e.key == key { // a name typed whole wins over longer names it begins: "man" → Dao (Mán), not Mảng
			s += 2
		}
		b.add(Candidate{Value: e.value, Source: l.source}, s)
		return true
	})
	return b.result()
}

// listData holds the closed lists: ethnic groups, nationalities, causes of death.
type listData struct {
	ethnic, nations, causes *list
}

// nationalities are the countries whose citizens pre-2000 registers name most, Việt Nam first;
// written as Vietnamese official documents of the period write them (general knowledge).
var nationalities = []string{"Việt Nam", "Lào", "Campuchia", "Trung Quốc", "Liên Xô", "Nga", "Pháp", "Hoa Kỳ",
	"Thái Lan", "Cu Ba", "Tiệp Khắc", "Ba Lan", "Cộng hòa Dân chủ Đức", "Đức", "Bun-ga-ri", "Hung-ga-ri",
	"Mông Cổ", "Triều Tiên", "Hàn Quốc", "Nhật Bản", "Đài Loan", "Ấn Độ", "Anh", "Ô-xtơ-rây-li-a",
	"Ca-na-đa", "Xin-ga-po", "Ma-lai-xi-a", "In-đô-nê-xi-a", "Phi-líp-pin", "Mi-an-ma"}

func loadLists() (*listData, error) {
	groups, err := validate.EthnicGroups()
	if err != nil {
		return nil, err
	}
	var eth []entry
	for i, g := range groups {
		w := 1 - float64(i)/100 // the largest group first
		eth = append(eth, entry{key: fold(g.Official), value: g.Official, weight: w + 1})
		for _, o := range g.Others {
			eth = append(eth, entry{key: fold(o), value: g.Official, weight: w})
		}
	}
	var nat []entry
	for i, n := range nationalities {
		nat = append(nat, entry{key: fold(n), value: n, weight: 1 - float64(i)/100})
	}
	var causes []entry
	for i, p := range validate.Phrases() {
		w := 1 - float64(i)/1000
		causes = append(causes, entry{key: fold(p), value: p, weight: w + 1})
		// Also by a later word: "gan" finds "Ung thư gan" and "Xơ gan", after the phrases starting so.
		words := strings.Fields(fold(p))
		for j := 1; j < len(words); j++ {
			causes = append(causes, entry{key: strings.Join(words[j:], " "), value: p, weight: w})
		}
	}
	return &listData{
		ethnic:  &list{index: newIndex(eth), source: "ethnic"},
		nations: &list{index: newIndex(nat), source: "nationality"},
		causes:  &list{index: newIndex(causes), source: "phrases"},
	}, nil
}
