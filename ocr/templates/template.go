package templates

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// FieldTypes are the field types a template may name; they are validate's types.
var FieldTypes = []string{"name", "sex", "date", "date_in_words", "ethnicity", "nationality", "place", "entry_no", "text", "time"}

// Template describes one printed layout of one register kind: which fields it has and how they
// are labelled. Templates are JSON files, embedded from templates/ and optionally read from a
// folder at start (Config.TemplatesDir), so an operator can add a layout without a rebuild.
type Template struct {
	// Name identifies the template; a file in the templates folder with the same name replaces
	// the embedded one.
	Name   string      `json:"name"`
	Kind   domain.Kind `json:"kind"`
	Layout Layout      `json:"layout"`
	// Title lists the printed register title and its variants, used to detect the kind.
	Title []string `json:"title"`
	// Stop lists words that end the last entry when they begin a line (the page footer).
	Stop   []string    `json:"stop,omitempty"`
	Fields []FieldSpec `json:"fields"`
}

// FieldSpec is one field of a template.
type FieldSpec struct {
	// Name is the stable field name from domain.Kind.Fields.
	Name string `json:"name"`
	// Label is the printed label (form) or column header (table), as printed.
	Label string `json:"label"`
	// Variants are other spellings of the label, e.g. common misreadings.
	Variants []string `json:"variants,omitempty"`
	// Group is the header spanning several columns above this one (table), e.g. "Chồng".
	Group string `json:"group,omitempty"`
	// StartsEntry marks the field whose label begins a new entry (the "Số:" of forms).
	StartsEntry bool `json:"starts_entry,omitempty"`
	// Type is one of FieldTypes; it decides how the value is re-read and checked.
	Type string `json:"type"`
	// Required fields that are not found are reported as missing.
	Required bool `json:"required"`
}

// Labels returns the label and its variants.
func (f FieldSpec) Labels() []string { return append([]string{f.Label}, f.Variants...) }

//go:embed *.json
var embedded embed.FS

// Templates is a set of templates, looked up by kind and layout.
type Templates struct {
	list []Template
}

// LoadTemplates reads the embedded templates, then every *.json file of dir (when dir is not
// empty), which replace embedded templates of the same name or add new ones.
func LoadTemplates(dir string) (*Templates, error) {
	byName := map[string]Template{}
	if err := readTemplates(embedded, ".", byName); err != nil {
		return nil, fmt.Errorf("embedded templates: %w", err)
	}
	if dir != "" {
		if err := readTemplates(os.DirFS(dir), ".", byName); err != nil {
			return nil, fmt.Errorf("templates folder %s: %w", dir, err)
		}
	}
	ts := &Templates{}
	for _, t := range byName {
		ts.list = append(ts.list, t)
	}
	sort.Slice(ts.list, func(i, j int) bool { return ts.list[i].Name < ts.list[j].Name })
	return ts, nil
}

func readTemplates(fsys fs.FS, dir string, into map[string]Template) error {
	paths, err := fs.Glob(fsys, filepath.Join(dir, "*.json"))
	if err != nil {
		return fmt.Errorf("list: %w", err)
	}
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		t, err := ParseTemplate(b)
		if err != nil {
			return fmt.Errorf("%s: %w", filepath.Base(p), err)
		}
		into[t.Name] = t
	}
	return nil
}

// ParseTemplate decodes and checks one template. Unknown JSON keys are errors, so a typo in a
// key is not silently ignored.
func ParseTemplate(b []byte) (Template, error) {
	var t Template
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&t); err != nil {
		return Template{}, fmt.Errorf("decode template: %w", err)
	}
	if err := t.Validate(); err != nil {
		return Template{}, err
	}
	return t, nil
}

// Validate reports every problem of the template, naming the setting.
func (t Template) Validate() error {
	var errs []error
	bad := func(format string, a ...any) {
		errs = append(errs, fmt.Errorf("%w: template %q: "+format, append([]any{domain.ErrInvalid, t.Name}, a...)...))
	}
	if strings.TrimSpace(t.Name) == "" {
		bad("name is empty")
	}
	if _, err := domain.ParseKind(string(t.Kind)); err != nil {
		bad("kind %q is not khai-sinh, ket-hon or khai-tu", t.Kind)
	}
	if t.Layout != LayoutForm && t.Layout != LayoutTable {
		bad("layout %q is not form or table", t.Layout)
	}
	if len(t.Fields) == 0 {
		bad("fields is empty")
	}
	seen := map[string]bool{}
	starts := 0
	for i, f := range t.Fields {
		switch {
		case f.Name == "":
			bad("fields[%d]: name is empty", i)
		case seen[f.Name]:
			bad("fields[%d]: field %q is listed twice", i, f.Name)
		case t.Kind != "" && !slices.Contains(t.Kind.Fields(), f.Name):
			bad("fields[%d]: %q is not a field of %s (want one of %s)", i, f.Name, t.Kind, strings.Join(t.Kind.Fields(), ", "))
		}
		seen[f.Name] = true
		if fold(f.Label) == "" {
			bad("fields[%d] (%s): label is empty", i, f.Name)
		}
		if !slices.Contains(FieldTypes, f.Type) {
			bad("fields[%d] (%s): type %q is not one of %s", i, f.Name, f.Type, strings.Join(FieldTypes, ", "))
		}
		if f.StartsEntry {
			starts++
		}
	}
	if t.Layout == LayoutForm && starts != 1 {
		bad("a form needs exactly one field with starts_entry, found %d", starts)
	}
	return errors.Join(errs...)
}

// All returns every template, sorted by name.
func (ts *Templates) All() []Template { return slices.Clone(ts.list) }

// Find returns the templates of a kind and layout; an empty kind or layout matches any.
func (ts *Templates) Find(kind domain.Kind, layout Layout) []Template {
	var out []Template
	for _, t := range ts.list {
		if (kind == "" || t.Kind == kind) && (layout == "" || t.Layout == layout) {
			out = append(out, t)
		}
	}
	return out
}
