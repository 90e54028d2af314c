// Package auth makes and checks credentials: scanning-station API tokens (random, stored as
// SHA-256 hashes) and, for people, passwords hashed with a memory-hard function.
package auth
