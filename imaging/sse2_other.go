//go:build !amd64 || purego

package imaging

// The portable versions of the loops sse2_amd64.go runs in SSE2.

func sortColumns(lo, mid, hi, a, b, c []byte)              { sortColumnsSWAR(lo, mid, hi, a, b, c) }
func combineColumns(out, lo, mid, hi []byte)               { combineColumnsSWAR(out, lo, mid, hi) }
func lerpRow(out, a, b []byte, f int)                      { lerpRowGo(out, a, b, f) }
func blendColumns(out, src []byte, stride int, w []uint16) { blendColumnsGo(out, src, stride, w) }
func thresholdRow(out, src, thr []byte)                    { thresholdRowGo(out, src, thr) }
func rgbaToGray(out, src []byte)                           { rgbaToGrayGo(out, src) }
