package crosscheck

import (
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr/page"
)

// The nouns of a read page, from package ocr/page (ocr declares the same aliases).
type (
	Page   = page.Page
	Record = page.Record
	Field  = page.Field
	Word   = page.Word
)

func issueMissing() domain.Issue            { return page.IssueMissing() }
func fold(s string) string                  { return page.Fold(s) }
func overlapY(a, b image.Rectangle) float64 { return page.OverlapY(a, b) }
