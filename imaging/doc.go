// Package imaging cleans scanned ledger pages so that Tesseract reads them well: it decodes
// uploads with size limits, then flattens uneven lighting, stretches contrast, removes noise,
// straightens, crops scanner borders, upscales low-resolution scans and binarises with Sauvola.
//
// Every step is a small function over *image.Gray that can be used and tested on its own;
// Clean runs them in order and reports metrics and a rescan verdict. The unrelated library
// github.com/disintegration/imaging is imported as dimg.
package imaging
