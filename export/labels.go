package export

// labels are the Vietnamese names of the fields, as printed in the books: CSV headers and the
// notes (ghiChu) that list what is still missing or unclear.
var labels = map[string]string{
	"entry_no":            "Số",
	"full_name":           "Họ và tên",
	"sex":                 "Giới tính",
	"birth_date":          "Ngày, tháng, năm sinh",
	"birth_date_in_words": "Ngày sinh bằng chữ",
	"birth_place":         "Nơi sinh",
	"ethnicity":           "Dân tộc",
	"nationality":         "Quốc tịch",
	"father_name":         "Họ và tên cha",
	"mother_name":         "Họ và tên mẹ",
	"registration_date":   "Ngày đăng ký",
	"husband_name":        "Họ và tên chồng",
	"husband_birth_date":  "Ngày sinh của chồng",
	"husband_ethnicity":   "Dân tộc của chồng",
	"husband_residence":   "Nơi thường trú của chồng",
	"wife_name":           "Họ và tên vợ",
	"wife_birth_date":     "Ngày sinh của vợ",
	"wife_ethnicity":      "Dân tộc của vợ",
	"wife_residence":      "Nơi thường trú của vợ",
	"residence":           "Nơi thường trú",
	"death_date":          "Ngày chết",
	"death_place":         "Nơi chết",
	"death_cause":         "Nguyên nhân chết",
	"death_time":          "Giờ chết",
	"declarant_name":      "Người đi khai",
	"husband_nationality": "Quốc tịch của chồng",
	"wife_nationality":    "Quốc tịch của vợ",
}

// label is a field's Vietnamese name, or its stable name when it has none.
func label(name string) string {
	if l, ok := labels[name]; ok {
		return l
	}
	return name
}
