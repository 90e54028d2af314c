package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/sohoa/sohoa/gazetteer"
)

// SchemaDigest names what Migrate builds: a hash of River's migrations, sohoa's migrations and
// the administrative units it loads. Two databases migrated by programs with the same digest
// hold the same schema and reference data, so tests migrate one template database per digest
// and clone it (CREATE DATABASE … TEMPLATE) instead of migrating a database per test.
func SchemaDigest() (string, error) {
	h := sha256.New()
	migrator, err := rivermigrate.New(riverpgxv5.New(nil), nil) // no pool: only the migrations' text is read
	if err != nil {
		return "", fmt.Errorf("schema digest: river: %w", err)
	}
	for _, m := range migrator.AllVersions() {
		fmt.Fprintf(h, "river %d\n%s\n", m.Version, m.SQLUp)
	}
	ms, err := migrations()
	if err != nil {
		return "", fmt.Errorf("schema digest: %w", err)
	}
	for _, m := range ms {
		fmt.Fprintf(h, "sohoa %d %s\n%s\n", m.version, m.name, m.sql)
	}
	units, err := gazetteer.Units()
	if err != nil {
		return "", fmt.Errorf("schema digest: %w", err)
	}
	for _, u := range units {
		fmt.Fprintf(h, "unit %s\t%s\t%s\t%s\t%s\n", u.Code, u.Level, u.Name, u.Type, u.Parent)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
