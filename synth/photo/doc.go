// Package photo makes synthetic phone photographs of register pages for `sohoa synth --capture
// photo`: the pages of package synth, single or as an open two-page spread, laid on a desk in
// perspective, curled towards the gutter, unevenly lit and shadowed, sometimes held open by
// fingers, blurred and noisy as a phone camera makes them, saved as a JPEG that says 72 dpi.
// The ground truth gives every page's corners and boxes in the photograph, and boxes in the
// flattened page (the page's own 300-dpi coordinates).
package photo
