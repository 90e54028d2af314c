package testenv

import (
	"runtime"
	"testing"
)

// fakeT records whether the test was failed or skipped and, like testing.T, stops there.
type fakeT struct {
	testing.TB
	failed, skipped bool
}

func (f *fakeT) Helper()               {}
func (f *fakeT) Fatalf(string, ...any) { f.failed = true; runtime.Goexit() }
func (f *fakeT) Skipf(string, ...any)  { f.skipped = true; runtime.Goexit() }

func TestMissingFailsInCIAndSkipsElsewhere(t *testing.T) {
	for _, ci := range []string{"true", ""} {
		t.Setenv("CI", ci)
		f := &fakeT{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			Missing(f, "tesseract not usable: %v", "no vie")
		}()
		<-done
		if want := ci == "true"; f.failed != want || f.skipped == want {
			t.Errorf("CI=%q: failed %v, skipped %v", ci, f.failed, f.skipped)
		}
	}
}
