// Package station is the scanning-station client: it watches the folder a scanner drops page
// images into, waits until each file is whole, gives it a page number (from its name or in scan
// order), uploads it to sohoa's API with retries while the server is away, and files it under
// sent/ or rejected/ with the reason. A small journal in the folder makes a restart neither lose
// a file nor send one under two page numbers. It uses only the standard library, so the
// sohoa-station binary cross-compiles for Windows without cgo.
package station
