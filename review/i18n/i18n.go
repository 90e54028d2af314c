package i18n

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// Lang is an interface language.
type Lang string

// Vietnamese is the default; English is switchable.
const (
	VI Lang = "vi"
	EN Lang = "en"
)

// messages holds every interface text: key → Vietnamese, English.
var messages = map[string][2]string{
	"app":                       {"Số hóa sổ hộ tịch", "Civil-registry digitisation"},
	"login":                     {"Đăng nhập", "Log in"},
	"logout":                    {"Đăng xuất", "Log out"},
	"username":                  {"Tên đăng nhập", "Username"},
	"password":                  {"Mật khẩu", "Password"},
	"login.failed":              {"Sai tên đăng nhập hoặc mật khẩu.", "Wrong username or password."},
	"login.throttled":           {"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.", "Too many failed logins. Please try again in a few minutes."},
	"home":                      {"Trang chính", "Home"},
	"next":                      {"Nhận mục tiếp theo", "Take the next entry"},
	"queue.empty":               {"Không còn mục nào cần duyệt trong các xã của bạn.", "No entries left to review in your communes."},
	"today":                     {"Hôm nay", "Today"},
	"shift":                     {"Ca làm việc này", "This shift"},
	"entries":                   {"mục", "entries"},
	"confirm":                   {"Xác nhận", "Confirm"},
	"flag":                      {"Thiếu / chưa rõ", "Missing / unclear"},
	"flag.reason":               {"Lý do (thiếu / chưa rõ gì?)", "Reason (what is missing or unclear?)"},
	"release":                   {"Trả lại hàng đợi", "Give back to the queue"},
	"keys":                      {"Enter: xác nhận và sang mục tiếp · Tab / Shift+Tab: chuyển ô · F2: thiếu / chưa rõ (Esc: thôi) · F4: trả lại", "Enter: confirm and go to the next · Tab / Shift+Tab: move between fields · F2: missing / unclear (Esc: cancel) · F4: give back"},
	"entry":                     {"Mục", "Entry"},
	"page":                      {"Trang", "Page"},
	"book":                      {"Quyển", "Book"},
	"ocr.read":                  {"Máy đọc", "OCR read"},
	"confidence":                {"Độ tin cậy", "Confidence"},
	"suggestions":               {"Gợi ý", "Suggestions"},
	"history":                   {"Lịch sử thay đổi", "Change history"},
	"stale":                     {"Mục này đã được thay đổi hoặc đã chuyển cho người khác sau khi bạn mở. Bạn đang xem bản mới nhất; không có gì bị ghi đè.", "This entry changed or went to someone else after you opened it. You now see the latest version; nothing was overwritten."},
	"invalid":                   {"Một số ô chưa hợp lệ; xem thông báo bên cạnh ô.", "Some fields are not valid; see the notes beside them."},
	"released":                  {"Đã trả mục lại hàng đợi.", "The entry was given back to the queue."},
	"flagged":                   {"Đã đánh dấu thiếu / chưa rõ để xử lý sau.", "Marked missing / unclear for follow-up."},
	"followups":                 {"Danh sách cần xử lý (thiếu / chưa rõ)", "Follow-up list (missing / unclear)"},
	"progress":                  {"Tiến độ theo xã và sổ", "Progress by commune and ledger"},
	"users":                     {"Tài khoản", "Accounts"},
	"user.add":                  {"Thêm tài khoản", "Add an account"},
	"display_name":              {"Họ tên", "Full name"},
	"role":                      {"Vai trò", "Role"},
	"communes":                  {"Mã xã (cách nhau bởi dấu phẩy)", "Commune codes (comma separated)"},
	"role.capture":              {"Chụp ảnh trang sổ", "Page capture"},
	"role.clerk":                {"Nhân viên nhập liệu", "Clerk"},
	"role.supervisor":           {"Giám sát", "Supervisor"},
	"role.admin":                {"Quản trị", "Administrator"},
	"commune":                   {"Xã / phường", "Commune"},
	"kind":                      {"Loại sổ", "Register"},
	"years":                     {"Năm", "Years"},
	"pages":                     {"Trang đã quét", "Pages scanned"},
	"pending":                   {"Chờ duyệt", "Pending"},
	"confirmed":                 {"Đã xác nhận", "Confirmed"},
	"flagged.n":                 {"Thiếu / chưa rõ", "Unclear"},
	"failed":                    {"Trang lỗi", "Failed pages"},
	"priority":                  {"Ưu tiên", "Priority"},
	"save":                      {"Lưu", "Save"},
	"retry":                     {"Xử lý lại", "Retry"},
	"export":                    {"Xuất CSV", "Export CSV"},
	"export.xlsx.title":         {"Sổ nhập liệu cho phần mềm hộ tịch (chỉ mục đã xong)", "Import workbook for the civil-status software (finished entries only)"},
	"reason":                    {"Lý do", "Reason"},
	"reprocess":                 {"Đọc lại", "Read again"},
	"dashboard":                 {"Tiến độ số hóa", "Digitisation progress"},
	"progress.top":              {"Toàn quốc", "Whole country"},
	"progress.records":          {"hồ sơ", "records"},
	"progress.reached":          {"đạt", "reaching"},
	"progress.pace":             {"Tốc độ 7 ngày qua", "Pace over the last 7 days"},
	"progress.per_day":          {"mục/ngày", "entries/day"},
	"progress.end":              {"Dự kiến xong", "Expected completion"},
	"progress.no_end":           {"Chưa ước tính được ngày xong (7 ngày qua chưa có mục nào xong).", "No completion date yet (nothing done in the last 7 days)."},
	"progress.unit":             {"Đơn vị / sổ", "Unit / ledger"},
	"progress.expected":         {"Dự kiến", "Expected"},
	"progress.extracted":        {"Đã trích", "Extracted"},
	"progress.entered":          {"Đã nhập", "Entered"},
	"progress.checked":          {"Đã kiểm tra", "Checked"},
	"progress.done":             {"Hoàn thành", "Done"},
	"progress.unclear":          {"Thiếu / chưa rõ", "Missing / unclear"},
	"progress.processed":        {"Trang đã xử lý", "Pages processed"},
	"progress.rescan":           {"Cần quét lại", "Rescan requested"},
	"progress.total":            {"Cộng", "Total"},
	"progress.daily":            {"Mục hoàn thành mỗi ngày (30 ngày)", "Entries done per day (30 days)"},
	"progress.clerks":           {"Theo cán bộ", "By clerk"},
	"progress.today":            {"Hôm nay", "Today"},
	"progress.week":             {"7 ngày", "7 days"},
	"progress.quality":          {"Chất lượng OCR: tỉ lệ ô phải sửa theo trường", "OCR quality: share of fields corrected, by field"},
	"reprocess.title":           {"Đọc lại mọi trang của sổ bằng OCR hiện tại; các mục đã có người xử lý được giữ nguyên", "Read every page of the ledger again with the current OCR; entries people decided are kept"},
	"reprocess.ledger":          {"Sổ", "Ledger"},
	"reprocess.scan":            {"Bản quét", "Scan"},
	"reprocess.started":         {"Đã gửi các trang đi đọc lại.", "The pages were sent to be read again."},
	"reprocess.scans":           {"Trang đã đọc lại", "Pages read again"},
	"reprocess.fields_changed":  {"Ô chưa xác nhận có giá trị thay đổi", "Unconfirmed fields whose value changed"},
	"reprocess.added":           {"Mục mới tìm thấy", "Entries newly found"},
	"reprocess.removed":         {"Mục chưa xử lý không còn tìm thấy", "Undecided entries no longer found"},
	"reprocess.kept":            {"Mục đã có người xử lý, giữ nguyên", "Entries people decided, kept as they were"},
	"reprocess.note":            {"Giá trị do cán bộ nhập, sửa hay xác nhận không bao giờ bị thay. Tải lại trang để xem tiến độ.", "Values a person entered, corrected or confirmed are never replaced. Reload the page to follow progress."},
	"by":                        {"Người", "By"},
	"when":                      {"Lúc", "When"},
	"open":                      {"Mở", "Open"},
	"none":                      {"Không có.", "None."},
	"lang.switch":               {"English", "Tiếng Việt"},
	"error":                     {"Có lỗi", "Something went wrong"},
	"err.404":                   {"Không tìm thấy trang hoặc mục này.", "This page or entry was not found."},
	"err.403":                   {"Bạn không có quyền xem trang này.", "You may not see this page."},
	"err.409":                   {"Mục đã được người khác thay đổi.", "Someone else changed this item."},
	"err.422":                   {"Dữ liệu chưa hợp lệ.", "The data is not valid."},
	"err.503":                   {"Hệ thống tạm thời không kết nối được cơ sở dữ liệu hoặc kho ảnh. Vui lòng thử lại sau ít phút.", "The database or image store is unreachable for now. Please try again in a few minutes."},
	"err.500":                   {"Lỗi hệ thống. Vui lòng báo cho quản trị viên.", "Internal error. Please tell the administrator."},
	"user.created":              {"Đã tạo tài khoản.", "The account was created."},
	"saved":                     {"Đã lưu.", "Saved."},
	"retried":                   {"Đã gửi trang đi xử lý lại.", "The page was sent for processing again."},
	"kind.khai-sinh":            {"Khai sinh", "Birth"},
	"kind.ket-hon":              {"Kết hôn", "Marriage"},
	"kind.khai-tu":              {"Khai tử", "Death"},
	"audit.record.confirm":      {"xác nhận mục", "confirmed the entry"},
	"audit.record.flag":         {"đánh dấu thiếu / chưa rõ", "marked missing / unclear"},
	"audit.record.release":      {"trả lại hàng đợi", "gave back to the queue"},
	"audit.field.correct":       {"sửa ô", "corrected a field"},
	"field.entry_no":            {"Số", "No."},
	"field.full_name":           {"Họ và tên", "Full name"},
	"field.sex":                 {"Giới tính", "Sex"},
	"field.birth_date":          {"Ngày, tháng, năm sinh", "Date of birth"},
	"field.birth_date_in_words": {"Ngày sinh bằng chữ", "Date of birth in words"},
	"field.birth_place":         {"Nơi sinh", "Place of birth"},
	"field.ethnicity":           {"Dân tộc", "Ethnic group"},
	"field.nationality":         {"Quốc tịch", "Nationality"},
	"field.father_name":         {"Họ và tên cha", "Father's name"},
	"field.mother_name":         {"Họ và tên mẹ", "Mother's name"},
	"field.registration_date":   {"Ngày đăng ký", "Date of registration"},
	"field.husband_name":        {"Họ và tên chồng", "Husband's name"},
	"field.husband_birth_date":  {"Ngày sinh của chồng", "Husband's date of birth"},
	"field.husband_ethnicity":   {"Dân tộc của chồng", "Husband's ethnic group"},
	"field.husband_residence":   {"Nơi thường trú của chồng", "Husband's residence"},
	"field.wife_name":           {"Họ và tên vợ", "Wife's name"},
	"field.wife_birth_date":     {"Ngày sinh của vợ", "Wife's date of birth"},
	"field.wife_ethnicity":      {"Dân tộc của vợ", "Wife's ethnic group"},
	"field.wife_residence":      {"Nơi thường trú của vợ", "Wife's residence"},
	"field.residence":           {"Nơi thường trú", "Residence"},
	"field.death_date":          {"Ngày chết", "Date of death"},
	"field.death_place":         {"Nơi chết", "Place of death"},
	"field.death_cause":         {"Nguyên nhân chết", "Cause of death"},
	"field.death_time":          {"Giờ chết", "Time of death"},
	"field.declarant_name":      {"Người đi khai", "Declarant"},
	"field.husband_nationality": {"Quốc tịch của chồng", "Husband's nationality"},
	"field.wife_nationality":    {"Quốc tịch của vợ", "Wife's nationality"},
}

// T translates a key; an unknown key shows itself so that a missing text is visible, not blank.
func (l Lang) T(key string) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	if l == EN {
		return m[1]
	}
	return m[0]
}

// Date writes a date as dd/mm/yyyy (both languages: Viet Nam's civil registers use it).
func (l Lang) Date(t time.Time) string { return t.Local().Format("02/01/2006") }

// DateTime writes dd/mm/yyyy hh:mm.
func (l Lang) DateTime(t time.Time) string { return t.Local().Format("02/01/2006 15:04") }

// Number writes a decimal number with a decimal comma and dot thousands in Vietnamese,
// and the English way in English.
func (l Lang) Number(v float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	thousands, point := ".", ","
	if l == EN {
		thousands, point = ",", "."
	}
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(thousands)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(point + frac)
	}
	return b.String()
}

// Int writes a whole number with thousands separators.
func (l Lang) Int(n int) string { return l.Number(float64(n), 0) }

// Percent writes a share 0–1 as a percentage with one decimal.
func (l Lang) Percent(v float64) string { return fmt.Sprintf("%s%%", l.Number(v*100, 1)) }
