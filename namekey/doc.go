// Package namekey turns Vietnamese personal names into comparison keys: accent-folded words and
// spelling-shift classes (d/gi, i/y, Vũ/Võ, …), shared by the population import (blocking keys)
// and matching (field comparison) so that both sides fold the same way.
package namekey
