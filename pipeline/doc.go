// Package pipeline is the background work done on each uploaded page: it reads the original from
// the object store, checks it, and takes the scan through cleaning and OCR to the review queue.
// It runs as River jobs, so any number of `sohoa worker` processes can share the work.
package pipeline
