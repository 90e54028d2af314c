package population

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/namekey"
)

// Columns are the extract's columns, in the order of the CSV header.
var Columns = []string{"so_dinh_danh", "ho_ten", "gioi_tinh", "ngay_sinh", "noi_sinh", "que_quan",
	"ho_ten_cha", "nam_sinh_cha", "ho_ten_me", "nam_sinh_me", "noi_cu_tru"}

// required columns must be in the header and not empty in any row.
var required = []string{"so_dinh_danh", "ho_ten", "ngay_sinh"}

func newReader(r io.Reader, format string) (rowReader, error) {
	switch format {
	case "csv", "":
		return newCSVReader(r)
	case "jsonl":
		return &jsonlReader{sc: bufio.NewScanner(r)}, nil
	}
	return nil, fmt.Errorf("%w: format %q (want csv or jsonl)", domain.ErrInvalid, format)
}

type csvReader struct {
	cr  *csv.Reader
	col map[string]int
}

func newCSVReader(r io.Reader) (*csvReader, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.ReuseRecord = true
	head, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("%w: read the header: %w", domain.ErrInvalid, err)
	}
	col := map[string]int{}
	for i, h := range head {
		h = strings.TrimSpace(h)
		if !contains(Columns, h) {
			return nil, fmt.Errorf("%w: unknown column %q (want %s)", domain.ErrInvalid, h, strings.Join(Columns, ","))
		}
		col[h] = i
	}
	for _, h := range required {
		if _, ok := col[h]; !ok {
			return nil, fmt.Errorf("%w: the header lacks the column %s", domain.ErrInvalid, h)
		}
	}
	cr.FieldsPerRecord = len(head)
	return &csvReader{cr: cr, col: col}, nil
}

func (c *csvReader) Line() int { l, _ := c.cr.FieldPos(0); return l }

func (c *csvReader) Next() (domain.Citizen, error) {
	rec, err := c.cr.Read()
	if err != nil {
		if err == io.EOF {
			return domain.Citizen{}, err
		}
		return domain.Citizen{}, fmt.Errorf("%w: %w", domain.ErrInvalid, err)
	}
	return parseRow(func(name string) string {
		if i, ok := c.col[name]; ok {
			return rec[i]
		}
		return ""
	})
}

type jsonlReader struct {
	sc   *bufio.Scanner
	line int
}

func (j *jsonlReader) Line() int { return j.line }

func (j *jsonlReader) Next() (domain.Citizen, error) {
	if j.line == 0 {
		j.sc.Buffer(make([]byte, 64<<10), 1<<20)
	}
	for j.sc.Scan() {
		j.line++
		b := bytes.TrimSpace(j.sc.Bytes())
		if len(b) == 0 {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			return domain.Citizen{}, fmt.Errorf("%w: not a JSON object: %w", domain.ErrInvalid, err)
		}
		for k := range m {
			if !contains(Columns, k) {
				return domain.Citizen{}, fmt.Errorf("%w: unknown key %q", domain.ErrInvalid, k)
			}
		}
		return parseRow(func(name string) string {
			switch v := m[name].(type) {
			case string:
				return v
			case float64:
				return strconv.FormatFloat(v, 'f', -1, 64)
			}
			return ""
		})
	}
	if err := j.sc.Err(); err != nil {
		return domain.Citizen{}, err
	}
	return domain.Citizen{}, io.EOF
}

// parseRow checks one row's values and gives the citizen with its name keys.
func parseRow(get func(string) string) (domain.Citizen, error) {
	val := func(name string) string { return strings.Join(strings.Fields(norm.NFC.String(get(name))), " ") }
	for _, name := range Columns {
		if !utf8.ValidString(get(name)) {
			return domain.Citizen{}, fmt.Errorf("%w: %s is not UTF-8", domain.ErrInvalid, name)
		}
	}
	c := domain.Citizen{ID: val("so_dinh_danh"), FullName: val("ho_ten"), BirthPlace: val("noi_sinh"),
		HomeTown: val("que_quan"), FatherName: val("ho_ten_cha"), MotherName: val("ho_ten_me"), Residence: val("noi_cu_tru")}
	if len(c.ID) != 12 || strings.Trim(c.ID, "0123456789") != "" {
		return c, fmt.Errorf("%w: so_dinh_danh %q: want 12 digits", domain.ErrInvalid, c.ID)
	}
	if c.FullName == "" {
		return c, fmt.Errorf("%w: ho_ten is empty", domain.ErrInvalid)
	}
	var err error
	if c.Sex, err = parseSex(val("gioi_tinh")); err != nil {
		return c, err
	}
	if c.Birth, err = domain.ParsePartialDate(val("ngay_sinh")); err != nil || c.Birth.Year == 0 {
		return c, fmt.Errorf("%w: ngay_sinh %q: want dd/mm/yyyy or yyyy", domain.ErrInvalid, val("ngay_sinh"))
	}
	if c.FatherYear, err = parseYear("nam_sinh_cha", val("nam_sinh_cha")); err != nil {
		return c, err
	}
	if c.MotherYear, err = parseYear("nam_sinh_me", val("nam_sinh_me")); err != nil {
		return c, err
	}
	c.Keys = Keys(c)
	return c, nil
}

// Keys are the folded name keys a citizen is found by.
func Keys(c domain.Citizen) domain.CitizenKeys {
	p := namekey.Split(c.FullName)
	return domain.CitizenKeys{Surname: p.Surname, Middle: p.Middle, Given: p.Given, Name: p.Key(),
		MotherGiven: namekey.Split(c.MotherName).Given}
}

func parseSex(s string) (string, error) {
	switch strings.ToLower(s) {
	case "nam", "1":
		return "Nam", nil
	case "nữ", "nu", "2":
		return "Nữ", nil
	case "", "3":
		return "", nil
	}
	return "", fmt.Errorf("%w: gioi_tinh %q: want Nam or Nữ", domain.ErrInvalid, s)
}

func parseYear(col, s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1800 || y > 2100 {
		return 0, fmt.Errorf("%w: %s %q: want a year such as 1950", domain.ErrInvalid, col, s)
	}
	return y, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
