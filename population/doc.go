// Package population imports an extract of the population database (CSV or JSON Lines, one
// citizen per row, keyed by the personal ID number): rows are checked, given their folded name
// keys, and streamed to storage in batches, so that re-importing the same file changes nothing.
package population
