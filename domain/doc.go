// Package domain holds sohoa's nouns: registers (ledgers), the scanned pages of a ledger, the
// entries (records) found on a page and their fields, with their statuses and the sentinel errors
// every other package speaks. It imports only the standard library; everything else imports it.
package domain
