package templates

import "github.com/sohoa/sohoa/ocr/page"

// Layout is how entries are laid out on a page (package ocr/page's).
type Layout = page.Layout

// The layouts templates describe.
const (
	LayoutForm  = page.LayoutForm
	LayoutTable = page.LayoutTable
)

func fold(s string) string { return page.Fold(s) }
