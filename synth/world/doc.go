// Package world draws what synthetic register pages and populations are filled with: people's names
// (weighted by the reference counts), communes with the province names of the page's year, and
// ethnic groups (from package ethnic) with the names old pages write. Its data files are embedded,
// see data/NOTICE for their origin and licences; places come from package gazetteer.
package world
