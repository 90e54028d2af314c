// Package complete offers candidates for what a clerk has begun to type into a field: names
// weighted by frequency and completed word by word, places from the gazetteer (units in force in
// the register's year first) and from places already confirmed in the same commune, ethnic groups
// by any of their names, nationalities, usual causes of death, and dates from short input
// ("5387" → 05/03/1987). Input matches without diacritics and in any case; output is NFC.
// The reference data is loaded once by New; an Engine is then read-only and safe for concurrent use.
package complete
