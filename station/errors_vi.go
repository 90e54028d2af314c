package station

import (
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"strings"
	"syscall"
)

// textError is an error of the station written in English and in Vietnamese: two formats with
// the same verbs in the same order (%w for a wrapped error). Error() is the English text, the
// library's default; Message gives either.
type textError struct {
	en, vi string
	args   []any
}

// errorf makes a textError; errors among args are wrapped (errors.Is and errors.As see them)
// and shown in the same language as the rest.
func errorf(en, vi string, args ...any) error { return &textError{en: en, vi: vi, args: args} }

func (e *textError) Error() string { return e.render("") }

func (e *textError) Unwrap() []error {
	var out []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			out = append(out, err)
		}
	}
	return out
}

func (e *textError) render(lang string) string {
	format := e.en
	if lang == Vietnamese {
		format = e.vi
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), localArgs(e.args, lang)...)
}

// localArgs replaces the errors among args by their text in lang.
func localArgs(args []any, lang string) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if err, ok := a.(error); ok {
			out[i] = Message(err, lang)
		} else {
			out[i] = a
		}
	}
	return out
}

// Message is err's text in lang: Vietnamese ("vi") or English (anything else, the same as
// err.Error()). The station's own errors, the server's answers (its error_vi text) and the
// usual file and network failures are told in Vietnamese; other errors keep their own text.
func Message(err error, lang string) string {
	if err == nil {
		return ""
	}
	if lang != Vietnamese {
		return err.Error()
	}
	switch e := err.(type) {
	case *textError:
		return e.render(lang)
	case *APIError:
		return e.vietnamese()
	case *FileError:
		return fmt.Sprintf("không đọc được %s: %s", e.Path, Message(e.Err, lang))
	}
	return systemMessage(err)
}

// systemMessage says in Vietnamese what went wrong with a file or the network, keeping the
// name of the file or server; other errors are returned as they are.
func systemMessage(err error) string {
	var pe *fs.PathError
	var dns *net.DNSError
	var op *net.OpError
	var ne net.Error
	switch {
	case errors.As(err, &pe) && errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("không có tệp hoặc thư mục %s", pe.Path)
	case errors.As(err, &pe) && errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("không có quyền mở %s", pe.Path)
	case errors.As(err, &pe):
		return fmt.Sprintf("lỗi với %s: %v", pe.Path, pe.Err)
	case errors.As(err, &dns):
		return fmt.Sprintf("không tìm thấy máy chủ %s (kiểm tra địa chỉ --server và mạng)", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return "máy chủ không nhận kết nối (sohoa chưa chạy, hoặc sai địa chỉ --server)"
	case errors.As(err, &ne) && ne.Timeout():
		return "máy chủ không trả lời kịp (quá thời gian chờ)"
	case errors.As(err, &op):
		return fmt.Sprintf("lỗi mạng khi %s tới %v: %v", op.Op, op.Addr, op.Err)
	}
	return err.Error()
}

// vietnamese is the server's answer as the station operator reads it: the status in
// Vietnamese and the server's own Vietnamese message (error_vi) when it sent one.
func (e *APIError) vietnamese() string {
	msg := e.MessageVI
	if msg == "" {
		msg = e.Message
	}
	status, ok := statusVI[e.Status]
	if !ok {
		status = http.StatusText(e.Status)
	}
	return fmt.Sprintf("%d %s: %s", e.Status, status, msg)
}

// statusVI names the HTTP statuses a station meets.
var statusVI = map[int]string{
	http.StatusBadRequest:            "Yêu cầu không hợp lệ",
	http.StatusUnauthorized:          "Chưa xác thực",
	http.StatusForbidden:             "Không có quyền",
	http.StatusNotFound:              "Không tìm thấy",
	http.StatusConflict:              "Xung đột",
	http.StatusRequestEntityTooLarge: "Tệp quá lớn",
	http.StatusUnsupportedMediaType:  "Loại tệp không được nhận",
	http.StatusUnprocessableEntity:   "Không xử lý được",
	http.StatusTooManyRequests:       "Quá nhiều yêu cầu",
	http.StatusInternalServerError:   "Lỗi máy chủ",
	http.StatusBadGateway:            "Cổng trung gian lỗi",
	http.StatusServiceUnavailable:    "Máy chủ tạm ngừng",
	http.StatusGatewayTimeout:        "Cổng trung gian hết thời gian chờ",
}
