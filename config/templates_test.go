package config

import (
	"flag"
	"io"
	"testing"
)

func TestTemplatesDirIsASetting(t *testing.T) {
	m := good()
	m["SOHOA_TEMPLATES_DIR"] = "/etc/sohoa/templates"
	c, err := load(t, m)
	if err != nil || c.TemplatesDir != "/etc/sohoa/templates" {
		t.Fatalf("from the environment: %q, %v", c.TemplatesDir, err)
	}
	c, err = load(t, m, "--templates", "/srv/templates")
	if err != nil || c.TemplatesDir != "/srv/templates" {
		t.Fatalf("--templates: %q, %v", c.TemplatesDir, err)
	}
	// The commands that read pages without the rest of the configuration take the same flag.
	for _, args := range [][]string{nil, {"--templates", "/srv/templates"}} {
		fs := flag.NewFlagSet("extract", flag.ContinueOnError)
		fs.SetOutput(io.Discard)
		dir := TemplatesFlag(fs, env(m))
		if err := fs.Parse(args); err != nil {
			t.Fatal(err)
		}
		want := "/etc/sohoa/templates"
		if args != nil {
			want = "/srv/templates"
		}
		if *dir != want {
			t.Errorf("TemplatesFlag with %v: %q, want %q", args, *dir, want)
		}
	}
}
