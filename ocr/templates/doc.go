// Package templates holds the register templates: which fields a printed layout of one register
// kind has and how they are labelled. They are JSON files, embedded from this folder and
// optionally read from an operator's folder at start (SOHOA_TEMPLATES_DIR); package ocr finds
// the fields of a page with them.
package templates
