package domain

import "fmt"

// Kind is the kind of civil-registry book (sổ hộ tịch).
type Kind string

// The three register kinds sohoa reads.
const (
	KindBirth    Kind = "khai-sinh" // sổ đăng ký khai sinh
	KindMarriage Kind = "ket-hon"   // sổ đăng ký kết hôn
	KindDeath    Kind = "khai-tu"   // sổ đăng ký khai tử
)

// Kinds lists every register kind in a stable order.
var Kinds = []Kind{KindBirth, KindMarriage, KindDeath}

// ParseKind accepts a kind's identifier ("khai-sinh", "ket-hon", "khai-tu").
func ParseKind(s string) (Kind, error) {
	for _, k := range Kinds {
		if string(k) == s {
			return k, nil
		}
	}
	return "", fmt.Errorf("%w: unknown register kind %q (want khai-sinh, ket-hon or khai-tu)", ErrInvalid, s)
}

// Title is the printed title of the register, in Vietnamese.
func (k Kind) Title() string {
	switch k {
	case KindBirth:
		return "SỔ ĐĂNG KÝ KHAI SINH"
	case KindMarriage:
		return "SỔ ĐĂNG KÝ KẾT HÔN"
	case KindDeath:
		return "SỔ ĐĂNG KÝ KHAI TỬ"
	}
	return string(k)
}

// Fields lists the stable snake_case field names of an entry of this kind, in the order they
// appear on the page (the fields only some generations of books print, such as the declarant,
// the spouses' nationality and the time of death, come last). OCR templates, the synthetic corpus, the review screen and exports share them.
func (k Kind) Fields() []string {
	switch k {
	case KindBirth:
		return []string{"entry_no", "full_name", "sex", "birth_date", "birth_date_in_words", "birth_place",
			"ethnicity", "nationality", "father_name", "mother_name", "registration_date"}
	case KindMarriage:
		return []string{"entry_no", "husband_name", "husband_birth_date", "husband_ethnicity", "husband_residence",
			"wife_name", "wife_birth_date", "wife_ethnicity", "wife_residence", "registration_date",
			"husband_nationality", "wife_nationality"}
	case KindDeath:
		return []string{"entry_no", "full_name", "sex", "birth_date", "ethnicity", "nationality", "residence",
			"death_date", "death_place", "death_cause", "registration_date", "death_time", "declarant_name"}
	}
	return nil
}
