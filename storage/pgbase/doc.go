// Package pgbase is what storage and its query packages (progressdb, exportdb, matchdb) share
// below the Store: the translation of driver errors into the domain's sentinel errors and the
// audit-trail insert. It imports pgx and nothing of sohoa but domain.
package pgbase
