//go:build race

package photo_test

// raceEnabled: the race detector slows the pixel loops some twentyfold; twelve-megapixel photos
// are measured without it (the flattening has no concurrency of its own to check).
const raceEnabled = true
