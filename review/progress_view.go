package review

import (
	"github.com/sohoa/sohoa/domain"
)

// progressView is the dashboard as the template shows it: numbers already written the reader's
// way (23.711 / 43.012, 55,13%) and the charts drawn.
type progressView struct {
	P        domain.Progress
	Unit     progressRow
	Parts    []progressRow
	Daily    any // template.HTML
	Quality  any
	Clerks   []domain.ClerkCount
	Checks   []checkRateRow // per clerk, how their entries fared in checks
	Pace     string
	End      string
	ParentOf string
}

// progressRow is one unit's counts, written out.
type progressRow struct {
	Name, Link                                                  string
	Expected, Extracted, Entered, Checked, Done, Unclear, Share string
	Pages, Processed, Failed, Rescan                            string
}

func newProgressView(l Lang, p domain.Progress) progressView {
	v := progressView{P: p, Unit: progressRowOf(l, p.Unit, ""), Clerks: p.Clerks, Pace: l.Number(p.PaceLast7, 1),
		Checks: checkRateRows(l, p.CheckRates)}
	for _, part := range p.Parts {
		link := "/progress?unit=" + part.Code
		if part.Level == "ledger" {
			link = "/ledgers#ledger-" + part.Code
		}
		v.Parts = append(v.Parts, progressRowOf(l, part, link))
	}
	if p.EstimatedEnd != nil {
		v.End = l.Date(*p.EstimatedEnd)
	}
	var days []bar
	for _, d := range p.Daily {
		days = append(days, bar{Label: d.Day.Format("02/01"), Value: float64(d.Entries), Shown: l.Number(float64(d.Entries), 0)})
	}
	v.Daily = columnChart(l.T("progress.daily"), days)
	var fields []bar
	for _, q := range p.Fields {
		fields = append(fields, bar{Label: l.T("field." + q.Name), Value: q.Share, Shown: l.Number(q.Share*100, 2) + "%"})
	}
	v.Quality = rowChart(l.T("progress.quality"), fields)
	return v
}

func progressRowOf(l Lang, u domain.ProgressUnit, link string) progressRow {
	n := func(v int64) string { return l.Number(float64(v), 0) }
	return progressRow{Name: u.Name, Link: link, Expected: n(u.Expected), Extracted: n(u.Extracted), Entered: n(u.Entered),
		Checked: n(u.Checked), Done: n(u.Done), Unclear: n(u.Unclear), Share: l.Number(u.DoneShare()*100, 2) + "%",
		Pages: n(u.Pages), Processed: n(u.PagesProcessed), Failed: n(u.PagesFailed), Rescan: n(u.RescanRequested)}
}
