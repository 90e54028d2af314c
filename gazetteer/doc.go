// Package gazetteer knows Viet Nam's administrative units: provinces, districts and communes with
// their official codes, from data files shipped in the repository. It imports only the standard
// library so that storage (which loads the units into PostgreSQL), the corpus generator and the
// place validators can share it.
package gazetteer
