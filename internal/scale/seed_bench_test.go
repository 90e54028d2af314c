package scale_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/sohoa/sohoa/storage/storagetest"
)

// BenchmarkSeed only seeds (or describes) the scale database.
func BenchmarkSeed(b *testing.B) {
	n, _ := strconv.Atoi(os.Getenv("SOHOA_BENCH_SCALE_ENTRIES"))
	if n == 0 {
		n = 10_000_000
	}
	_, _, sc := storagetest.ScaleURL(b, n, 300)
	b.Logf("%+v", sc.Entries)
	for b.Loop() {
	}
}
