package imaging

// Branch-free minimum and maximum of grey levels. Go compiles min and max on bytes to
// conditional jumps, which mispredict on noisy scans; these compile to plain arithmetic.

// sort2 returns (min, max) of two grey levels held in int32s.
func sort2(a, b int32) (int32, int32) {
	d := a - b
	m := d & (d >> 31) // d if a < b, else 0
	return b + m, a - m
}

func min32(a, b int32) int32 { d := a - b; return b + d&(d>>31) }
func max32(a, b int32) int32 { d := a - b; return a - d&(d>>31) }

// med3i returns the median of three grey levels.
func med3i(a, b, c int32) int32 {
	lo, hi := sort2(a, b)
	return max32(lo, min32(hi, c))
}
