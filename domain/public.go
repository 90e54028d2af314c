package domain

import (
	"errors"
	"fmt"
	"strings"
)

// PublicError carries a message safe to show a person, in Vietnamese and English, beside the
// error chain that is logged. The chain's text never reaches a client.
type PublicError struct {
	VI, EN string
	Err    error
}

func (e *PublicError) Error() string { return e.Err.Error() }
func (e *PublicError) Unwrap() error { return e.Err }

// Public gives err a message for people (Vietnamese, English); err keeps its place in the chain.
func Public(err error, vi, en string) error { return &PublicError{VI: vi, EN: en, Err: err} }

// InternalError marks a part of an error chain whose text must not reach a person (a driver's
// message, a constraint name, an SQLSTATE); the status still follows the sentinels around it.
type InternalError struct{ Err error }

func (e *InternalError) Error() string { return e.Err.Error() }
func (e *InternalError) Unwrap() error { return e.Err }

// Internal marks err as internal detail.
func Internal(err error) error {
	if err == nil {
		return nil
	}
	return &InternalError{Err: err}
}

// LedgerExistsError says a ledger with the same commune, kind, book and years is already
// registered, and which one.
type LedgerExistsError struct{ ID int64 }

func (e *LedgerExistsError) Error() string { return fmt.Sprintf("ledger exists: %d", e.ID) }

// Is makes a LedgerExistsError a conflict.
func (e *LedgerExistsError) Is(target error) bool { return target == ErrConflict }

// OneLine joins the lines of a message (errors.Join puts each error on its own line) so that no
// newline reaches a person.
func OneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' }), "; ")
}

// PublicMessage is the message of the first PublicError in err's chain.
func PublicMessage(err error) (vi, en string, ok bool) {
	var pe *PublicError
	if errors.As(err, &pe) {
		return OneLine(pe.VI), OneLine(pe.EN), true
	}
	return "", "", false
}
