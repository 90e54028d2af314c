package upload

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// A full spool disk is the server's trouble, not a bad upload: it must be answered "unavailable"
// (503, try again), never "invalid" (400, which makes a station file the page as rejected).
func TestSpoolOnAFullDiskIsUnavailable(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here (it stands for a full disk)")
	}
	s := &Service{cfg: Config{MaxBytes: 1 << 20}}
	_, err := s.spool(strings.NewReader("a page"), "/dev/full")
	if !errors.Is(err, domain.ErrUnavailable) || errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("got %v, want ErrUnavailable and not ErrInvalid", err)
	}
	_, err = s.spool(&failingReader{}, os.DevNull)
	if !errors.Is(err, domain.ErrInvalid) {
		t.Fatalf("an upload broken off: got %v, want ErrInvalid", err)
	}
}

type failingReader struct{}

func (*failingReader) Read([]byte) (int, error) { return 0, errors.New("connection reset") }
