// Package ocr reads cleaned register pages with Tesseract (through gosseract) and turns them into
// records: it finds the printed labels or column headers of a register template in the word boxes,
// splits the page into entries, reads each field's value (re-reading doubtful crops as single
// lines), and checks it with a Checker. It is the only package that imports gosseract.
//
// Boxes are always in the coordinates of the cleaned greyscale image (imaging.Result.Gray), the
// image clerks see on the review screen, never those of the scan as uploaded.
package ocr
