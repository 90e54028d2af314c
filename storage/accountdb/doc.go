// Package accountdb holds the account queries: users and their sessions, the administrator's
// changes to an account (disable, password, communes, revoke), display names, station tokens and
// the login audit. Its methods are storage.Store's through embedding, so consumers see one Store.
package accountdb
