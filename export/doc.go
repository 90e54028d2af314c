// Package export hands finished entries over: as the import workbooks of the civil-status
// (hộ tịch) software (XLSX, one row per entry, the software's own column names and codes), as CSV
// with Vietnamese headers, and as JSON Lines with stable ids and provenance. Entries are streamed
// from the store one at a time, every cell is made safe from spreadsheet formulas, and each export
// is recorded with its checksum.
package export
