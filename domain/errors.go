package domain

import (
	"errors"
	"fmt"
)

// Sentinel errors. Packages wrap them with %w; the HTTP layer maps them to status codes in one place.
var (
	ErrNotFound     = errors.New("not found")
	ErrInvalid      = errors.New("invalid input")
	ErrConflict     = errors.New("conflict")
	ErrUnavailable  = errors.New("dependency unavailable")
	ErrTooLarge     = errors.New("too large")
	ErrUnsupported  = errors.New("unsupported media type")
	ErrUnauthorized = errors.New("unauthorized")
	ErrForbidden    = errors.New("forbidden")
	// ErrTooManyRequests refuses a client that sends too much too fast (login attempts, uploads).
	ErrTooManyRequests = errors.New("too many requests")
)

// ErrStale is a decision on an entry that changed after the clerk's form was loaded, or whose
// lease ended and passed to someone else. It is a conflict (409).
var ErrStale = fmt.Errorf("%w: the entry changed since it was opened", ErrConflict)
