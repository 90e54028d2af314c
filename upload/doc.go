// Package upload is the one way a page image enters sohoa: the station API, the phone capture
// page, the demo data and the tests all call Service.Upload. It spools and hashes the file,
// recognises its format, cuts multi-page files into pages, judges phone photos (refusing one to
// take again, with the reason) and splits a photographed two-page spread into two pages, stores
// every original verified, and commits the scan rows with their processing jobs in one
// transaction.
package upload
