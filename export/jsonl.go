package export

import (
	"bufio"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// jsonEntry is one line of a JSON Lines export: the entry's values as stored (ISO dates, Nam/Nữ)
// and where they come from. Values are not formula-escaped: this is data for programs.
type jsonEntry struct {
	ID         string            `json:"id"` // stable: the same entry has the same id in every export
	Kind       domain.Kind       `json:"kind"`
	Values     map[string]string `json:"values"`
	Unclear    []string          `json:"unclear"` // fields still missing or unclear (thiếu / chưa rõ)
	Provenance provenance        `json:"provenance"`
	// Links to the population database by person, with the personal ID number when linked.
	Matches []domain.ExportMatch `json:"matches"`
}

type provenance struct {
	LedgerID    int64               `json:"ledger_id"`
	Book        string              `json:"book"`
	CommuneCode string              `json:"commune_code"`
	Commune     string              `json:"commune"`
	District    string              `json:"district"`
	Province    string              `json:"province"`
	ScanID      int64               `json:"scan_id"`
	Page        int                 `json:"page"`
	Entry       int                 `json:"entry"` // 1 = first entry on the page
	RecordID    int64               `json:"record_id"`
	Status      domain.RecordStatus `json:"status"`
	FlagReason  string              `json:"flag_reason,omitempty"`
	ConfirmedBy string              `json:"confirmed_by,omitempty"`
	ConfirmedAt *time.Time          `json:"confirmed_at,omitempty"`
}

// EntryID is an entry's stable id in exports.
func EntryID(recordID int64) string { return "sohoa:record:" + strconv.FormatInt(recordID, 10) }

type jsonlSink struct {
	buf *bufio.Writer
	enc *json.Encoder
}

func newJSONLSink(w io.Writer) *jsonlSink {
	buf := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	return &jsonlSink{buf: buf, enc: enc}
}

func (s *jsonlSink) write(e *domain.ExportEntry) error {
	j := jsonEntry{ID: EntryID(e.RecordID), Kind: e.Kind, Values: make(map[string]string, len(e.Fields)), Unclear: []string{},
		Matches: e.Matches,
		Provenance: provenance{LedgerID: e.LedgerID, Book: e.Book, CommuneCode: e.CommuneCode, Commune: e.CommuneName,
			District: e.DistrictName, Province: e.ProvinceName, ScanID: e.ScanID, Page: e.Page, Entry: e.Index + 1,
			RecordID: e.RecordID, Status: e.Status, FlagReason: e.FlagReason, ConfirmedBy: e.ConfirmedBy, ConfirmedAt: e.ConfirmedAt}}
	if j.Matches == nil {
		j.Matches = []domain.ExportMatch{}
	}
	for _, f := range e.Fields {
		j.Values[f.Name] = f.Value
		if (f.Status == domain.FieldMissing || f.Value == "") && !(f.Value == "" && e.Kind.Optional(f.Name)) {
			j.Unclear = append(j.Unclear, f.Name)
		}
	}
	return s.enc.Encode(j)
}

func (s *jsonlSink) close() error { return s.buf.Flush() }

func (s *jsonlSink) abort() {}
