package ingest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"

	"github.com/sohoa/sohoa/domain"
)

// tiffPage is what a TIFF directory (one page) says of its size.
type tiffPage struct{ width, height int }

// tiffPages walks the chain of image directories of a TIFF file and reads each page's size from
// its tags, without decoding any pixels.
func tiffPages(r io.ReaderAt, size int64, maxPages int) ([]tiffPage, error) {
	bad := func(what string) error { return fmt.Errorf("%w: damaged TIFF file (%s)", domain.ErrInvalid, what) }
	head := make([]byte, 8)
	if _, err := r.ReadAt(head, 0); err != nil {
		return nil, bad("no header")
	}
	var bo binary.ByteOrder = binary.LittleEndian
	if head[0] == 'M' {
		bo = binary.BigEndian
	}
	offset := int64(bo.Uint32(head[4:]))
	seen := map[int64]bool{}
	var pages []tiffPage
	for offset != 0 {
		if seen[offset] || offset < 8 || offset+2 > size {
			return nil, bad("directory offset")
		}
		seen[offset] = true
		if len(pages) == maxPages {
			return nil, fmt.Errorf("%w: the file has more than %d pages; send it in parts", domain.ErrInvalid, maxPages)
		}
		var nb [2]byte
		if _, err := r.ReadAt(nb[:], offset); err != nil {
			return nil, bad("directory")
		}
		n := int64(bo.Uint16(nb[:]))
		entries := make([]byte, n*12+4)
		if _, err := r.ReadAt(entries, offset+2); err != nil && !errors.Is(err, io.EOF) {
			return nil, bad("directory entries")
		} else if err != nil {
			return nil, bad("truncated directory")
		}
		p := pageSize(entries[:n*12], bo)
		if p.width <= 0 || p.height <= 0 {
			return nil, bad("page without a size")
		}
		pages = append(pages, p)
		offset = int64(bo.Uint32(entries[n*12:]))
	}
	if len(pages) == 0 {
		return nil, bad("no pages")
	}
	return pages, nil
}

// pageSize reads the width and height tags (256, 257) of a directory's 12-byte entries.
func pageSize(entries []byte, bo binary.ByteOrder) tiffPage {
	var p tiffPage
	for i := 0; i+12 <= len(entries); i += 12 {
		e := entries[i : i+12]
		tag, typ := bo.Uint16(e), bo.Uint16(e[2:])
		var v int
		switch typ {
		case 3: // SHORT
			v = int(bo.Uint16(e[8:]))
		case 4: // LONG
			v = int(bo.Uint32(e[8:]))
		}
		switch tag {
		case 256:
			p.width = v
		case 257:
			p.height = v
		}
	}
	return p
}
