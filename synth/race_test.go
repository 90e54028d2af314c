//go:build race

package synth

// raceEnabled: the race detector slows the pixel loops some twentyfold, so full-page renders are
// tested without it and the concurrency with a fast fake renderer.
const raceEnabled = true
