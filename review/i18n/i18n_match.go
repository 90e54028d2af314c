package i18n

// matchMessages are the texts of the link-review and duplicate screens (issue 18), kept apart
// from i18n.go so that parallel work on other screens merges cleanly.
var matchMessages = map[string][2]string{
	"matches":                           {"Đối sánh với cơ sở dữ liệu dân cư", "Matching with the population database"},
	"match.title":                       {"Đối sánh", "Matching"},
	"match.person":                      {"Người", "Person"},
	"match.status":                      {"Trạng thái", "Status"},
	"match.best":                        {"Ứng viên tốt nhất", "Best candidate"},
	"match.score":                       {"Điểm", "Score"},
	"match.field":                       {"Trường", "Field"},
	"match.entry":                       {"Trong sổ", "In the register"},
	"match.nocandidates":                {"Không tìm thấy công dân nào phù hợp.", "No plausible citizen was found."},
	"match.accept":                      {"Chọn ứng viên này (Enter)", "Accept this candidate (Enter)"},
	"match.none":                        {"Không khớp (F8)", "No match (F8)"},
	"match.police":                      {"Gửi công an xã kiểm tra (F9)", "Send to the police check list (F9)"},
	"match.keys":                        {"Enter: chọn ứng viên đang đánh dấu · ↑/↓: đổi ứng viên · F8: không khớp · F9: gửi công an kiểm tra", "Enter: accept the marked candidate · ↑/↓: change candidate · F8: no match · F9: police check list"},
	"match.status.proposed":             {"Đề xuất tự động", "Proposed automatically"},
	"match.status.review":               {"Cần người quyết định", "Left to a person"},
	"match.status.none":                 {"Không có ứng viên", "No candidate"},
	"match.status.accepted":             {"Đã chọn", "Accepted"},
	"match.status.rejected":             {"Không khớp", "No match"},
	"match.status.police":               {"Đã gửi công an kiểm tra", "Sent to the police"},
	"match.accepted":                    {"Đã liên kết mục với công dân.", "The entry is linked to the citizen."},
	"match.rejected":                    {"Đã ghi nhận: không có công dân khớp.", "Recorded: no citizen matches."},
	"match.police.sent":                 {"Đã gửi mục vào danh sách công an kiểm tra.", "The entry was sent to the police check list."},
	"person.husband":                    {"Chồng", "Husband"},
	"person.wife":                       {"Vợ", "Wife"},
	"field.father_birth_year":           {"Năm sinh của cha", "Father's year of birth"},
	"field.mother_birth_year":           {"Năm sinh của mẹ", "Mother's year of birth"},
	"duplicates":                        {"Mục có thể trùng người", "Entries that may be the same person"},
	"duplicates.note":                   {"Mỗi cặp được đưa ra để giám sát xem xét; không có mục nào bị gộp tự động.", "Each pair is shown for a supervisor to judge; nothing is merged automatically."},
	"dup.reason.same_citizen":           {"Cùng liên kết với một công dân", "Linked to the same citizen"},
	"dup.reason.same_name_birth_mother": {"Cùng họ tên, ngày sinh và tên mẹ", "Same name, date of birth and mother's name"},
	"dup.same":                          {"Cùng một người", "The same person"},
	"dup.different":                     {"Hai người khác nhau", "Two different people"},
	"duplicate.same":                    {"Đã ghi nhận: cùng một người (không gộp).", "Recorded: the same person (not merged)."},
	"duplicate.different":               {"Đã ghi nhận: hai người khác nhau.", "Recorded: two different people."},
}

func init() {
	for k, v := range matchMessages {
		messages[k] = v
	}
}
