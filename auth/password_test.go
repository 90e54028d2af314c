package auth

import (
	"errors"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

func TestPassword(t *testing.T) {
	h, err := HashPassword("mật khẩu dài")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=65536,t=3,p=2$") {
		t.Fatalf("got %q, want an argon2id PHC string", h)
	}
	for _, tc := range []struct {
		pw   string
		want bool
	}{{"mật khẩu dài", true}, {"mat khau dai", false}, {"", false}} {
		ok, err := CheckPassword(h, tc.pw)
		if err != nil || ok != tc.want {
			t.Errorf("CheckPassword(%q): got %v %v, want %v", tc.pw, ok, err, tc.want)
		}
	}
	h2, _ := HashPassword("mật khẩu dài")
	if h2 == h {
		t.Error("two hashes of one password are equal: the salt is not random")
	}
	if _, err := HashPassword("ngắn"); !errors.Is(err, domain.ErrInvalid) {
		t.Errorf("short password: got %v, want ErrInvalid", err)
	}
	if _, err := CheckPassword("$2a$10$bcrypt", "x"); err == nil {
		t.Error("a non-argon2id hash was accepted")
	}
}
