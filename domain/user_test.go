package domain

import (
	"errors"
	"testing"
)

// A capture account works in its communes only and has none of a clerk's rights; every role
// in Roles parses, least rights first.
func TestCaptureRole(t *testing.T) {
	r, err := ParseRole("capture")
	if err != nil || r != RoleCapture {
		t.Fatalf("ParseRole(capture) = %q, %v", r, err)
	}
	if !r.Scoped() || r.AtLeast(RoleClerk) || !RoleClerk.AtLeast(RoleCapture) {
		t.Errorf("capture: scoped %v, at least a clerk %v; a clerk at least capture %v",
			r.Scoped(), r.AtLeast(RoleClerk), RoleClerk.AtLeast(RoleCapture))
	}
	u := User{Role: RoleCapture, Communes: []string{"05461"}}
	if !u.Sees("05461") || u.Sees("05464") || u.SeesAll() || u.Supervises() {
		t.Errorf("capture account of 05461: sees 05461 %v, 05464 %v, all %v, supervises %v",
			u.Sees("05461"), u.Sees("05464"), u.SeesAll(), u.Supervises())
	}
	if _, err := NewUser("chupanh", "", "capture", nil); !errors.Is(err, ErrInvalid) {
		t.Errorf("a capture account without communes: %v, want ErrInvalid", err)
	}
	for i, r := range Roles {
		if p, err := ParseRole(string(r)); err != nil || p != r {
			t.Errorf("ParseRole(%q) = %q, %v", r, p, err)
		}
		if i > 0 && !r.AtLeast(Roles[i-1]) {
			t.Errorf("%s has fewer rights than %s, listed before it", r, Roles[i-1])
		}
	}
}
