// Package validate normalises and checks the fields of Vietnamese civil-registry entries (sổ hộ
// tịch): names, sex, dates in digits and in words, ethnicity, nationality, places, entry numbers and
// free text. OCR extraction uses it right after Tesseract reads a field, and the review server uses
// it again when a clerk confirms a value, so every check is pure and deterministic.
//
// Build one Validator with New at start-up and share it: it holds read-only indexes (the
// rule-generated set of Vietnamese syllables, the gazetteer with old province names, the ethnic
// groups) and is safe for concurrent use.
package validate
