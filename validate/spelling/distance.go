package spelling

// Costs of the OCR-weighted edit distance. Marks are small and the first thing a scan loses or
// blurs, so changing one costs far less than changing a letter.
const (
	costMark    = 0.15 // a tone mark or letter mark added or dropped (a/á, ơ/o, đ/d)
	costConfuse = 0.3  // letters OCR confuses (l/1/i, o/0, rn/m, cl/d, j/ị)
	costDouble  = 0.5  // a doubled letter inserted or dropped ("Nguyéen")
	costEdit    = 1.0  // any other insertion, deletion or substitution
)

// confusion is the cost of reading base letter a for b when OCR commonly mixes them up, or 0.
func confusion(a, b rune) float64 {
	if a > b {
		a, b = b, a
	}
	switch [2]rune{a, b} {
	case [2]rune{'1', 'l'}, [2]rune{'1', 'i'}, [2]rune{'i', 'l'}, [2]rune{'0', 'o'}, [2]rune{'i', 'j'},
		[2]rune{'l', '|'}, [2]rune{'!', 'i'}:
		return costConfuse
	case [2]rune{'c', 'e'}, [2]rune{'u', 'v'}, [2]rune{'h', 'n'}, [2]rune{'g', 'q'}, [2]rune{'f', 't'}:
		return 0.5
	case [2]rune{'n', 'u'}:
		return 0.6
	}
	return 0
}

// subCost is the cost of reading letter a where b was written, tones aside (distance compares
// the syllable's tone once).
func subCost(a, b letter) float64 {
	if a.base == b.base && a.mod == b.mod {
		return 0
	}
	if a.base == 'j' && b.base == 'i' && b.mod == modNone {
		return 0.2 // j is a dotted i with a tail: "Thj" is most likely "Thị"
	}
	marks := 0.0
	if a.mod != b.mod {
		marks += costMark
	}
	if a.base == b.base {
		return marks
	}
	if c := confusion(a.base, b.base); c > 0 {
		return c + marks
	}
	return costEdit
}

// Tone costs: a syllable has one tone, so tones are compared once per syllable whatever vowel
// carries them; hoà and hòa differ only by where the mark sits.
const (
	costToneSwap  = 0.1  // one tone mark read as another (ngã for sắc)
	costTonePlace = 0.05 // the same tone on another vowel
	costDotLost   = 0.1  // the dot below, the smallest mark, lost or added
)

// syllableTone returns the tone of a syllable and where it sits; j counts as the dot of ị. extra
// counts further tone marks, which no syllable has.
func syllableTone(ls []letter) (t tone, at, extra int) {
	at = -1
	for i, l := range ls {
		lt := l.tone
		if l.base == 'j' && (i+1 == len(ls) || !isVowelBase(ls[i+1].base)) {
			lt = toneDot // j where ị would carry the tone (Thj, Thjnh), not the i of gi (gjao)
		}
		if lt == toneNone {
			continue
		}
		if at >= 0 {
			extra++
			continue
		}
		t, at = lt, i
	}
	return t, at, extra
}

// toneCost compares the tones of the letters read (a) and of a candidate (b).
func toneCost(a, b []letter) float64 {
	ta, pa, extra := syllableTone(a)
	tb, pb, _ := syllableTone(b)
	c := float64(extra) * costMark
	switch {
	case ta == tb && pa != pb:
		c += costTonePlace
	case ta == tb:
	case ta == toneDot || tb == toneDot:
		c += costDotLost // ta or tb is none here
	case ta == toneNone || tb == toneNone:
		c += costMark
	default:
		c += costToneSwap
	}
	return c
}

// pairCost is the cost of reading the two letters a0 a1 for the single letter b, or 0 if that is
// no known confusion.
func pairCost(a0, a1, b letter) float64 {
	switch {
	case a0.base == 'r' && a1.base == 'n' && b.base == 'm',
		a0.base == 'c' && a1.base == 'l' && b.base == 'd',
		a0.base == 'i' && a1.base == 'i' && b.base == 'u':
		return costConfuse
	}
	return 0
}

// distance is the weighted edit distance from the letters read (a) to a candidate (b).
func distance(a, b []letter) float64 {
	return letterDistance(a, b) + toneCost(a, b)
}

// letterDistance is distance without the tones. On letters stripped of their marks it is a lower
// bound of distance, which lets suggest skip whole skeletons.
func letterDistance(a, b []letter) float64 {
	const stack = 16
	var buf [3 * (stack + 1)]float64
	var d0, d1, d2 []float64 // rows i-2, i-1, i
	if len(b) < stack {
		d0, d1, d2 = buf[0:len(b)+1], buf[stack+1:stack+2+len(b)], buf[2*(stack+1):2*(stack+1)+len(b)+1]
	} else {
		d0, d1, d2 = make([]float64, len(b)+1), make([]float64, len(b)+1), make([]float64, len(b)+1)
	}
	for j := range d1 {
		d1[j] = float64(j) * costEdit
	}
	for i := 1; i <= len(a); i++ {
		d2[0] = float64(i) * costEdit
		for j := 1; j <= len(b); j++ {
			del := costEdit
			if i > 1 && a[i-1].base == a[i-2].base {
				del = costDouble
			}
			ins := costEdit
			if j > 1 && b[j-1].base == b[j-2].base {
				ins = costDouble
			}
			v := min(d1[j-1]+subCost(a[i-1], b[j-1]), d1[j]+del, d2[j-1]+ins)
			if i > 1 {
				if c := pairCost(a[i-2], a[i-1], b[j-1]); c > 0 {
					v = min(v, d0[j-1]+c)
				}
			}
			if j > 1 {
				if c := pairCost(b[j-2], b[j-1], a[i-1]); c > 0 {
					v = min(v, d1[j-2]+c)
				}
			}
			d2[j] = v
		}
		d0, d1, d2 = d1, d2, d0
	}
	return d1[len(b)]
}
