//go:build race

package ocr

// raceEnabled: the race detector slows rendering and cleaning some twentyfold, so race runs read
// one synthetic page instead of six.
const raceEnabled = true
