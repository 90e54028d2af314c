// Package validate normalises and checks the fields of Vietnamese civil-registry entries (sổ hộ
// tịch): names, sex, dates in digits and in words, ethnicity, nationality, places, entry numbers and
// free text. OCR extraction uses it right after Tesseract reads a field, and the review server uses
// it again when a clerk confirms a value, so every check is pure and deterministic.
//
// Build one Validator with New at start-up and share it: it holds read-only indexes (the
// rule-generated set of Vietnamese syllables of package spelling, the gazetteer with former
// province names of package place, the 54 ethnic groups) and is safe for concurrent use. Then,
// per field:
//
//	r := v.Check(validate.TypeOf(kind, field), text)
//	confidence *= r.Penalty
//
// and per entry, CheckRecord for the rules across fields (the birth date in digits against the
// one in words, births before registrations, marriage ages).
//
// Every value is cleaned the same way first: NFC, whitespace collapsed, stray OCR punctuation
// trimmed from the ends. Result.Written keeps that; Result.Value is the normalised form (a
// title-cased name, an ISO 8601 date, an official ethnic group); a place keeps what was written,
// tidied of OCR specks, and carries a PlaceLink to the units of 03/2025 instead. A correction a
// person has not seen (a type word's marks, a usual phrase) always comes with an issue.
//
// The 54 ethnic groups come from package ethnic (the one list synth also draws from); data/phrases.txt
// (usual free-text phrases) is written by the sohoa authors. The lookup tables in the package are
// constants or never written after initialisation.
package validate
