// Package httperr maps sohoa's domain errors to HTTP status codes, in one place for the API and
// the browser UI.
package httperr

import (
	"errors"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// Status is the HTTP status for err. Client errors carry their own message (ours, safe to show);
// server errors do not, since they may hold internal detail.
func Status(err error) (status int, showMessage bool) {
	switch {
	case errors.Is(err, domain.ErrNotFound):
		return http.StatusNotFound, true
	case errors.Is(err, domain.ErrInvalid):
		return http.StatusUnprocessableEntity, true
	case errors.Is(err, domain.ErrConflict):
		return http.StatusConflict, true
	case errors.Is(err, domain.ErrTooLarge):
		return http.StatusRequestEntityTooLarge, true
	case errors.Is(err, domain.ErrUnsupported):
		return http.StatusUnsupportedMediaType, true
	case errors.Is(err, domain.ErrUnauthorized):
		return http.StatusUnauthorized, true
	case errors.Is(err, domain.ErrForbidden):
		return http.StatusForbidden, true
	case errors.Is(err, domain.ErrUnavailable):
		return http.StatusServiceUnavailable, false
	}
	return http.StatusInternalServerError, false
}
