// Package hand writes text as a person does with a pen, for synthetic handwritten register
// pages: handwriting fonts with full Vietnamese coverage (vendored @fontsource subsets, OFL),
// with per-glyph jitter, slant, baseline drift, pen pressure and fading ink. It knows nothing
// of registers; package synth decides what is written where.
package hand
