package synth

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth/age"
)

// TruthVersion is the version of the ground-truth JSON schema.
const TruthVersion = 1

// GroundTruth is what a synthetic page shows, written next to it as page-NNNN.json.
type GroundTruth struct {
	Version  int         `json:"version"`
	Seed     int64       `json:"seed"`
	Index    int         `json:"index"` // 0-based page index within the run
	Image    string      `json:"image"` // file name of the page image
	Kind     domain.Kind `json:"kind"`
	Layout   Layout      `json:"layout"`
	Script   Script      `json:"script,omitempty"` // typed or hand; empty in corpora made before handwriting
	Hand     string      `json:"hand,omitempty"`   // the handwriting font of a hand page
	Severity Severity    `json:"severity"`
	DPI      int         `json:"dpi"`
	Size     [2]int      `json:"size"` // width, height of the final image
	// BoxSpace says which image boxes refer to: "final" (the degraded image). CleanBox fields
	// refer to the undegraded 2480×3508 rendering.
	BoxSpace     string            `json:"box_space"`
	Year         int               `json:"year"`
	Place        *PlaceRef         `json:"place"` // the commune that kept the register
	Lines        []TextLine        `json:"lines"`
	Records      []Record          `json:"records"`
	SkewDeg      float64           `json:"skew_deg"`
	Degradations []age.Degradation `json:"degradations"`
	// Capture is set when the page was photographed (sohoa synth --capture photo): boxes are
	// then in the flattened page's coordinates and PhotoBox ones in the photograph's.
	Capture *Capture `json:"capture,omitempty"`
}

// Capture says how a page was photographed.
type Capture struct {
	Photo   string        `json:"photo"`   // file name of the photograph
	Side    string        `json:"side"`    // "" (a single page), "left" or "right" of a spread
	Size    [2]int        `json:"size"`    // the photograph's width and height
	Corners [4][2]float64 `json:"corners"` // the page's corners in the photograph: TL, TR, BR, BL
	Curl    float64       `json:"curl"`    // largest displacement of a line by the page's curl, in page pixels
	// Faults are what was done wrong on purpose ("blurred", "dark", "glare", "cut_off",
	// "too_small"); a photograph without any should pass the capture verdict.
	Faults []string `json:"faults,omitempty"`
}

// TextLine is one visual line of printed or typed text, in reading order.
type TextLine struct {
	Text     string      `json:"text"`
	Typed    bool        `json:"typed"`          // entry text (typed or handwritten) rather than printed form text
	Hand     bool        `json:"hand,omitempty"` // the entry text is handwritten
	Box      domain.Box  `json:"box"`
	CleanBox domain.Box  `json:"clean_box"`
	PhotoBox *domain.Box `json:"photo_box,omitempty"`
}

// Record is one register entry.
type Record struct {
	Number int     `json:"number"`
	Fields []Field `json:"fields"`
}

// Field is one value of a record, named as in domain.Kind.Fields.
type Field struct {
	Name    string `json:"name"`
	Label   string `json:"label"`   // printed label or column header
	Written string `json:"written"` // as typed on the page
	Value   string `json:"value"`   // normalised: ISO dates, title-case names, official ethnic names, Nam/Nữ
	// Printed is false when the layout has no place for the field (narrow tables, a wording
	// without it); Written is then what would have been typed and Box is nil. A value some books
	// print that is no field of the kind (a birth register's declarant) is also not Printed, but
	// drawn: its text is in Lines and it must not end up in another field.
	Printed  bool        `json:"printed"`
	Box      *domain.Box `json:"box,omitempty"`
	CleanBox *domain.Box `json:"clean_box,omitempty"`
	PhotoBox *domain.Box `json:"photo_box,omitempty"` // in the photograph, with --capture photo
	Place    *PlaceRef   `json:"place,omitempty"`     // for places: the commune meant, with today's codes
	// Handwritten says the value is written by hand; its boxes are then those of its ink.
	Handwritten bool `json:"handwritten,omitempty"`
}

// PlaceRef links a place to the 2025-03 administrative units (GSO codes).
type PlaceRef struct {
	ProvinceCode    string `json:"province_code"`
	Province        string `json:"province"`
	DistrictCode    string `json:"district_code"`
	District        string `json:"district"`
	CommuneCode     string `json:"commune_code"`
	Commune         string `json:"commune"`
	ProvinceWritten string `json:"province_written"` // the name in use at the time, e.g. Tỉnh Bắc Thái
}

// Field returns the record's field called name.
func (r Record) Field(name string) (Field, bool) {
	for _, f := range r.Fields {
		if f.Name == name {
			return f, true
		}
	}
	return Field{}, false
}

// ReadTruth reads a ground-truth JSON file written by Page.Save.
func ReadTruth(path string) (GroundTruth, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return GroundTruth{}, fmt.Errorf("read truth: %w", err)
	}
	var gt GroundTruth
	if err := json.Unmarshal(b, &gt); err != nil {
		return GroundTruth{}, fmt.Errorf("decode truth %s: %w", path, err)
	}
	if gt.Version != TruthVersion {
		return GroundTruth{}, fmt.Errorf("%w: truth %s has version %d, want %d", domain.ErrUnsupported, path, gt.Version, TruthVersion)
	}
	return gt, nil
}

// marshalTruth is the JSON written next to a page.
func marshalTruth(gt GroundTruth) ([]byte, error) {
	b, err := json.MarshalIndent(gt, "", " ")
	if err != nil {
		return nil, fmt.Errorf("encode truth: %w", err)
	}
	return append(b, '\n'), nil
}
