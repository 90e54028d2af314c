// Package ingest turns an uploaded file into page images: it recognises the format from the
// content, checks every page's pixel count from its header before anything is decoded, and cuts
// multi-page TIFF and scanner PDF files into one image per page (libtiff's tiffsplit and
// poppler's pdftoppm, from Debian).
package ingest
