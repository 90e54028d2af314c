package domain

import (
	"fmt"
	"strings"
)

// NewUser checks an account's details: the CLI and the admins' page share it. Capture accounts,
// clerks and supervisors work in the communes given; a province supervisor and an admin in every one.
func NewUser(username, displayName, role string, communes []string) (User, error) {
	r, err := ParseRole(role)
	if err != nil {
		return User{}, Public(err, "Vai trò không hợp lệ (capture, clerk, supervisor, province hoặc admin).",
			"unknown role (want capture, clerk, supervisor, province or admin)")
	}
	if len(username) < 2 || len(username) > 64 || strings.ContainsAny(username, " \t/\\") {
		return User{}, Public(fmt.Errorf("%w: username %q", ErrInvalid, username),
			"Tên đăng nhập: 2–64 ký tự, không có khoảng trắng hay dấu gạch chéo.", "username: 2–64 characters without spaces or slashes")
	}
	if r.Scoped() && len(communes) == 0 {
		return User{}, Public(fmt.Errorf("%w: a %s without communes", ErrInvalid, r),
			"Tài khoản chụp ảnh, nhân viên và giám sát xã cần ít nhất một mã xã (--commune MÃ); giám sát toàn tỉnh dùng vai trò province.",
			"a capture account, clerk or supervisor needs at least one commune (--commune CODE); use the role province for the whole province")
	}
	if !r.Scoped() {
		communes = nil
	}
	return User{Username: username, DisplayName: displayName, Role: r, Communes: communes}, nil
}
