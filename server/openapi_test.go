package server_test

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestOpenAPIDocumentsEveryRoute keeps docs/openapi.yaml in step with the API routes.
func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	routes, err := os.ReadFile("routes.go")
	if err != nil {
		t.Fatal(err)
	}
	// The browser UI registers API routes of its own (the dashboard's JSON).
	ui, err := os.ReadFile("../review/ui.go")
	if err != nil {
		t.Fatal(err)
	}
	routes = append(routes, ui...)
	spec, err := os.ReadFile("../docs/openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	found := regexp.MustCompile(`"(GET|POST|PUT|DELETE) (/api/v1/[^"]+)"`).FindAllStringSubmatch(string(routes), -1)
	if len(found) < 5 {
		t.Fatalf("found %d API routes in routes.go, want at least 5", len(found))
	}
	for _, m := range found {
		path := "  " + m[2] + ":"
		if !strings.Contains(string(spec), path) {
			t.Errorf("docs/openapi.yaml lacks %s", m[2])
			continue
		}
		section := string(spec)[strings.Index(string(spec), path):]
		if next := strings.Index(section[len(path):], "\n  /"); next > 0 {
			section = section[:len(path)+next]
		}
		if !strings.Contains(section, "    "+strings.ToLower(m[1])+":") {
			t.Errorf("docs/openapi.yaml lacks %s %s", m[1], m[2])
		}
	}
}
