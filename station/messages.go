package station

// Vietnamese is the language of the sohoa-station command's output (Config.Lang "vi"); the
// library's default, "", is English. viText maps each English message format to its
// Vietnamese form with the same verbs in the same order.
const Vietnamese = "vi"

var viText = map[string]string{
	"skipped %s: %v":                   "bỏ qua %s: %v",
	"sent %s as page %d (%s)":          "đã gửi %s là trang %d (%s)",
	"rejected %s (page %d): %v":        "bị từ chối %s (trang %d): %v",
	"  %s / %s":                        "  %s / %s",
	"server away (%v); retrying in %s": "không kết nối được máy chủ (%v); thử lại sau %s",
	"%v; will try again":               "%v; sẽ thử lại",
	"%s changed while it was being sent; the new version goes as page %d once complete": "%s thay đổi trong khi đang gửi; bản mới sẽ được gửi là trang %d khi hoàn tất",
	"%v":                                       "%v",
	"rejected %s (page %d): %d %s":             "bị từ chối %s (trang %d): %d %s",
	"%s; trying again in %s":                   "%s; thử lại sau %s",
	"%v; will try again in %s":                 "%v; sẽ thử lại sau %s",
	"watching %s for ledger %d (pages by %s)":  "đang theo dõi thư mục %s cho sổ %d (số trang theo %s)",
	"cannot read the folder: %v":               "không đọc được thư mục: %v",
	"rejected %s: %v":                          "bị từ chối %s: %v",
	"cannot move %s to %s: %v; will try again": "không chuyển được %s vào %s: %v; sẽ thử lại",
	"PAUSED: the server refused the station token (%v); check --token or SOHOA_STATION_TOKEN and restart; trying again in %s": "TẠM DỪNG: máy chủ từ chối mã trạm (%v); kiểm tra --token hoặc SOHOA_STATION_TOKEN rồi chạy lại; thử lại sau %s",
	"PAUSED: token refused": "TẠM DỪNG: mã trạm bị từ chối",
	"server away, retrying": "mất kết nối máy chủ, đang thử lại",
	"the server cannot be reached now (%v); pages will be sent once it is back": "hiện không kết nối được máy chủ (%v); các trang sẽ được gửi khi có kết nối",
	"ledger %d: commune %s, %s, book %q: %d pages uploaded":                     "sổ %d: xã %s, %s, quyển %q: đã tải lên %d trang",
	// status line parts
	"waiting %d":         "chờ %d",
	"sending ":           "đang gửi ",
	"sent %d":            "đã gửi %d",
	"rejected %d":        "bị từ chối %d",
	"%.1f files/min":     "%.1f tệp/phút",
	"%.2f MB/s":          "%.2f MB/giây",
	"ledger %d/%d pages": "sổ %d/%d trang",
	"ledger %d pages":    "sổ %d trang",
}

// text is format in the progress's language.
func (p *Progress) text(format string) string {
	if p.lang == Vietnamese {
		if vi, ok := viText[format]; ok {
			return vi
		}
	}
	return format
}

// SetLanguage chooses the language of events and the status line: Vietnamese ("vi") or English.
func (p *Progress) SetLanguage(lang string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.lang = lang
}
