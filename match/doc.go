// Package match links register entries to citizens of the population database: candidates come
// from blocks on folded name keys and birth year (storage), each is weighed Fellegi–Sunter
// style field by field — name parts with term frequencies, date of birth, sex, place of birth
// through the gazetteer, parents' names — and the entry is proposed for linking, left to a
// person, or found to have no citizen.
package match
