package review

import "github.com/sohoa/sohoa/domain"

// checkRateRow is one clerk's check results, written the reader's way (92,50%).
type checkRateRow struct {
	Username, Checked, Agreement, Correction, ChecksDone string
}

func checkRateRows(l Lang, rates []domain.ClerkCheckRate) []checkRateRow {
	out := make([]checkRateRow, 0, len(rates))
	for _, c := range rates {
		row := checkRateRow{Username: c.Username, Checked: l.Number(float64(c.Checked), 0), ChecksDone: l.Number(float64(c.ChecksDone), 0),
			Agreement: "–", Correction: "–"}
		if c.Checked > 0 {
			row.Agreement, row.Correction = l.Number(c.Agreement*100, 2)+"%", l.Number(c.Correction*100, 2)+"%"
		}
		out = append(out, row)
	}
	return out
}
