package review_test

import "os"

func readProc(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
