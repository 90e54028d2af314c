// Package crosscheck flags what a single field's check cannot catch, across the fields and
// entries of a read page: a misread digit that still makes a valid date, a tone mark read as its
// neighbour, words of the line above taken into a value, suspicious characters, an entry number
// out of the page's run. It only adds issues and suggestions; package ocr runs it on every page.
package crosscheck
