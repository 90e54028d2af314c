package auth

import (
	"bytes"
	"strings"
	"testing"
)

func TestStationToken(t *testing.T) {
	a, ha := NewStationToken()
	b, hb := NewStationToken()
	if a == b || bytes.Equal(ha, hb) {
		t.Fatal("two new tokens are equal")
	}
	if !strings.HasPrefix(a, "sst_") || len(a) < 40 {
		t.Fatalf("got token %q, want sst_ and 43 random characters", a)
	}
	if !bytes.Equal(HashToken(a), ha) {
		t.Fatal("HashToken does not reproduce the stored hash")
	}
}

func TestBearerToken(t *testing.T) {
	tests := []struct {
		header, want string
		ok           bool
	}{
		{"Bearer sst_abc", "sst_abc", true},
		{"bearer   sst_abc ", "sst_abc", true},
		{"Basic dXNlcjpwYXNz", "", false},
		{"Bearer ", "", false},
		{"", "", false},
	}
	for _, tc := range tests {
		got, ok := BearerToken(tc.header)
		if got != tc.want || ok != tc.ok {
			t.Errorf("BearerToken(%q): got %q %v, want %q %v", tc.header, got, ok, tc.want, tc.ok)
		}
	}
}
