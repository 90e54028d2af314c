// Package progress builds the progress dashboard from the counters storage keeps: the totals of
// a unit (country, province, district, commune) and of its parts, entries done per day and per
// person, the pace of the last 7 days with an estimated completion date, and the share of OCR
// fields people corrected.
package progress
