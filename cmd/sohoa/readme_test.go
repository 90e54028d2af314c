package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/config"
)

// TestReadmeDocumentsEverySetting keeps the README's settings table and command list true.
func TestReadmeDocumentsEverySetting(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range config.Settings {
		if !strings.Contains(string(readme), "| `"+s.Env+"` | `--"+s.Flag+"` |") {
			t.Errorf("README's settings table lacks %s / --%s", s.Env, s.Flag)
		}
	}
	for _, c := range commands() {
		if !strings.Contains(string(readme), "`sohoa "+c.name) {
			t.Errorf("README does not mention sohoa %s", c.name)
		}
	}
}

// TestReadmeNamesOnlyRealVariables: every SOHOA_ variable the README names is a setting of
// config.Settings, a variable the station client reads (cmd/sohoa-station), or a test or
// benchmark knob (SOHOA_TEST_…, SOHOA_BENCH_…) that a test reads. A variable offered to
// operators but read nowhere (as SOHOA_TEMPLATES_DIR once was, read inside package ocr) fails.
func TestReadmeNamesOnlyRealVariables(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	settings := map[string]bool{}
	for _, s := range config.Settings {
		settings[s.Env] = true
	}
	station, err := os.ReadFile("../sohoa-station/main.go")
	if err != nil {
		t.Fatal(err)
	}
	tests := testSources(t, "../..")
	names := regexp.MustCompile(`SOHOA_[A-Z0-9_]*[A-Z0-9]`).FindAllString(string(readme), -1)
	if len(names) < len(config.Settings) {
		t.Fatalf("found %d SOHOA_ names in the README, fewer than the %d settings", len(names), len(config.Settings))
	}
	for _, name := range names {
		switch {
		case settings[name]:
		case strings.Contains(string(station), `getenv("`+name+`")`):
		case (strings.HasPrefix(name, "SOHOA_TEST_") || strings.HasPrefix(name, "SOHOA_BENCH_")) && strings.Contains(tests, `"`+name+`"`):
		default:
			t.Errorf("README names %s, which is not in config.Settings, read by sohoa-station or read by a test", name)
		}
	}
}

// testSources is the text of every _test.go file under root.
func testSources(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		// Test files, and the helper packages only tests import (storagetest, …).
		if !d.IsDir() && (strings.HasSuffix(p, "_test.go") || strings.HasSuffix(filepath.Dir(p), "test") && strings.HasSuffix(p, ".go")) {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			b.Write(data)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestReadmeListsEveryPackage: the README's architecture table has a row for every package of
// the module, and no row for a package that is gone.
func TestReadmeListsEveryPackage(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]bool{}
	err = filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != "../.." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, "_test.go") && filepath.Dir(p) != "../.." {
			pkgs[filepath.ToSlash(strings.TrimPrefix(filepath.Dir(p), "../../"))] = true
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 20 {
		t.Fatalf("found only %d packages: %v", len(pkgs), pkgs)
	}
	for pkg := range pkgs {
		if !strings.Contains(string(readme), "| `"+pkg+"` | ") {
			t.Errorf("README's architecture table has no row for package %s", pkg)
		}
	}
	start := strings.Index(string(readme), "| package | its one job |")
	if start < 0 {
		t.Fatal("README has no architecture table (\"| package | its one job |\")")
	}
	table, _, _ := strings.Cut(string(readme[start:]), "\n\n")
	for _, m := range regexp.MustCompile("(?m)^\\| `([^`]+)` \\| ").FindAllStringSubmatch(table, -1) {
		if !pkgs[m[1]] {
			t.Errorf("README's architecture table lists %s, which is not a package", m[1])
		}
	}
}
