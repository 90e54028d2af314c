// Package httperr maps sohoa's domain errors to HTTP status codes and to messages safe to show a
// person, in one place for the API and the browser UI.
package httperr

import (
	"errors"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// Status is the HTTP status for err. showMessage reports whether the chain's own text is ours
// and free of internal detail (a client error with no driver text in it).
func Status(err error) (status int, showMessage bool) {
	status = statusOf(err)
	var internal *domain.InternalError
	return status, status < 500 && !errors.As(err, &internal)
}

func statusOf(err error) int {
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, domain.ErrInvalid):
		return http.StatusUnprocessableEntity
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict
	case errors.Is(err, domain.ErrTooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, domain.ErrUnsupported):
		return http.StatusUnsupportedMediaType
	case errors.Is(err, domain.ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden
	case errors.Is(err, domain.ErrTooManyRequests):
		return http.StatusTooManyRequests
	case errors.Is(err, domain.ErrUnavailable):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// generic are the messages shown when an error carries none of its own: Vietnamese, English.
var generic = map[int][2]string{
	http.StatusNotFound:              {"Không tìm thấy.", "not found"},
	http.StatusUnprocessableEntity:   {"Dữ liệu không hợp lệ.", "the request is not valid"},
	http.StatusConflict:              {"Dữ liệu đã thay đổi hoặc đã có.", "conflict: the data changed or already exists"},
	http.StatusRequestEntityTooLarge: {"Tệp hoặc biểu mẫu quá lớn.", "too large"},
	http.StatusUnsupportedMediaType:  {"Loại tệp không được hỗ trợ.", "unsupported media type"},
	http.StatusUnauthorized:          {"Cần đăng nhập hoặc mã trạm hợp lệ.", "log in, or send a valid station token"},
	http.StatusForbidden:             {"Bạn không có quyền làm việc này.", "you may not do this"},
	http.StatusTooManyRequests:       {"Quá nhiều yêu cầu; vui lòng thử lại sau.", "too many requests; try again later"},
	http.StatusServiceUnavailable:    {"Một dịch vụ sohoa cần đang tạm ngừng; vui lòng thử lại sau ít phút.", "a service sohoa depends on is unavailable; try again shortly"},
	http.StatusInternalServerError:   {"Lỗi hệ thống.", "internal error"},
}

// Message is what a person may read about err, in Vietnamese and English: the error's own public
// message when it has one, else its text when that is ours (client errors without driver
// detail), else a generic message for its status. Never a newline.
func Message(err error) (status int, vi, en string) {
	status, show := Status(err)
	if vi, en, ok := domain.PublicMessage(err); ok {
		return status, vi, en
	}
	g, ok := generic[status]
	if !ok {
		g = generic[http.StatusInternalServerError]
	}
	if show {
		return status, g[0], domain.OneLine(err.Error())
	}
	return status, g[0], g[1]
}
