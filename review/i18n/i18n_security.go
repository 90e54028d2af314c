package i18n

// securityMessages are the interface texts of account management, roles and refusals added with
// the access rules: key → Vietnamese, English. They join messages at start.
var securityMessages = map[string][2]string{
	"role.province":         {"Giám sát toàn tỉnh", "Province supervisor"},
	"err.413":               {"Biểu mẫu hoặc tệp quá lớn.", "The form or file is too large."},
	"err.415":               {"Biểu mẫu này không nhận loại dữ liệu đã gửi.", "This form does not take what was sent."},
	"err.429":               {"Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.", "Too many requests; please try again in a few minutes."},
	"user.disabled":         {"Đã khóa tài khoản và kết thúc các phiên đăng nhập.", "The account was disabled and its sessions ended."},
	"user.enabled":          {"Đã mở lại tài khoản.", "The account was enabled again."},
	"user.password_set":     {"Đã đặt mật khẩu mới và kết thúc các phiên đăng nhập.", "The new password was set and the sessions ended."},
	"user.sessions_revoked": {"Đã kết thúc mọi phiên đăng nhập của tài khoản.", "Every session of the account was ended."},
	"user.disable":          {"Khóa", "Disable"},
	"user.enable":           {"Mở lại", "Enable"},
	"user.set_password":     {"Đặt mật khẩu", "Set password"},
	"user.set_communes":     {"Đổi xã", "Change communes"},
	"user.revoke_sessions":  {"Kết thúc phiên", "End sessions"},
	"user.state":            {"Trạng thái", "State"},
	"user.state.disabled":   {"Đã khóa", "Disabled"},
	"user.state.active":     {"Đang dùng", "Active"},
	"user.actions":          {"Thao tác", "Actions"},
	"user.new_password":     {"Mật khẩu mới", "New password"},
}

func init() {
	for k, v := range securityMessages {
		messages[k] = v
	}
}
