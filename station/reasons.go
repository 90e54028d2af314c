package station

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// explain gives a short Vietnamese and English explanation of why a file was refused.
// Status 0 means the station itself refused it (no page number in the name).
func explain(status int) (vi, en string) {
	switch status {
	case 0:
		return "Không đọc được số trang từ tên tệp. Hãy đặt tên có số trang (ví dụ trang-0012.jpg) rồi chép lại vào thư mục quét.",
			"The file name has no page number. Rename it with one (e.g. trang-0012.jpg) and put it back in the scan folder."
	case http.StatusNotFound:
		return "Máy chủ không có sổ này. Kiểm tra lại số sổ (--ledger).",
			"The server has no such ledger. Check the ledger number (--ledger)."
	case http.StatusRequestEntityTooLarge:
		return "Tệp quá lớn. Hãy quét lại ở 300–400 dpi hoặc lưu dạng JPEG.",
			"The file is too large. Rescan at 300–400 dpi or save it as JPEG."
	case http.StatusUnsupportedMediaType:
		return "Máy chủ không nhận loại tệp này. Chỉ gửi ảnh JPEG, PNG, TIFF hoặc tệp PDF.",
			"The server does not take this kind of file. Send JPEG, PNG, TIFF or PDF only."
	case http.StatusUnprocessableEntity:
		return "Tệp bị hỏng, ảnh quá nhỏ hoặc quá nhiều điểm ảnh, hoặc số trang không hợp lệ. Hãy quét lại trang này.",
			"The file is damaged, the image is too small or has too many pixels, or the page number is not valid. Rescan the page."
	}
	return "Máy chủ từ chối tệp này.", "The server refused this file."
}

// reasonText is the content of NAME.reason.txt next to a rejected file.
func reasonText(name string, e Entry, scanOrder bool, now time.Time) string {
	vi, en := explain(e.Status)
	var b strings.Builder
	fmt.Fprintf(&b, "Tệp / File: %s\n", name)
	if e.Page > 0 {
		fmt.Fprintf(&b, "Trang / Page: %d\n", e.Page)
	}
	if e.Status > 0 {
		fmt.Fprintf(&b, "Mã lỗi / Status: %d %s\n", e.Status, http.StatusText(e.Status))
	} else {
		fmt.Fprintf(&b, "Mã lỗi / Status: not sent (refused by the station)\n")
	}
	fmt.Fprintf(&b, "Lý do: %s\nReason: %s\n", vi, en)
	switch {
	case e.MessageVI != "" && e.MessageVI != e.Message:
		fmt.Fprintf(&b, "Máy chủ / Server: %s / %s\n", e.MessageVI, e.Message)
	case e.Message != "":
		fmt.Fprintf(&b, "Máy chủ / Server: %s\n", e.Message)
	}
	if scanOrder && e.Page > 0 {
		fmt.Fprintf(&b, "Gửi lại bản quét mới làm trang %d / To send a new scan as page %d:\n"+
			"  sohoa-station upload --page-order scan --first-page %d FILE\n", e.Page, e.Page, e.Page)
	}
	fmt.Fprintf(&b, "Thời gian / Time: %s\n", now.Format(time.RFC3339))
	return b.String()
}
