package review

import (
	"encoding/json"
	"net/http"

	"github.com/sohoa/sohoa/gazetteer"
)

// communeHit is one commune in the search answer.
type communeHit struct {
	Code  string `json:"code"`
	Label string `json:"label"` // name, district, province (code), as before 1/7/2025
	After string `json:"after"` // the unit after the 2025 reform, or its province, or ""
}

// communeSearch answers the commune pickers of the ledger and account forms: communes whose
// name (typed with or without diacritics) matches q, at most 20, as JSON.
func (ui *UI) communeSearch(w http.ResponseWriter, r *request) error {
	hits := []communeHit{}
	for _, m := range ui.communes.Search(r.URL.Query().Get("q"), 20) {
		hits = append(hits, communeHit{Code: m.Code, Label: m.Label(), After: afterLabel(m)})
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	return json.NewEncoder(w).Encode(map[string]any{"communes": hits})
}

// afterLabel is what a commune became in 2025: "Phường Gia Sàng, Tỉnh Thái Nguyên (05467)", or
// only its new province when the unit took another name.
func afterLabel(m gazetteer.Match) string {
	if m.After != nil {
		return m.After.Name + ", " + m.After.Province + " (" + m.After.Code + ")"
	}
	return m.NewProvince
}
