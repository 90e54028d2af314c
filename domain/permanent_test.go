package domain_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestPermanentReason(t *testing.T) {
	cause := errors.New("decode: unexpected EOF")
	err := fmt.Errorf("scan 5: %w", domain.Permanent("the original is not a readable image", cause))
	reason, ok := domain.PermanentReason(err)
	if !ok || reason != "the original is not a readable image" {
		t.Errorf("PermanentReason = %q, %v", reason, ok)
	}
	if !errors.Is(err, domain.ErrPermanent) || !errors.Is(err, cause) {
		t.Errorf("%v: want ErrPermanent and its cause in the chain", err)
	}
	if err.Error() != "scan 5: permanent: the original is not a readable image" {
		t.Errorf("Error() = %q", err.Error())
	}
	for _, e := range []error{nil, cause, fmt.Errorf("x: %w", domain.ErrUnavailable)} {
		if _, ok := domain.PermanentReason(e); ok || errors.Is(e, domain.ErrPermanent) {
			t.Errorf("%v is permanent", e)
		}
	}
}
