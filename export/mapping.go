package export

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/sohoa/sohoa/domain"
)

// source gives a column's value for an entry; it may add to the entry's notes (ghiChu).
type source func(e *domain.ExportEntry, n *notes) string

// notes collects what the ghiChu column says about an entry.
type notes struct{ parts []string }

func (n *notes) add(s string) { n.parts = append(n.parts, s) }

// Registration-type code for entries of old books: the type is not written in them.
const loaiDangKyUnknown = "6" // không xác định

// commonSources fill the columns every import workbook shares. Columns not named here or in the
// kind's own list are left blank: the old books do not hold them (see README, "Export").
var commonSources = map[string]source{
	"so":         field("entry_no"),
	"quyenSo":    func(e *domain.ExportEntry, _ *notes) string { return e.Book },
	"trangSo":    func(e *domain.ExportEntry, _ *notes) string { return strconv.Itoa(e.Page) },
	"ngayDangKy": date("registration_date"),
	"loaiDangKy": func(*domain.ExportEntry, *notes) string { return loaiDangKyUnknown },
	"noiDangKy":  registrationPlace,
}

var kindSources = map[domain.Kind]map[string]source{
	domain.KindBirth: {
		"nksHoTen":           field("full_name"),
		"nksGioiTinh":        sex("sex"),
		"nksNgaySinh":        date("birth_date"),
		"nksNgaySinhBangChu": field("birth_date_in_words"),
		"nksNoiSinh":         field("birth_place"),
		"nksDanToc":          field("ethnicity"),
		"nksQuocTich":        field("nationality"),
		"nksQuocTichStr":     field("nationality"),
		"chaHoTen":           field("father_name"),
		"meHoTen":            field("mother_name"),
		// The linked personal ID numbers (issue 18, point 5): the child's, and the parents' where
		// an entry has links for them.
		"nksSoDinhDanh":       citizenID(""),
		"chaSoDinhDanhCaNhan": citizenID("father"),
		"meSoDinhDanhCaNhan":  citizenID("mother"),
	},
	domain.KindMarriage: {
		// Under Vietnamese law a marriage is established when it is registered.
		"ngayXacLapQuanHeHonNhan": silentDate("registration_date"),
		"chongHoTen":              field("husband_name"),
		"chongNgaySinh":           date("husband_birth_date"),
		"chongDanToc":             field("husband_ethnicity"),
		"chongNoiCuTru":           field("husband_residence"),
		"voHoTen":                 field("wife_name"),
		"voNgaySinh":              date("wife_birth_date"),
		"voDanToc":                field("wife_ethnicity"),
		"voNoiCuTru":              field("wife_residence"),
		"chongQuocTich":           field("husband_nationality"),
		"voQuocTich":              field("wife_nationality"),
	},
	domain.KindDeath: {
		"nktHoTen":          field("full_name"),
		"nktGioiTinh":       sex("sex"),
		"nktNgaySinh":       date("birth_date"),
		"nktDanToc":         field("ethnicity"),
		"nktQuocTich":       field("nationality"),
		"nktNoiCuTru":       field("residence"),
		"nktNgayChet":       date("death_date"),
		"nktNoiChet":        field("death_place"),
		"nktNguyenNhanChet": field("death_cause"),
		"nktGioPhutChet":    field("death_time"),
		"nycHoTen":          field("declarant_name"),
	},
}

// citizenID is the personal ID number an entry's person is linked to (proposed by the matcher
// or accepted by a person), blank otherwise.
func citizenID(person string) source {
	return func(e *domain.ExportEntry, _ *notes) string {
		if m := e.Match(person); m != nil {
			return m.CitizenID
		}
		return ""
	}
}

// matchText is a link's status in words, for ghiChu.
var matchText = map[domain.MatchStatus]string{
	domain.MatchProposed: "đề xuất tự động, chưa người xác nhận",
	domain.MatchAccepted: "đã xác nhận",
	domain.MatchReview:   "chờ người quyết định",
	domain.MatchNone:     "không tìm thấy",
	domain.MatchRejected: "không khớp",
	domain.MatchPolice:   "chuyển công an xã kiểm tra",
}

// personText names the person of a link in ghiChu ("" is the entry's own person).
var personText = map[string]string{"": "", "husband": " (chồng)", "wife": " (vợ)", "father": " (cha)", "mother": " (mẹ)"}

