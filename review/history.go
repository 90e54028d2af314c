package review

import (
	"fmt"
	"time"

	"github.com/sohoa/sohoa/domain"
)

// historyLine is one audit event as a person reads it: "Số: (trống) → 205", who, when.
type historyLine struct {
	When, Who, What string
}

// history turns an entry's audit trail into lines a clerk can read, oldest first, with full
// names and local dd/mm/yyyy HH:MM times.
func (ui *UI) history(l Lang, trail []domain.AuditEvent, names map[string]string, kind domain.Kind) []historyLine {
	out := make([]historyLine, 0, len(trail))
	for _, e := range trail {
		out = append(out, historyLine{When: ui.dateTime(e.At), Who: fullName(names, e.Actor), What: describe(l, e, kind)})
	}
	return out
}

// describe says what an audit event did, in the interface language.
func describe(l Lang, e domain.AuditEvent, kind domain.Kind) string {
	old, new := asMap(e.Old), asMap(e.New)
	action := l.T("audit." + e.Action)
	switch e.Action {
	case "field.correct":
		field := str(new["field"])
		return fmt.Sprintf("%s: %s → %s", l.T("field."+field), shown(l, kind, field, str(old["value"])),
			shown(l, kind, field, str(new["value"])))
	case "record.flag", "record.note", "record.requeue":
		for _, k := range []string{"reason", "note"} {
			if s := str(new[k]); s != "" {
				return action + ": " + s
			}
		}
	}
	return action
}

// shown is a stored value as the clerk typed it, or "(trống)" when empty.
func shown(l Lang, kind domain.Kind, field, v string) string {
	if v == "" {
		return l.T("empty")
	}
	return displayValue(kind, field, v)
}

func asMap(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func str(v any) string {
	switch s := v.(type) {
	case string:
		return s
	case nil:
		return ""
	default:
		return fmt.Sprint(s)
	}
}

// fullName is a user's full name when the account has one, else the username.
func fullName(names map[string]string, username string) string {
	if n := names[username]; n != "" {
		return n
	}
	return username
}

// dateTime writes a moment as dd/mm/yyyy HH:MM in the configured time zone.
func (ui *UI) dateTime(t time.Time) string { return t.In(ui.cfg.Location).Format("02/01/2006 15:04") }
