// Package matchdb holds the population-matching queries: citizens (bulk load, name counts,
// clusters, candidates), record-to-citizen matches and their decisions, and duplicate pairs. Its
// methods are storage.Store's through embedding, so consumers see one Store.
package matchdb
