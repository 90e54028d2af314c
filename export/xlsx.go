package export

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/sohoa/sohoa/domain"
)

// SheetName is the import workbook's one sheet, as the civil-status software's template names it.
const SheetName = "DL Import"

// xlsxSink writes the import workbook with excelize's stream writer: rows go to a temporary file
// as they come, so memory does not grow with the number of entries.
type xlsxSink struct {
	w      io.Writer
	file   *excelize.File
	stream *excelize.StreamWriter
	ir     *importRow
	row    []string
	cells  []any
	n      int
}

func newXLSXSink(w io.Writer, k domain.Kind) (*xlsxSink, error) {
	ir, err := newImportRow(k)
	if err != nil {
		return nil, err
	}
	f := excelize.NewFile()
	if err := f.SetSheetName(f.GetSheetName(0), SheetName); err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsx sheet: %w", err)
	}
	sw, err := f.NewStreamWriter(SheetName)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsx stream: %w", err)
	}
	s := &xlsxSink{w: w, file: f, stream: sw, ir: ir, row: make([]string, len(ir.columns)), cells: make([]any, len(ir.columns))}
	for i, c := range ir.columns {
		s.cells[i] = c
	}
	if err := sw.SetRow("A1", s.cells); err != nil {
		f.Close()
		return nil, fmt.Errorf("xlsx header: %w", err)
	}
	return s, nil
}

func (s *xlsxSink) write(e *domain.ExportEntry) error {
	s.n++
	s.ir.fill(s.row, e, s.n)
	for i, v := range s.row {
		s.cells[i] = nil // blank cells are not written at all
		if v != "" {
			s.cells[i] = v
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, s.n+1)
	if err == nil {
		err = s.stream.SetRow(cell, s.cells)
	}
	if err != nil {
		return fmt.Errorf("xlsx row %d: %w", s.n+1, err)
	}
	return nil
}

func (s *xlsxSink) close() error {
	defer s.file.Close()
	if err := s.stream.Flush(); err != nil {
		return fmt.Errorf("xlsx flush: %w", err)
	}
	// excelize assembles a workbook in a memory buffer before writing it out (hundreds of MB for a
	// million rows); a zip writer of our own on the destination streams it instead, and leaves
	// that buffer empty.
	// It compresses at deflate's fastest level: the sheet's XML is repetitive enough that the
	// file is only about a fifth larger, and compressing at the default level took a third of
	// the export's time.
	s.file.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(s.w)
		zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
		return zw
	})
	if err := s.file.Write(io.Discard); err != nil {
		return fmt.Errorf("xlsx write: %w", err)
	}
	return nil
}

func (s *xlsxSink) abort() { s.file.Close() }
