// Package i18n holds the review pages' texts in Vietnamese and English (one catalogue, filled by
// topic: review, check, match, security) and how a language writes dates and numbers (dd/mm/yyyy,
// decimal comma). Package review re-declares Lang, VI and EN as its own.
package i18n
