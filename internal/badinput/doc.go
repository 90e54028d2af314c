// Package badinput builds the hostile-input corpus: broken and oversized images and PDFs, bad
// multipart and JSON bodies, hostile file names and field values, each with the entry point it
// is sent to and the answer expected (manifest.tsv). The tests of review (API, browser forms,
// station client) and cmd/sohoa (commands) run every case of their entry points.
package badinput
