// Package training writes ground truth for a future handwriting recogniser: for every field a
// clerk confirmed, the line image cut from the cleaned page with a small margin and its verified
// text, as NAME.png + NAME.gt.txt pairs (the layout OCR-D, Kraken and tesstrain read), with a
// manifest.tsv saying where each line comes from.
package training
