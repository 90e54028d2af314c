//go:build !race

package photo_test

const raceEnabled = false
