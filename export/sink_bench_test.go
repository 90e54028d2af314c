package export

import (
	"crypto/sha256"
	"io"
	"testing"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// BenchmarkSink writes birth entries in each format without a database: the Go side's own cost
// per row (BenchmarkExport measures the whole export, PostgreSQL included).
//
//	go test -run '^$' -bench Sink -benchtime 200000x -cpuprofile /tmp/sink.out ./export/
func BenchmarkSink(b *testing.B) {
	at := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	e := &domain.ExportEntry{RecordID: 1, LedgerID: 1, ScanID: 1, CommuneCode: "05461", CommuneName: "Phường Gia Sàng",
		CommuneType: "Phường", DistrictName: "Thành phố Thái Nguyên", ProvinceName: "Tỉnh Thái Nguyên", Book: "01/1994",
		Page: 12, Index: 3, Kind: domain.KindBirth, Status: domain.RecordConfirmed, ConfirmedBy: "canbo", ConfirmedAt: &at}
	vals := map[string]string{"entry_no": "4", "full_name": "Nguyễn Thị Ánh", "sex": "Nữ", "birth_date": "1994-03-05",
		"birth_date_in_words": "ngày mồng năm tháng ba", "birth_place": "Trạm y tế xã Gia Sàng", "ethnicity": "Tày",
		"nationality": "Việt Nam", "father_name": "Trần Văn Ất", "mother_name": "Hoàng Thị Ơn", "registration_date": "1994-03-20"}
	for _, f := range domain.KindBirth.Fields() {
		e.Fields = append(e.Fields, domain.ExportField{Name: f, Value: vals[f], Status: domain.FieldConfirmed})
	}
	for _, format := range []string{"csv", "xlsx", "jsonl"} {
		b.Run(format, func(b *testing.B) {
			var s sink
			var err error
			w := &countingWriter{w: io.Discard, sum: sha256.New()}
			switch format {
			case "csv":
				s, err = newCSVSink(w, domain.KindBirth, ';')
			case "xlsx":
				s, err = newXLSXSink(w, domain.KindBirth)
			default:
				s = newJSONLSink(w)
			}
			if err != nil {
				b.Fatal(err)
			}
			for i := 0; b.Loop(); i++ {
				e.RecordID = int64(i)
				if err := s.write(e); err != nil {
					b.Fatal(err)
				}
			}
			if err := s.close(); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(w.n)/float64(b.N), "bytes/row")
		})
	}
}
