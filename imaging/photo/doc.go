// Package photo turns a phone photograph of an open register into flat page images: it finds
// the page (or the two pages of a spread) on a small copy of the photo, corrects the
// perspective to a rectangle at an effective 300 dpi, splits a spread at the gutter, straightens
// the lines the book's curl bends near the gutter, evens out the light and cuts away what is
// not page; then one remapping pass over the full photo makes each page. It also gives the
// capture verdict: whether a photo must be taken again ("chụp lại") and why, in Vietnamese.
//
// The result goes on to imaging.Clean like a scanned page.
package photo