// matchNote says in ghiChu how each person of the entry stands against the population database,
// with the ID number of a link, since no template has a column for the status.
func matchNote(e *domain.ExportEntry, n *notes) {
	for _, m := range e.Matches {
		s := "Đối sánh CSDL dân cư" + personText[m.Person] + ": " + matchText[m.Status]
		if m.CitizenID != "" {
			s += " (số định danh " + m.CitizenID + ")"
		}
		n.add(s)
	}
}

func field(name string) source {
	return func(e *domain.ExportEntry, _ *notes) string { return e.Value(name) }
}

// date writes a whole date as dd.mm.yyyy; anything else leaves the cell blank and says in the
// notes what the book has.
func date(name string) source {
	return func(e *domain.ExportEntry, n *notes) string {
		v := e.Value(name)
		if v == "" {
			return ""
		}
		d, ok := dotDate(v)
		if !ok {
			n.add(dateNote(name, v))
		}
		return d
	}
}

// silentDate is date for a second column holding the same value: the note is made once.
func silentDate(name string) source {
	return func(e *domain.ExportEntry, _ *notes) string {
		d, _ := dotDate(e.Value(name))
		return d
	}
}

// sex codes Nam as 1 and Nữ as 2; anything else, an empty or unclear value included, is 3
// (không xác định).
func sex(name string) source {
	return func(e *domain.ExportEntry, _ *notes) string {
		switch strings.TrimSpace(e.Value(name)) {
		case "Nam":
			return "1"
		case "Nữ":
			return "2"
		}
		return "3"
	}
}

// registrationPlace is the registering commune as the book names it: the unit of the time (the
// pre-2025 list), not today's.
func registrationPlace(e *domain.ExportEntry, _ *notes) string {
	parts := []string{"UBND " + e.CommuneName}
	for _, p := range []string{e.DistrictName, e.ProvinceName} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

// unclearNote lists the fields still missing or unclear (thiếu / chưa rõ), and the reason an
// entry was set aside.
func unclearNote(e *domain.ExportEntry, n *notes) {
	var missing []string
	for _, f := range e.Fields {
		empty := strings.TrimSpace(f.Value) == ""
		if (f.Status == domain.FieldMissing || empty) && !(empty && e.Kind.Optional(f.Name)) {
			missing = append(missing, label(f.Name))
		}
	}
	if len(missing) > 0 {
		n.parts = append([]string{"Thiếu / chưa rõ: " + strings.Join(missing, ", ")}, n.parts...)
	}
	if e.FlagReason != "" {
		n.add("Để riêng: " + e.FlagReason)
	}
}

// importRow builds the rows of one kind's import workbook.
type importRow struct {
	columns []string
	sources []source // nil: blank
	stt     int      // index of the running-number column, -1 when none
	ghiChu  int      // index of the notes column
}

func newImportRow(k domain.Kind) (*importRow, error) {
	cols, err := Columns(k)
	if err != nil {
		return nil, err
	}
	ir := &importRow{columns: cols, sources: make([]source, len(cols)), stt: -1, ghiChu: -1}
	for i, c := range cols {
		switch c {
		case "STT":
			ir.stt = i
		case "ghiChu":
			ir.ghiChu = i
		}
		if s, ok := kindSources[k][c]; ok {
			ir.sources[i] = s
		} else if s, ok := commonSources[c]; ok {
			ir.sources[i] = s
		}
	}
	if ir.ghiChu < 0 {
		return nil, fmt.Errorf("import workbook for %s has no ghiChu column", k)
	}
	return ir, nil
}

// fill writes the entry's row (the n-th of the file, from 1) into row, which has one cell per
// column; every value is made formula-safe.
func (ir *importRow) fill(row []string, e *domain.ExportEntry, n int) {
	var ns notes
	for i, src := range ir.sources {
		row[i] = ""
		if src != nil {
			row[i] = Safe(src(e, &ns))
		}
	}
	if ir.stt >= 0 {
		row[ir.stt] = strconv.Itoa(n)
	}
	unclearNote(e, &ns)
	matchNote(e, &ns)
	row[ir.ghiChu] = Safe(strings.Join(ns.parts, "; "))
}
