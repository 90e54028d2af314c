package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDockerfilePackagesMatchInstallScript keeps the image's Debian packages in step with
// scripts/deps.sh, so what runs in a container is what the tests ran against.
func TestDockerfilePackagesMatchInstallScript(t *testing.T) {
	docker, err := os.ReadFile("../../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("../../scripts/deps.sh")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?s)PACKAGES=\((.*?)\)`).FindSubmatch(script)
	if m == nil {
		t.Fatal("scripts/deps.sh has no PACKAGES=( … ) list")
	}
	inScript := map[string]bool{}
	for _, p := range strings.Fields(string(m[1])) {
		inScript[p] = true
	}
	installs := regexp.MustCompile(`apt-get install -y --no-install-recommends ([^\\&\n]+)`).FindAllSubmatch(docker, -1)
	if len(installs) != 2 {
		t.Fatalf("got %d apt-get install lines in the Dockerfile, want 2 (build and runtime)", len(installs))
	}
	for _, line := range installs {
		for _, p := range strings.Fields(string(line[1])) {
			if !inScript[p] {
				t.Errorf("Dockerfile installs %s, which scripts/deps.sh does not", p)
			}
		}
	}
}
