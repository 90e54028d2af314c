// Package age makes a clean synthetic page look like an old register page as scanned: skew,
// blur, yellowed and unevenly lit paper, stains and foxing, faded ink, the back showing through,
// specks, a dark scanner border. Draw picks a page's settings within the ranges of a severity
// (Light, Medium, Heavy) from a seeded source; Age applies them; Record lists them for the ground
// truth. The same settings and source always give the same pixels.
package age
