//go:build !amd64 || purego

package imaging

func sortColumns(lo, mid, hi, a, b, c []byte) { sortColumnsSWAR(lo, mid, hi, a, b, c) }
func combineColumns(out, lo, mid, hi []byte)  { combineColumnsSWAR(out, lo, mid, hi) }
