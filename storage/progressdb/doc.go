// Package progressdb holds the progress dashboard's queries (counts by unit, part, day and clerk,
// field quality), the ledger rows, the follow-up list and the supervisor's ledger priority. Its
// methods are storage.Store's through embedding, so consumers see one Store.
package progressdb
