package i18n

// checkMessages are the texts of the verification stages (issue 15): the check screen, the
// supervisor's disagreements, a ledger's stages and the dashboard's check rates; kept apart
// from i18n.go so that parallel work on other screens merges cleanly.
var checkMessages = map[string][2]string{
	"check.next":          {"Kiểm tra mục tiếp theo", "Check the next entry"},
	"check.title":         {"Kiểm tra", "Check"},
	"check.stage.1":       {"Kiểm tra lần 1", "Check 1"},
	"check.stage.2":       {"Kiểm tra lần 2", "Check 2"},
	"check.sighted":       {"Đối chiếu: xem giá trị đã nhập, Enter nếu đúng, sửa nếu sai", "Sighted: the entered values are shown; Enter if right, correct if wrong"},
	"check.blind":         {"Nhập lại độc lập: gõ lại các ô theo ảnh, không xem bản đã nhập", "Blind: type the fields again from the image, without seeing what was entered"},
	"check.submit":        {"Xong", "Done"},
	"check.empty":         {"Không còn mục nào cần kiểm tra trong các xã của bạn.", "No entries left to check in your communes."},
	"check.gone":          {"Mục này không còn chờ bạn kiểm tra (hết hạn giữ chỗ hoặc đã có người xử lý).", "This entry no longer waits for your check (the lease ended or someone else took it)."},
	"check.disputed":      {"Kết quả khác với bản nhập: mục đã được chuyển cho giám sát quyết định.", "Your values differ from the entry: it went to a supervisor to decide."},
	"check.keys":          {"Enter: xong và sang mục tiếp · Tab / Shift+Tab: chuyển ô", "Enter: done, go to the next · Tab / Shift+Tab: move between fields"},
	"disputes":            {"Bất đồng", "Disagreements"},
	"disputes.title":      {"Bất đồng chờ giám sát quyết định", "Disagreements waiting for a supervisor"},
	"dispute.title":       {"Giải quyết bất đồng", "Settle a disagreement"},
	"dispute.entered":     {"Bản nhập", "Entered"},
	"dispute.checked":     {"Bản kiểm tra", "Checked"},
	"dispute.final":       {"Giá trị cuối", "Final value"},
	"dispute.fields":      {"Ô khác nhau", "Fields that differ"},
	"dispute.settle":      {"Chốt giá trị cuối", "Settle with the final values"},
	"dispute.settled":     {"Đã chốt giá trị cuối.", "The final values were saved."},
	"dispute.gone":        {"Bất đồng này đã được giải quyết.", "This disagreement was already settled."},
	"dispute.by":          {"Người nhập", "Entered by"},
	"dispute.checker":     {"Người kiểm tra", "Checked by"},
	"dispute.pick":        {"Bấm một bản để chọn, hoặc gõ giá trị cuối.", "Click a version to pick it, or type the final value."},
	"stages":              {"Các bước kiểm tra", "Check stages"},
	"stages.help":         {"Sau khi nhập, mỗi mục qua kiểm tra lần 1 và (nếu có) lần 2 trước khi hoàn thành. Đối chiếu: người kiểm tra xem giá trị đã nhập; nhập lại độc lập: gõ lại mà không xem.", "After entry each entry goes through check 1 and (if set) check 2 before it is done. Sighted: the checker sees the entered values; blind: types them again without seeing them."},
	"stages.default":      {"Theo cấu hình chung", "As the installation"},
	"stages.none":         {"không kiểm tra", "no check"},
	"stages.sighted":      {"đối chiếu", "sighted"},
	"stages.blind":        {"nhập lại độc lập", "blind"},
	"stages.current":      {"Đang dùng", "In use"},
	"audit.check.pass":    {"kiểm tra: khớp", "check: agreed"},
	"audit.check.dispute": {"kiểm tra: khác bản nhập, chuyển giám sát", "check: differs from the entry, sent to a supervisor"},
	"audit.check.settle":  {"giám sát chốt giá trị cuối", "a supervisor settled the final values"},
	"checks.rates":        {"Kết quả kiểm tra theo người nhập", "Check results by clerk"},
	"checks.checked":      {"Mục đã kiểm tra", "Entries checked"},
	"checks.agreement":    {"Tỉ lệ khớp", "Agreement"},
	"checks.correction":   {"Tỉ lệ phải sửa", "Corrected"},
	"checks.done":         {"Số lần đã kiểm tra", "Checks done"},
}

func init() {
	for k, v := range checkMessages {
		messages[k] = v
	}
}
