package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"testing"

	"github.com/sohoa/sohoa/domain"
)

// FuzzTIFFPages: walking the chain of a TIFF file's directories ends, whatever the file says
// (directories pointing at each other, past the end, or claiming 65535 entries), with at most
// maxPages pages of positive size, or a refusal the upload turns into a 4xx.
func FuzzTIFFPages(f *testing.F) {
	const maxPages = 20
	f.Add(tiffChain(binary.LittleEndian, 1, false))
	f.Add(tiffChain(binary.BigEndian, 3, false))
	f.Add(tiffChain(binary.LittleEndian, 2, true))   // the last directory points back at the first
	f.Add(tiffChain(binary.LittleEndian, 25, false)) // more pages than allowed
	f.Add([]byte("II*\x00\x08\x00\x00\x00\xff\xff")) // 65535 entries, none there
	f.Add([]byte("MM\x00*\xff\xff\xff\xf0"))         // a directory past the end
	f.Fuzz(func(t *testing.T, data []byte) {
		pages, err := tiffPages(bytes.NewReader(data), int64(len(data)), maxPages)
		if err != nil {
			if !errors.Is(err, domain.ErrInvalid) {
				t.Fatalf("error %v is not ErrInvalid", err)
			}
			return
		}
		if len(pages) == 0 || len(pages) > maxPages {
			t.Fatalf("got %d pages, want 1–%d", len(pages), maxPages)
		}
		for i, p := range pages {
			if p.width <= 0 || p.height <= 0 {
				t.Fatalf("page %d is %d×%d", i+1, p.width, p.height)
			}
		}
	})
}

// tiffChain is a TIFF structure of n directories, each with a width and a height, chained in
// order; with loop the last points back at the first.
func tiffChain(bo binary.AppendByteOrder, n int, loop bool) []byte {
	b := []byte("II*\x00")
	if bo == binary.BigEndian {
		b = []byte("MM\x00*")
	}
	b = bo.AppendUint32(b, 8)
	for i := range n {
		b = bo.AppendUint16(b, 2)
		for _, tag := range []uint16{256, 257} {
			b = bo.AppendUint16(b, tag)
			b = bo.AppendUint16(b, 3) // SHORT
			b = bo.AppendUint32(b, 1)
			b = bo.AppendUint16(b, uint16(100+i))
			b = bo.AppendUint16(b, 0)
		}
		next := uint32(len(b) + 4)
		switch {
		case i == n-1 && loop:
			next = 8
		case i == n-1:
			next = 0
		}
		b = bo.AppendUint32(b, next)
	}
	return b
}
