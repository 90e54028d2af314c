package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// csvProvenance are the CSV's first columns: where each entry comes from and who confirmed it.
var csvProvenance = []string{"Mã mục", "Tỉnh / thành phố", "Quận / huyện", "Xã / phường / thị trấn", "Quyển số",
	"Trang", "Thứ tự trên trang", "Trạng thái", "Người xác nhận", "Thời điểm xác nhận"}

// statusText is an entry's status in words.
var statusText = map[domain.RecordStatus]string{
	domain.RecordConfirmed: "đã xác nhận",
	domain.RecordFlagged:   "thiếu / chưa rõ",
	domain.RecordPending:   "chưa xác nhận",
}

// csvSink writes CSV for people: UTF-8 with a byte-order mark (so spreadsheet programs show the
// diacritics), Vietnamese headers, dates dd/mm/yyyy, every cell formula-safe.
type csvSink struct {
	buf    *bufio.Writer
	w      *csv.Writer
	fields []string
	row    []string
}

func newCSVSink(w io.Writer, k domain.Kind, comma rune) (*csvSink, error) {
	if comma != ',' && comma != ';' {
		return nil, fmt.Errorf("%w: CSV separator must be ; or ,", domain.ErrInvalid)
	}
	buf := bufio.NewWriterSize(w, 64<<10)
	if _, err := buf.WriteString("\ufeff"); err != nil {
		return nil, err
	}
	cw := csv.NewWriter(buf)
	cw.Comma = comma
	cw.UseCRLF = true
	s := &csvSink{buf: buf, w: cw, fields: k.Fields()}
	header := append([]string{}, csvProvenance...)
	for _, f := range s.fields {
		header = append(header, label(f))
	}
	header = append(header, "Ghi chú")
	s.row = make([]string, len(header))
	return s, cw.Write(header)
}

func (s *csvSink) write(e *domain.ExportEntry) error {
	r := s.row[:0]
	at := ""
	if e.ConfirmedAt != nil {
		at = e.ConfirmedAt.In(hanoi).Format("02/01/2006 15:04")
	}
	r = append(r, strconv.FormatInt(e.RecordID, 10), e.ProvinceName, e.DistrictName, e.CommuneName, e.Book,
		strconv.Itoa(e.Page), strconv.Itoa(e.Index+1), statusText[e.Status], e.ConfirmedBy, at)
	for _, f := range s.fields {
		v := e.Value(f)
		if strings.HasSuffix(f, "_date") {
			v = slashDate(v)
		}
		r = append(r, v)
	}
	var ns notes
	unclearNote(e, &ns)
	r = append(r, strings.Join(ns.parts, "; "))
	for i := range r {
		r[i] = Safe(r[i])
	}
	return s.w.Write(r)
}

func (s *csvSink) close() error {
	s.w.Flush()
	if err := s.w.Error(); err != nil {
		return err
	}
	return s.buf.Flush()
}

func (s *csvSink) abort() {}
