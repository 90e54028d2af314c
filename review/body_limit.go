package review

import (
	"fmt"
	"mime"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// maxFormBytes bounds the body of a browser form: every form of the UI is a few kilobytes.
const maxFormBytes = 64 << 10

// limitBody bounds a POST's body before any handler reads it: maxFormBytes, or the larger limit
// a route declares in Config.BodyLimits (a photo upload). Multipart bodies are refused on routes
// without such a limit, so no temporary file is ever written for a plain form (the login form
// above all).
func (ui *UI) limitBody(w http.ResponseWriter, r *http.Request) error {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return nil
	}
	limit, large := ui.cfg.BodyLimits[r.Pattern]
	if !large {
		limit = maxFormBytes
		if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt == "multipart/form-data" {
			return domain.Public(fmt.Errorf("%w: multipart body on %s", domain.ErrUnsupported, r.Pattern),
				"Biểu mẫu này không nhận tệp.", "this form takes no file")
		}
	}
	if r.ContentLength > limit {
		return domain.Public(fmt.Errorf("%w: body of %d bytes on %s", domain.ErrTooLarge, r.ContentLength, r.Pattern),
			"Biểu mẫu quá lớn.", "the form is too large")
	}
	r.Body = http.MaxBytesReader(w, r.Body, limit)
	return nil
}
