package domain

import "errors"

// ErrPermanent marks a failure that retrying cannot fix: the page itself is unusable (not an
// image, no page found, nothing read). A job that fails with it is not retried; its scan fails
// with the reason.
var ErrPermanent = errors.New("permanent")

// PermanentError is a failure retrying cannot fix, with the reason recorded on what failed (a
// scan's failure reason, shown to supervisors).
type PermanentError struct {
	Reason string // in Vietnamese and English where a person reads it
	Err    error  // the cause, when there is one
}

func (e *PermanentError) Error() string        { return ErrPermanent.Error() + ": " + e.Reason }
func (e *PermanentError) Unwrap() error        { return e.Err }
func (e *PermanentError) Is(target error) bool { return target == ErrPermanent }

// Permanent marks a failure as one retrying cannot fix, with its reason; cause may be nil.
func Permanent(reason string, cause error) error { return &PermanentError{Reason: reason, Err: cause} }

// PermanentReason is the reason of the first PermanentError in err's chain; ok is false when err
// is worth retrying (nil, or no PermanentError in its chain).
func PermanentReason(err error) (reason string, ok bool) {
	var pe *PermanentError
	if errors.As(err, &pe) {
		return pe.Reason, true
	}
	return "", false
}
