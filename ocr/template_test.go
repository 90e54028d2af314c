package ocr

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestLoadEmbeddedTemplates(t *testing.T) {
	ts, err := LoadTemplates("")
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range domain.Kinds {
		for _, l := range []Layout{LayoutForm, LayoutTable} {
			if got := ts.Find(k, l); len(got) != 1 {
				t.Errorf("%s %s: got %d templates, want 1", k, l, len(got))
			}
		}
	}
}

func TestLoadTemplatesFromFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("death-short.json", `{"name": "khai-tu-short", "kind": "khai-tu", "layout": "form", "title": ["SỔ KHAI TỬ"],
		"fields": [{"name": "entry_no", "label": "Số:", "starts_entry": true, "type": "entry_no", "required": true},
		           {"name": "full_name", "label": "Người chết:", "type": "name", "required": true}]}`)
	ts, err := LoadTemplates(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := ts.Find(domain.KindDeath, LayoutForm); len(got) != 2 {
		t.Fatalf("got %d death form templates, want the embedded one and the folder's", len(got))
	}

	tests := []struct{ name, body, want string }{
		{"unknown field", `{"name": "x", "kind": "khai-tu", "layout": "form", "fields": [{"name": "shoe_size", "label": "Cỡ giày:", "type": "text", "starts_entry": true}]}`, `"shoe_size" is not a field of khai-tu`},
		{"bad type", `{"name": "x", "kind": "khai-tu", "layout": "form", "fields": [{"name": "entry_no", "label": "Số:", "type": "number", "starts_entry": true}]}`, `type "number" is not one of`},
		{"unknown key", `{"name": "x", "kind": "khai-tu", "layout": "form", "colour": "red", "fields": []}`, `unknown field "colour"`},
		{"bad layout", `{"name": "x", "kind": "khai-tu", "layout": "list", "fields": [{"name": "entry_no", "label": "Số:", "type": "entry_no"}]}`, `layout "list" is not form or table`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			bad := t.TempDir()
			if err := os.WriteFile(filepath.Join(bad, "bad.json"), []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := LoadTemplates(bad)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "bad.json") {
				t.Fatalf("got error %v, want one naming bad.json and saying %q", err, tc.want)
			}
			if !strings.Contains(tc.name, "key") && !errors.Is(err, domain.ErrInvalid) {
				t.Errorf("got %v, want domain.ErrInvalid", err)
			}
		})
	}
}
