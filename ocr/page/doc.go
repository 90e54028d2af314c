// Package page holds what OCR makes of a page (Page, Record, Field, Word, Layout) and the small
// helpers the reading and its cross-checks share (Fold, OverlapY, IssueMissing), so that package
// ocr and package ocr/crosscheck speak of the same things without importing each other. Package
// ocr re-declares these names as aliases: ocr.Page is page.Page.
package page
