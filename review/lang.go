package review

import "github.com/sohoa/sohoa/review/i18n"

// Lang is an interface language (package review/i18n's).
type Lang = i18n.Lang

// Vietnamese is the default; English is switchable.
const (
	VI = i18n.VI
	EN = i18n.EN
)

// messages is the catalogue of interface texts, shared with package review/i18n.
var messages = i18n.Messages
