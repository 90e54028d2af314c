//go:build race

package validate

const raceFactor = 10
