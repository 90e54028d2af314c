// Package eval measures OCR on a synthetic corpus written by `sohoa synth`: character and word
// error rates of plain page OCR (raw page against the cleaned images), then field extraction
// against the ground truth (exact values, flagged errors, entries found, typed against
// handwritten), and the speed of extraction against bare tesseract. `sohoa eval` wires its flags
// to Run.
package eval
