package synth

import "testing"

func BenchmarkRender(b *testing.B) {
	for i := 0; b.Loop(); i++ {
		if _, err := Render(Options{Seed: 1, Severity: SeverityMedium}, i%6); err != nil {
			b.Fatal(err)
		}
	}
}
