// Package exportdb holds the export queries: the confirmed entries of a scope read in chunks, and
// the record of each export. Its methods are storage.Store's through embedding, so consumers see
// one Store.
package exportdb
