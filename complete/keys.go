package complete

import (
	"context"
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TelexKeys counts the keys typing s by hand takes with Telex: one per character, plus one for
// each circumflex (aa, ee, oo), breve or horn (aw, ow, uw), tone mark (s, f, r, x, j) and for đ
// (dd). Shift for capitals is not counted, which favours hand keying.
func TelexKeys(s string) int {
	n := 0
	for _, r := range norm.NFD.String(s) {
		switch {
		case r == 'đ' || r == 'Đ':
			n += 2
		default:
			n++ // a base letter, or one mark key
		}
	}
	return n
}

// AssistedKeys counts the fewest keys that enter value (NFC, as the screen shows it) with the
// engine's help: type a prefix without diacritics until value is among the candidates at rank r
// and take it (r+1 presses of ↓ and Enter), or take a candidate that ends a word or a
// comma-separated part of a place and type on; a part nothing completes is typed by hand in Telex. Dates are typed
// short ("5387"). q gives the field's type and the register's commune, year and kind.
func (e *Engine) AssistedKeys(ctx context.Context, q Query, value string) (int, error) {
	if value == "" {
		return 0, nil
	}
	if q.Type == TypeDate || q.Type == TypeDateInWords {
		return e.dateKeys(ctx, q, value)
	}
	// cost[p]: fewest keys to have exactly value[:p] (p a byte offset) in the field.
	cost := map[int]int{0: 0}
	best := TelexKeys(value)
	for p := 0; p < len(value); p++ {
		c, ok := cost[p]
		if !ok || c >= best {
			continue
		}
		best = min(best, c+TelexKeys(value[p:]))
		typed := value[:p]
		for k, r := range value[p:] {
			if r == ' ' {
				typed += " " // fold drops a lone space
			} else {
				typed += fold(string(r))
			}
			q.Prefix = typed
			end := p + k + utf8.RuneLen(r)
			keys := c + utf8.RuneCountInString(value[p:end])
			if keys >= best {
				break
			}
			got, err := e.Complete(ctx, q)
			if err != nil {
				return 0, err
			}
			for rank, cand := range got {
				take := keys + rank + 2
				switch {
				case cand.Value == value:
					best = min(best, take)
				case (strings.HasPrefix(value, cand.Value+", ") || strings.HasPrefix(value, cand.Value+" ")) && len(cand.Value) > p:
					if old, seen := cost[len(cand.Value)]; !seen || take < old {
						cost[len(cand.Value)] = take
					}
				}
			}
		}
	}
	return best, nil
}

// dateKeys tries the short ways of typing a dd/mm/yyyy date, fewest keys first.
func (e *Engine) dateKeys(ctx context.Context, q Query, value string) (int, error) {
	t, err := time.Parse("02/01/2006", value)
	if err != nil {
		return TelexKeys(value), nil
	}
	d, m, y := t.Format("2"), t.Format("1"), t.Format("06")
	inputs := []string{d + m + y, t.Format("0201") + y, d + " " + m + " " + y, t.Format("02012006")}
	if q.Year == t.Year() {
		inputs = append(inputs, d+" "+m) // a day of the register's year
	}
	best := TelexKeys(value)
	for _, in := range inputs {
		q.Prefix = in
		got, err := e.Complete(ctx, q)
		if err != nil {
			return 0, err
		}
		for rank, c := range got {
			if c.Value == value {
				best = min(best, len(in)+rank+2)
			}
		}
	}
	return best, nil
}
