package domain

// optionalFields are the fields only some generations of books print: the declarant ("Người đi
// khai"), the time of death ("Chết lúc … giờ … phút") and the spouses' nationality. An entry
// from a book without them lacks nothing, so an empty one is neither missing nor unclear.
var optionalFields = map[Kind][]string{
	KindMarriage: {"husband_nationality", "wife_nationality"},
	KindDeath:    {"death_time", "declarant_name"},
}

// Optional reports whether field is one that only some books of this kind print.
func (k Kind) Optional(field string) bool {
	for _, f := range optionalFields[k] {
		if f == field {
			return true
		}
	}
	return false
}
