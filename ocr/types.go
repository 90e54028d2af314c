package ocr

import (
	"image"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/ocr/crosscheck"
	ocrpage "github.com/sohoa/sohoa/ocr/page"
	"github.com/sohoa/sohoa/ocr/templates"
)

// The nouns of a read page live in package ocr/page (shared with ocr/crosscheck); these aliases
// keep them ocr's.
type (
	// Page is what Extract found on one page.
	Page = ocrpage.Page
	// Record is one register entry.
	Record = ocrpage.Record
	// Field is one value of a record.
	Field = ocrpage.Field
	// Word is one word Tesseract read.
	Word = ocrpage.Word
	// Layout is how entries are laid out on a page.
	Layout = ocrpage.Layout
	// Template describes one printed layout of one register kind.
	Template = templates.Template
	// FieldSpec is one field of a template.
	FieldSpec = templates.FieldSpec
	// Templates are the loaded templates, by kind and layout.
	Templates = templates.Templates
	// BookYears are the first and last years a register covers (the ledger's), 0 when unknown.
	BookYears = crosscheck.BookYears
)

// The layouts templates describe.
const (
	LayoutForm  = ocrpage.LayoutForm
	LayoutTable = ocrpage.LayoutTable
)

// CodeMissing is the issue of a required field that was not found on the page.
const CodeMissing = ocrpage.CodeMissing

func issueMissing() domain.Issue            { return ocrpage.IssueMissing() }
func fold(s string) string                  { return ocrpage.Fold(s) }
func overlapY(a, b image.Rectangle) float64 { return ocrpage.OverlapY(a, b) }

// FieldTypes are the field types a template may name; they are validate's types.
var FieldTypes = templates.FieldTypes

// LoadTemplates reads the embedded templates, then every *.json file of dir (when dir is not
// empty), which replace embedded templates of the same name or add new ones.
func LoadTemplates(dir string) (*Templates, error) { return templates.LoadTemplates(dir) }

// ParseTemplate decodes and validates one template.
func ParseTemplate(b []byte) (Template, error) { return templates.ParseTemplate(b) }
