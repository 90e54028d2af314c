// Package ethnic holds the one list of Viet Nam's 54 ethnic groups (groups.tsv): official names,
// other and self-names, how old pages write them, population rank and share, home provinces.
// synth draws from it, validate (and through validate, complete) recognises its names.
package ethnic
