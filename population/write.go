package population

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// Writer writes citizens as an extract in CSV with the documented header.
type Writer struct{ cw *csv.Writer }

// NewWriter writes the header.
func NewWriter(w io.Writer) (*Writer, error) {
	cw := csv.NewWriter(w)
	return &Writer{cw: cw}, cw.Write(Columns)
}

// Write writes one citizen.
func (w *Writer) Write(c domain.Citizen) error {
	year := func(y int) string {
		if y == 0 {
			return ""
		}
		return strconv.Itoa(y)
	}
	return w.cw.Write([]string{c.ID, c.FullName, c.Sex, c.Birth.String(), c.BirthPlace, c.HomeTown,
		c.FatherName, year(c.FatherYear), c.MotherName, year(c.MotherYear), c.Residence})
}

// Flush writes what is buffered and reports any error.
func (w *Writer) Flush() error {
	w.cw.Flush()
	return w.cw.Error()
}
