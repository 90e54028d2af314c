package httperr

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// TestMessageIsSafe: a person never reads driver text or a newline; public messages come in
// Vietnamese and English; our own client-error text is kept.
func TestMessageIsSafe(t *testing.T) {
	driver := errors.New(`ERROR: duplicate key value violates unique constraint "ledgers_commune_code_kind_key" (SQLSTATE 23505)`)
	tests := []struct {
		name       string
		err        error
		status     int
		vi, en     string
		notContain string
	}{
		{"driver text under a sentinel", fmt.Errorf("create ledger: %w: %w", domain.ErrConflict, domain.Internal(driver)), 409,
			"Dữ liệu đã thay đổi hoặc đã có.", "conflict: the data changed or already exists", "SQLSTATE"},
		{"no rows", fmt.Errorf("ledger 9: %w: %w", domain.ErrNotFound, domain.Internal(errors.New("no rows in result set"))), 404,
			"Không tìm thấy.", "not found", "no rows"},
		{"joined errors", errors.Join(domain.ErrInvalid, errors.New("username: too short")), 422,
			"Dữ liệu không hợp lệ.", "invalid input; username: too short", "\n"},
		{"public message", domain.Public(fmt.Errorf("x: %w", domain.ErrForbidden), "Không được.\nThật.", "not allowed"), 403,
			"Không được.; Thật.", "not allowed", "\n"},
		{"server error", errors.New("open /var/lib/sohoa/secret: permission denied"), 500, "Lỗi hệ thống.", "internal error", "/var/lib"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, vi, en := Message(tc.err)
			if status != tc.status || vi != tc.vi || en != tc.en {
				t.Errorf("got %d %q %q, want %d %q %q", status, vi, en, tc.status, tc.vi, tc.en)
			}
			if strings.Contains(vi+en, tc.notContain) {
				t.Errorf("message %q / %q contains %q", vi, en, tc.notContain)
			}
		})
	}
}
