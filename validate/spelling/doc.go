// Package spelling knows how Vietnamese words are written: the letters with their hooks, hats and
// tones, the rule-generated set of valid syllables, accent-insensitive folding, an OCR-weighted
// edit distance, and suggestions for a damaged word (favouring syllables common in personal
// names). Build one Index with NewIndex at start-up; it is read-only afterwards and safe for
// concurrent use.
//
// Data files in data/ cite their origin in a header: name-syllables.txt (duyet/vietnamese-namedb,
// MIT) and old-given-names.txt (given names of older registers, written by the sohoa authors).
package spelling
