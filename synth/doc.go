// Package synth renders a synthetic corpus of pre-2000 Vietnamese civil-registry pages (sổ hộ tịch):
// printed forms or ruled tables filled in with a typewriter face, aged with seeded degradations, each
// with a ground-truth JSON that records every field as written and normalised, with its box.
//
// The same seed and page index always give byte-identical output, so tests and evaluations can
// regenerate a corpus instead of storing it. Fonts (GNU FreeFont) are embedded, see fonts/NOTICE;
// the people, places and ethnic groups a page is filled with are drawn by package synth/world.
package synth
