package review

// captureMessages are the capture page's texts, Vietnamese and English; they join messages
// when the package starts.
var captureMessages = map[string][2]string{
	"capture.title":       {"Chụp trang sổ", "Photograph pages"},
	"capture.ledger":      {"Sổ", "Ledger"},
	"capture.first":       {"Trang của ảnh tiếp theo", "Page of the next photo"},
	"capture.shoot":       {"Chụp ảnh trang sổ", "Take photos of pages"},
	"capture.help":        {"Chụp thẳng từ trên xuống, cả trang (hoặc hai trang sổ mở) nằm trong khung, trên nền tối. Có thể chọn nhiều ảnh một lúc.", "Shoot from straight above with the whole page (or both open pages) in the frame, on a dark surface. Several photos at a time are fine."},
	"capture.none":        {"Chưa có sổ nào của xã/phường của bạn.", "No ledgers of your communes yet."},
	"capture.preparing":   {"Đang thu nhỏ ảnh…", "Shrinking the photo…"},
	"capture.sending":     {"Đang gửi…", "Sending…"},
	"capture.retrying":    {"Mạng chập chờn, đang gửi lại (lần %d)…", "Connection trouble, sending again (try %d)…"},
	"capture.ok":          {"Đạt", "Good"},
	"capture.page":        {"Trang", "Page"},
	"capture.left":        {"trái", "left"},
	"capture.right":       {"phải", "right"},
	"capture.retake":      {"Chụp lại", "Take again"},
	"capture.failed":      {"Không gửi được", "Could not send"},
	"capture.unsupported": {"Định dạng ảnh HEIC chưa hỗ trợ; hãy chỉnh máy chụp ảnh ở định dạng JPEG (Cài đặt › Camera › Định dạng › Tương thích nhất).", "HEIC photos are not supported yet; set the camera to JPEG (Settings › Camera › Formats › Most Compatible)."},
}

func init() {
	for k, v := range captureMessages {
		messages[k] = v
	}
}
