package imaging

import "encoding/binary"

// Byte-wise unsigned minimum and maximum of eight grey levels packed in a uint64 ("SIMD within
// a register"): the median filter's compare-exchanges run on eight pixels per instruction
// sequence, without branches.

const hiBits = 0x8080808080808080

// geMask returns 0xFF in each byte where a ≥ b and 0x00 elsewhere. Comparing the low seven
// bits with a subtraction that cannot borrow across bytes, then fixing up with the top bits.
func geMask(a, b uint64) uint64 {
	t := (a | hiBits) - (b &^ hiBits) // top bit of each byte: a&0x7f ≥ b&0x7f
	ge := ((a &^ b) | (^(a ^ b) & t)) & hiBits
	return (ge >> 7) * 0xff
}

func sortBytes(a, b uint64) (lo, hi uint64) {
	m := geMask(a, b)
	return b&m | a&^m, a&m | b&^m
}

func minBytes(a, b uint64) uint64 { m := geMask(a, b); return b&m | a&^m }
func maxBytes(a, b uint64) uint64 { m := geMask(a, b); return a&m | b&^m }

func med3Bytes(a, b, c uint64) uint64 {
	lo, hi := sortBytes(a, b)
	return maxBytes(lo, minBytes(hi, c))
}

func load8(b []byte) uint64     { return binary.LittleEndian.Uint64(b) }
func store8(b []byte, v uint64) { binary.LittleEndian.PutUint64(b, v) }
