package main

import (
	"os"
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
