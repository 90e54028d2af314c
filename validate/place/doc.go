// Package place reads a place as registers write it ("xã Gia Sàng, thành phố Thái Nguyên, tỉnh Bắc
// Thái") and links it to the administrative units of 03/2025 (package gazetteer), through the
// former provinces of data/old-units.tsv and despite OCR's misspellings. Build one Index with New
// at start-up; it is read-only afterwards and safe for concurrent use.
//
// data/old-units.tsv lists the former provinces and older spellings with their years and the
// provinces of today that cover them; its header cites its sources.
package place
