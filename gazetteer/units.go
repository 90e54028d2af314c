package gazetteer

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
)

//go:embed data/admin-units-2025-03.tsv
var unitsTSV string

// Level of an administrative unit.
type Level string

// The three levels before the 2025 reform.
const (
	Province Level = "province"
	District Level = "district"
	Commune  Level = "commune"
)

// Unit is one administrative unit.
type Unit struct {
	Code   string // GSO code: 2 digits for a province, 3 for a district, 5 for a commune
	Level  Level
	Name   string // full name with its type, e.g. "Phường Gia Sàng"
	Type   string // "Tỉnh", "Huyện", "Xã", "Phường", "Thị trấn", …
	Parent string // code of the unit above; empty for a province
}

// Units parses the embedded list (provinces first, each followed by its districts and communes).
func Units() ([]Unit, error) {
	var units []Unit
	sc := bufio.NewScanner(strings.NewReader(unitsTSV))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("admin units line %d: %d columns, want 5", line, len(f))
		}
		units = append(units, Unit{Code: f[0], Level: Level(f[1]), Name: f[2], Type: f[3], Parent: f[4]})
	}
	return units, sc.Err()
}

// typeWords are the type words unit names start with, longest first.
var typeWords = []string{"Thành phố", "Thị trấn", "Thị xã", "Phường", "Huyện", "Quận", "Tỉnh", "Xã"}

// SplitName splits a unit's name into its type word, in the usual capitalisation, and the bare
// name: "Thành Phố Bắc Kạn" → "Thành phố", "Bắc Kạn". A name with no type word comes back whole,
// with an empty type.
func SplitName(name string) (typ, bare string) {
	for _, t := range typeWords {
		if len(name) > len(t) && name[len(t)] == ' ' && strings.EqualFold(name[:len(t)], t) {
			return t, name[len(t)+1:]
		}
	}
	return "", name
}
