package i18n

// reviewMessages are the texts of the review screen's keys, statuses and follow-up, merged into
// messages once at start (kept apart so that parallel work on the other texts merges cleanly).
var reviewMessages = map[string][2]string{
	"absent":                  {"Không có trên trang", "Not on the page"},
	"empty":                   {"(trống)", "(empty)"},
	"cancel":                  {"thôi", "cancel"},
	"cancel.link":             {"Hủy", "Cancel"},
	"close":                   {"Đóng", "Close"},
	"requeue":                 {"Trả về hàng đợi duyệt", "Send back to the queue"},
	"requeued":                {"Đã trả mục về hàng đợi duyệt.", "The entry went back to the review queue."},
	"resolved":                {"Đã sửa và xác nhận mục.", "The entry was corrected and confirmed."},
	"noted":                   {"Đã ghi chú.", "The note was saved."},
	"note.add":                {"Ghi chú (đã tra sổ gốc / hỏi gia đình…)", "Note (book consulted, family asked…)"},
	"note.save":               {"Lưu ghi chú", "Save the note"},
	"status.confirmed":        {"Mục này đã được xác nhận", "This entry is confirmed"},
	"status.flagged":          {"Mục này đang chờ xử lý (thiếu / chưa rõ)", "This entry awaits follow-up (missing / unclear)"},
	"status.resolve":          {"Bạn có thể sửa rồi xác nhận (Enter), trả về hàng đợi hoặc ghi chú.", "You may correct and confirm it (Enter), send it back to the queue or leave a note."},
	"status.pending":          {"Mục này đang chờ duyệt; mở từ trang chính để duyệt.", "This entry awaits review; take it from the home page to review it."},
	"audit.record.note":       {"ghi chú", "note"},
	"audit.record.requeue":    {"trả về hàng đợi duyệt", "sent back to the queue"},
	"keys.title":              {"Phím tắt", "Keys"},
	"key.enter":               {"Xác nhận mục và mở mục tiếp theo (ở bất cứ đâu trừ ô lý do F2)", "Confirm the entry and open the next (anywhere but the F2 reason box)"},
	"key.tab":                 {"Sang ô sau / ô trước", "Next / previous field"},
	"key.down":                {"Mở danh sách gợi ý của ô, đi lên xuống trong danh sách", "Open the field's suggestions, move in the list"},
	"key.inlist":              {"trong danh sách", "in the list"},
	"key.take":                {"Lấy gợi ý đang chọn", "Take the highlighted suggestion"},
	"key.f2":                  {"Đánh dấu thiếu / chưa rõ, ghi lý do (các ô đã sửa được lưu cùng)", "Mark missing / unclear with a reason (what you typed is kept)"},
	"key.f3":                  {"Chép giá trị của ô này ở mục trước trên cùng trang", "Copy this field from the previous entry of the page"},
	"key.f4":                  {"Trả mục lại hàng đợi (mục sẽ xếp sau các mục khác của bạn)", "Give the entry back (it comes after your other entries)"},
	"key.esc":                 {"Đóng danh sách gợi ý, ô lý do hoặc bảng này", "Close the suggestions, the reason box or this list"},
	"key.f1":                  {"Bảng phím tắt này", "This list of keys"},
	"key.wheel":               {"Lăn chuột / kéo", "Wheel / drag"},
	"key.zoom":                {"Phóng to, di chuyển ảnh trang; bàn phím vẫn ở ô đang nhập", "Zoom and pan the page; the keyboard stays in the field"},
	"key.telex":               {"Không có phím tắt một chữ cái: gõ Telex / VNI an toàn.", "No single-letter shortcuts: Telex / VNI typing is safe."},
	"ledger.id":               {"Số sổ (--ledger)", "Ledger (--ledger)"},
	"ledger.new":              {"Thêm sổ", "New ledger"},
	"ledger.edit":             {"Sửa sổ", "Edit ledger"},
	"ledger.created":          {"Đã thêm sổ.", "The ledger was added."},
	"ledger.book":             {"Quyển số", "Book number"},
	"ledger.year_from":        {"Từ năm", "From year"},
	"ledger.year_to":          {"Đến năm", "To year"},
	"ledger.expected_entries": {"Số mục dự kiến (0 = chưa biết)", "Expected entries (0 = unknown)"},
	"ledger.expected_pages":   {"Số trang dự kiến (0 = chưa biết)", "Expected pages (0 = unknown)"},
	"ledger.commune.pick":     {"Hãy chọn một xã / phường trong danh sách (gõ tên rồi chọn bằng ↓ và Enter).", "Pick a commune from the list (type its name, then ↓ and Enter)."},
	"ledger.numbers":          {"Năm và số lượng phải là số nguyên.", "Years and counts must be whole numbers."},
	"ledger.book.required":    {"Hãy ghi quyển số.", "Give the book number."},
	"ledger.book.invalid":     {"Quyển số chỉ gồm chữ, số, khoảng trắng và - / . ( ), tối đa 40 ký tự.", "The book number takes letters, digits, spaces and - / . ( ) only, at most 40 characters."},
	"ledger.invalid":          {"Sổ chưa hợp lệ: năm từ 1900 đến 2100, năm đầu không sau năm cuối, số lượng không âm.", "Not a valid ledger: years 1900–2100, the first not after the last, counts not negative."},
	"ledger.exists":           {"Sổ này đã có (cùng xã, loại sổ, quyển và năm).", "This ledger exists already (same commune, kind, book and years)."},
	"edit":                    {"Sửa", "Edit"},
	"commune.placeholder":     {"Gõ tên xã / phường, ví dụ: Gia Sàng", "Type the commune's name, e.g. Gia Sàng"},
	"commune.help":            {"Gõ tên (có dấu hoặc không), ↓ để vào danh sách, Enter để chọn.", "Type the name (with or without diacritics), ↓ into the list, Enter to pick."},
	"commune.after":           {"Sau 7/2025", "After 7/2025"},
	"commune.find":            {"Tìm xã / phường để thêm", "Find a commune to add"},
	"priority.help":           {"Số lớn hơn được duyệt trước (−100 đến 100, mặc định 0).", "Higher numbers are reviewed first (−100 to 100, default 0)."},
}

func init() {
	for k, v := range reviewMessages {
		messages[k] = v
	}
}
