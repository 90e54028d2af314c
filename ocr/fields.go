package ocr

import (
	"context"
	"image"
	"image/draw"
	"math"
	"unicode"

	"github.com/otiai10/gosseract/v2"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr/crosscheck"
)

// fieldReader turns an entry's words into checked fields, reading doubtful crops again.
type fieldReader struct {
	r    *Reader
	c    *tessClient
	kind domain.Kind
	crop *image.Gray // the image crops are read again from
	bin  *image.Gray // the binarised page, where unread values' ink is looked for
	hand bool        // the entry being read is handwritten (classifyEntries)
	mh   int         // median word height on the page
}

// reading is one reading of a field's value and what the checker made of it.
type reading struct {
	text    string
	conf    float64
	checked Checked
}

func (rd reading) score() float64 { return rd.conf * rd.checked.Penalty }

func (fr fieldReader) record(ctx context.Context, t Template, e *entry) (Record, error) {
	rec := Record{Box: toBox(e.box), Fields: map[string]Field{}, Issues: []domain.Issue{}}
	values := map[string]string{}
	for i, spec := range t.Fields {
		ws, found := e.fields[i]
		if !found || len(ws) == 0 {
			if f, ok := fr.unreadField(spec, e.regions[i]); ok {
				rec.Fields[spec.Name] = f
				rec.Box = rec.Box.Union(f.Box)
				continue
			}
			if spec.Required {
				rec.Fields[spec.Name] = Field{Name: spec.Name, Type: spec.Type, Issues: []domain.Issue{issueMissing()}, NeedsReview: true}
			} else {
				rec.Absent = append(rec.Absent, spec.Name)
			}
			continue
		}
		f, err := fr.field(ctx, spec, ws)
		if err != nil {
			return Record{}, err
		}
		f = crosscheck.Suspect(crosscheck.Tones(crosscheck.Stray(fr.yearOnly(f, e.labels[i]), ws)))
		if fr.hand {
			// Tesseract splits handwriting into partial words and reads specks as
			// punctuation: the ink in the value's region bounds it better.
			f.Box = fr.handBox(f.Box, e.regions[i])
		}
		rec.Fields[spec.Name] = f
		if f.Value != "" {
			values[spec.Name] = f.Value
		}
	}
	fr.timeOfDeath(t, &rec)
	for _, is := range fr.r.checker.CheckRecord(fr.kind, values) {
		rec.Issues = append(rec.Issues, is)
		if f, ok := rec.Fields[is.Field]; ok {
			f.Issues = append(f.Issues, is)
			f.NeedsReview = true
			rec.Fields[is.Field] = f
		}
	}
	for _, f := range rec.Fields {
		rec.NeedsReview = rec.NeedsReview || f.NeedsReview
	}
	return rec, nil
}

// field checks the page's reading of a value and, when it is doubtful (or always, by
// configuration), reads the crop again as a single line with settings for its type, keeping
// the better reading. Two readings that agree raise the confidence.
func (fr fieldReader) field(ctx context.Context, spec FieldSpec, ws []Word) (Field, error) {
	text := joinWords(ws)
	first := reading{text: text, conf: meanConf(ws)}
	first.checked = fr.check(spec, text)
	best, conf := first, first.score()
	reread := false
	// A handwritten value of a type never kept by hand is not worth a second reading.
	if fr.shouldReread(first) && !(fr.hand && !keptByHand(spec.Type)) {
		second, err := fr.reread(ctx, spec, ws, text)
		if err != nil {
			return Field{}, err
		}
		reread = true
		switch {
		case second.checked.Value != "" && second.checked.Value == first.checked.Value:
			// Independent readings agree: the chance both are wrong the same way is small.
			c := 1 - (1-first.conf)*(1-second.conf)
			conf = c * math.Max(first.checked.Penalty, second.checked.Penalty)
		case second.score() > first.score():
			best, conf = second, second.score()*0.9
		default:
			conf = first.score() * 0.9
		}
	}
	f := Field{
		Name: spec.Name, Type: spec.Type, Value: best.checked.Value, Text: best.text,
		Confidence: math.Round(conf*1000) / 1000, Box: toBox(unionBox(ws)),
		Issues: best.checked.Issues, Suggestions: best.checked.Suggestions, Reread: reread, Handwritten: fr.hand,
	}
	if f.Issues == nil {
		f.Issues = []domain.Issue{}
	}
	f.NeedsReview = f.Confidence < rawTrust || len(f.Issues) > 0
	return f, nil
}

func (fr fieldReader) check(spec FieldSpec, text string) Checked {
	if spec.Type == "time" {
		return checkTime(text)
	}
	c := fr.r.checker.CheckField(fr.kind, spec.Name, spec.Type, text)
	if c.Penalty == 0 && len(c.Issues) == 0 {
		c.Penalty = 1
	}
	return c
}

func (fr fieldReader) shouldReread(first reading) bool {
	switch fr.r.cfg.Reread {
	case RereadNever:
		return false
	case RereadAlways:
		return true
	}
	return first.conf < rawTrust || first.checked.Penalty < 1 || len(first.checked.Issues) > 0
}

// reread reads the value's crop on its own, line by line (PSM 7: a block read of a noisy crop
// can take seconds and return hundreds of specks as words), with only digits and separators
// allowed for numbers and numeric dates.
func (fr fieldReader) reread(ctx context.Context, spec FieldSpec, ws []Word, text string) (reading, error) {
	s := readSettings{psm: gosseract.PSM_SINGLE_LINE}
	switch {
	case spec.Type == "entry_no":
		s.whitelist = "0123456789"
	case spec.Type == "date" && !hasLetters(text):
		s.whitelist = "0123456789/.-"
	}
	var got []Word
	for _, l := range groupLines(ws) {
		box := l.Box.Inset(-4).Intersect(fr.crop.Rect)
		if box.Dx() < 3 || box.Dy() < 3 {
			continue
		}
		lw, err := fr.c.recognize(ctx, padded(fr.crop, box, max(16, fr.mh/2)), s)
		if err != nil {
			return reading{}, err
		}
		got = append(got, lw...)
	}
	t := joinWords(got)
	return reading{text: t, conf: meanConf(got), checked: fr.check(spec, t)}, nil
}

// padded copies the box of g onto white paper with a margin, as Tesseract reads a line best
// with some space around it. The copy keeps g's coordinates (its origin is shifted).
func padded(g *image.Gray, box image.Rectangle, margin int) *image.Gray {
	out := image.NewGray(box.Inset(-margin))
	for i := range out.Pix {
		out.Pix[i] = 255
	}
	draw.Draw(out, box, g, box.Min, draw.Src)
	return out
}

func hasLetters(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
