// Package scale holds the benchmarks of sohoa at a province's scale (issue 17, point 5): a
// database seeded with 10 million entries across 300 communes, on which the review queue, the
// follow-up list and the progress dashboard are timed. It has no code of its own; see
// docs/scale.md for how to run them and what they measured.
package scale
