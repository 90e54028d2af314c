package domain

// Box is a rectangle on a page image: x0, y0, x1, y1 in pixels, x1 and y1 exclusive. Which image
// it refers to (the cleaned page, the upload, a synthetic rendering) is said where it is kept.
type Box [4]int

// Union is the smallest box holding b and o; a zero Box is empty.
func (b Box) Union(o Box) Box {
	if b == (Box{}) {
		return o
	}
	if o == (Box{}) {
		return b
	}
	return Box{min(b[0], o[0]), min(b[1], o[1]), max(b[2], o[2]), max(b[3], o[3])}
}
