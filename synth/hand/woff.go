package hand

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// errWOFF is returned for a file that is not a well-formed WOFF 1.0 font.
var errWOFF = errors.New("not a WOFF 1.0 font")

// woffToSFNT unpacks a WOFF 1.0 file (each table zlib-compressed, or stored when that is not
// smaller) into the plain TrueType/OpenType bytes golang.org/x/image/font/sfnt parses. Table
// checksums are copied, not recomputed: the parser does not check them.
func woffToSFNT(b []byte) ([]byte, error) {
	if len(b) < 44 || string(b[:4]) != "wOFF" {
		return nil, errWOFF
	}
	flavor := binary.BigEndian.Uint32(b[4:])
	numTables := int(binary.BigEndian.Uint16(b[12:]))
	if 44+20*numTables > len(b) {
		return nil, fmt.Errorf("%w: table directory past the end", errWOFF)
	}
	tables := make([]woffTable, numTables)
	for i := range tables {
		d := b[44+20*i:]
		copy(tables[i].tag[:], d[:4])
		tables[i].off = binary.BigEndian.Uint32(d[4:])
		tables[i].comp = binary.BigEndian.Uint32(d[8:])
		tables[i].orig = binary.BigEndian.Uint32(d[12:])
		tables[i].checksum = binary.BigEndian.Uint32(d[16:])
	}
	var out bytes.Buffer
	header := sfntHeader(flavor, numTables)
	out.Write(header)
	for i, t := range tables {
		data, err := t.data(b)
		if err != nil {
			return nil, err
		}
		e := header[12+16*i:]
		copy(e, t.tag[:])
		binary.BigEndian.PutUint32(e[4:], t.checksum)
		binary.BigEndian.PutUint32(e[8:], uint32(out.Len()))
		binary.BigEndian.PutUint32(e[12:], t.orig)
		out.Write(data)
		for out.Len()%4 != 0 {
			out.WriteByte(0)
		}
	}
	res := out.Bytes()
	copy(res, header) // the directory's offsets were filled in as the tables were written
	return res, nil
}

// woffTable is an entry of a WOFF table directory.
type woffTable struct {
	tag                       [4]byte
	off, comp, orig, checksum uint32
}

// data is the table's bytes in b, inflated when stored compressed.
func (t woffTable) data(b []byte) ([]byte, error) {
	if uint64(t.off)+uint64(t.comp) > uint64(len(b)) || t.comp > t.orig {
		return nil, fmt.Errorf("%w: table %q out of bounds", errWOFF, t.tag[:])
	}
	data := b[t.off : t.off+t.comp]
	if t.comp == t.orig {
		return data, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("table %q: %w", t.tag[:], err)
	}
	raw, err := io.ReadAll(io.LimitReader(zr, int64(t.orig)+1))
	if err != nil || len(raw) != int(t.orig) {
		return nil, fmt.Errorf("%w: table %q does not inflate to %d bytes", errWOFF, t.tag[:], t.orig)
	}
	return raw, nil
}

// sfntHeader is the offset table of an sfnt of numTables tables, with room for their directory.
func sfntHeader(flavor uint32, numTables int) []byte {
	header := make([]byte, 12+16*numTables)
	binary.BigEndian.PutUint32(header, flavor)
	binary.BigEndian.PutUint16(header[4:], uint16(numTables))
	es := 0
	for 1<<(es+1) <= numTables {
		es++
	}
	binary.BigEndian.PutUint16(header[6:], uint16(16<<es))
	binary.BigEndian.PutUint16(header[8:], uint16(es))
	binary.BigEndian.PutUint16(header[10:], uint16(numTables*16-16<<es))
	return header
}
