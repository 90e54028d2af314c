package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/sohoa/sohoa/complete"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
)

// keyTally adds up keystrokes: by hand in Telex, with completion, and with completion and F3.
type keyTally struct {
	entries                int
	hand, assisted, withF3 int
}

func (t keyTally) ratio(n int) string {
	if t.hand == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(n)/float64(t.hand))
}

// replayCorpus replays every entry of a synthetic corpus through the engine: per field, typing
// it by hand in Telex plus Tab, against the fewest keys with completion plus Tab (and with F3
// when the entry above on the page has the same value). Places of the entries replayed before
// in the same commune count as confirmed, as they would be in the database.
func replayCorpus(ctx context.Context, dir string, confirmed bool, w io.Writer) error {
	places := replayPlaces{}
	var source complete.ConfirmedPlaces = places
	if !confirmed {
		source = nil
	}
	e, err := complete.New(source)
	if err != nil {
		return err
	}
	paths, err := filepath.Glob(filepath.Join(dir, "page-*.json"))
	if err != nil || len(paths) == 0 {
		return fmt.Errorf("replay: no page-*.json in %s", dir)
	}
	byKind := map[domain.Kind]*keyTally{}
	byField := map[string]*keyTally{}
	for _, p := range paths {
		gt, err := synth.ReadTruth(p)
		if err != nil {
			return err
		}
		if byKind[gt.Kind] == nil {
			byKind[gt.Kind] = &keyTally{}
		}
		if err := replayPage(ctx, e, gt, byKind[gt.Kind], byField, places); err != nil {
			return fmt.Errorf("replay %s: %w", p, err)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "kind\tentries\tkeys by hand (Telex)\twith completion\tratio\twith completion + F3\tratio\t")
	for _, k := range domain.Kinds {
		if t := byKind[k]; t != nil {
			fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%d\t%s\t\n", k, t.entries, t.hand, t.assisted, t.ratio(t.assisted), t.withF3, t.ratio(t.withF3))
		}
	}
	fmt.Fprintln(tw, "\nfield (birth)\t\tby hand\twith completion\tratio\twith F3\tratio\t")
	for _, f := range domain.KindBirth.Fields() {
		if t := byField[f]; t != nil {
			fmt.Fprintf(tw, "%s\t\t%d\t%d\t%s\t%d\t%s\t\n", f, t.hand, t.assisted, t.ratio(t.assisted), t.withF3, t.ratio(t.withF3))
		}
	}
	return tw.Flush()
}

func replayPage(ctx context.Context, e *complete.Engine, gt synth.GroundTruth, kt *keyTally, byField map[string]*keyTally,
	places replayPlaces) error {
	commune := ""
	if gt.Place != nil {
		commune = gt.Place.CommuneCode
	}
	prev := map[string]string{}
	for _, rec := range gt.Records {
		kt.entries++
		cur := map[string]string{}
		for _, name := range gt.Kind.Fields() {
			f, ok := rec.Field(name)
			if !ok {
				continue
			}
			v := shown(f.Value)
			cur[name] = v
			hand := complete.TelexKeys(v) + 1 // + Tab
			assisted := hand
			if typ := complete.TypeOf(name); typ != "" {
				n, err := e.AssistedKeys(ctx, complete.Query{Type: typ, Commune: commune, Year: gt.Year, Kind: gt.Kind}, v)
				if err != nil {
					return err
				}
				assisted = n + 1
			}
			withF3 := assisted
			if p, ok := prev[name]; ok && p == v && v != "" {
				withF3 = min(assisted, 2) // F3 + Tab
			}
			kt.hand, kt.assisted, kt.withF3 = kt.hand+hand, kt.assisted+assisted, kt.withF3+withF3
			if gt.Kind == domain.KindBirth && slices.Contains(domain.KindBirth.Fields(), name) {
				if byField[name] == nil {
					byField[name] = &keyTally{}
				}
				t := byField[name]
				t.hand, t.assisted, t.withF3 = t.hand+hand, t.assisted+assisted, t.withF3+withF3
			}
		}
		prev = cur
		for name, v := range cur { // confirmed: offered for the next entries of the commune
			places.add(commune, name, v)
		}
	}
	return nil
}

// shown is a truth value as the review screen shows it: ISO dates as dd/mm/yyyy.
func shown(v string) string {
	return domain.DisplayDate(v)
}

// replayPlaces stands for the places clerks confirmed in a commune: those of the entries
// replayed before, most used first.
type replayPlaces map[string]map[string]int

func (p replayPlaces) ConfirmedPlaces(_ context.Context, commune, prefix string, limit int) ([]string, error) {
	var out []string
	for v := range p[commune] {
		if strings.HasPrefix(complete.Fold(v), prefix) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b string) int { return cmp.Or(p[commune][b]-p[commune][a], strings.Compare(a, b)) })
	return out[:min(limit, len(out))], nil
}

func (p replayPlaces) add(commune, field, value string) {
	if complete.TypeOf(field) != complete.TypePlace || value == "" {
		return
	}
	if p[commune] == nil {
		p[commune] = map[string]int{}
	}
	p[commune][value]++
}
