package i18n

// Messages is the catalogue: key → Vietnamese, English. Package review adds its capture page's
// texts at start; nothing changes it afterwards.
var Messages = messages

// Pick is the Vietnamese or the English of a text that comes in both.
func (l Lang) Pick(vi, en string) string {
	if l == EN {
		return en
	}
	return vi
}
