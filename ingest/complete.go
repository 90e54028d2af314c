package ingest

import (
	"bytes"
	"fmt"
	"os"

	"github.com/sohoa/sohoa/domain"
)

// checkComplete catches a file cut off in transfer without decoding it: a PNG ends with its IEND
// chunk and a JPEG with its end-of-image marker (scanners may pad after it).
func checkComplete(path string, format Format) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	n := min(st.Size(), 4096)
	tail := make([]byte, n)
	if _, err := f.ReadAt(tail, st.Size()-n); err != nil {
		return fmt.Errorf("read end of file: %w", err)
	}
	ok := true
	switch format {
	case PNG:
		ok = bytes.HasSuffix(tail, []byte("\x00\x00\x00\x00IEND\xae\x42\x60\x82"))
	case JPEG:
		ok = bytes.Contains(tail, []byte{0xFF, 0xD9})
	}
	if !ok {
		return fmt.Errorf("%w: the %s file is incomplete (cut off during transfer?); send it again", domain.ErrInvalid, format)
	}
	return nil
}
