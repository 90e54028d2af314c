package ocr

import (
	"encoding/json"
	"errors"
	"image"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// FuzzTemplateLoader: any bytes in a templates folder are either refused with ErrInvalid (the
// operator is told which setting is wrong) or give a template that passes Validate and survives
// being written back and read again unchanged; LoadTemplates refuses the folder rather than
// loading a template that is not valid.
func FuzzTemplateLoader(f *testing.F) {
	paths, err := filepath.Glob("templates/*.json")
	if err != nil || len(paths) == 0 {
		f.Fatalf("embedded templates: %v (%d)", err, len(paths))
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"name":"x","kind":"khai-sinh","layout":"form","title":["SỔ"],"fields":[{"name":"entry_no","label":"Số:","type":"entry_no","starts_entry":true}]}`))
	f.Add([]byte(`{"name":"x","kind":"khai-sinh","layout":"form","fields":[{"name":"entry_no","label":"Số:","type":"entry_no","starts_entry":true}],"extra":1}`))
	f.Add([]byte(`{"name":"","kind":"?","layout":"table","fields":[{"name":"full_name","label":"   ","type":"name"},{"name":"full_name"}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"fields":null}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		tmpl, err := ParseTemplate(b)
		if err != nil {
			if !errors.Is(err, domain.ErrInvalid) && !strings.HasPrefix(err.Error(), "decode template") {
				t.Fatalf("error %v is neither a decoding error nor ErrInvalid", err)
			}
			return
		}
		if err := tmpl.Validate(); err != nil {
			t.Fatalf("parsed a template that does not validate: %v", err)
		}
		out, err := json.Marshal(tmpl)
		if err != nil {
			t.Fatal(err)
		}
		again, err := ParseTemplate(out)
		if err != nil {
			t.Fatalf("written back, the template is refused: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(normalised(tmpl), normalised(again)) {
			t.Fatalf("written back and read again, the template changed:\n%+v\n%+v", tmpl, again)
		}
		if len(candidates(tmpl)) == 0 {
			t.Fatal("a valid template has no labels to look for")
		}
	})
}

// normalised makes empty and missing lists equal, as JSON does.
func normalised(t Template) Template {
	if len(t.Stop) == 0 {
		t.Stop = nil
	}
	if len(t.Title) == 0 {
		t.Title = nil
	}
	for i := range t.Fields {
		if len(t.Fields[i].Variants) == 0 {
			t.Fields[i].Variants = nil
		}
	}
	return t
}

// FuzzLabelMatcher: on any line of OCR words, the labels found are in order, never overlap,
// lie inside the line and name a field of the template (or a stop word), for every embedded
// template.
func FuzzLabelMatcher(f *testing.F) {
	ts, err := LoadTemplates("")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"Số: 12 Họ và tên: Nguyễn Văn An", "Họ và tên cba: Ma Văn Hùng", "Nam Ngày, tháng, năm sinh: 05/03/1987",
		"SỔ ĐĂNG KÝ KHAI SINH", "Họ và tên mẹ: Hoàng Thị Hoa Dân tộc: Tày Quốc tịch: Việt Nam", ": : :", "Số", "Số 12",
		"Nơi sinh:Trạm y tế xã", "H o v à t ê n :", "\u0301 \u200b Ho va ten:"} {
		for i := range ts.All() {
			f.Add(i, s)
		}
	}
	f.Fuzz(func(t *testing.T, which int, line string) {
		all := ts.All()
		tmpl := all[(which%len(all)+len(all))%len(all)]
		var words []Word
		for i, w := range strings.Fields(line) {
			words = append(words, Word{Text: w, Box: image.Rect(i*100, 0, i*100+90, 30), Conf: 90})
		}
		prev := 0
		for _, m := range findLabels(words, candidates(tmpl)) {
			if m.start < prev || m.end <= m.start || m.end > len(words) {
				t.Fatalf("%s %q: label match [%d, %d) after %d in %d words", tmpl.Name, line, m.start, m.end, prev, len(words))
			}
			if m.field < -1 || m.field >= len(tmpl.Fields) || m.dist < 0 {
				t.Fatalf("%s %q: match %+v names no field", tmpl.Name, line, m)
			}
			prev = m.end
		}
	})
}
