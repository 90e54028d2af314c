// Code generated from vowelTable; DO NOT EDIT by hand (keep the order of vowelTable).

package spelling

// vowelIndex returns the position of r (either case) in vowelTable, or -1. A switch compiles to a
// binary search and keeps the table immutable.
func vowelIndex(r rune) int {
	switch r {
	case 'a', 'A':
		return 0
	case 'à', 'À':
		return 1
	case 'á', 'Á':
		return 2
	case 'ả', 'Ả':
		return 3
	case 'ã', 'Ã':
		return 4
	case 'ạ', 'Ạ':
		return 5
	case 'ă', 'Ă':
		return 6
	case 'ằ', 'Ằ':
		return 7
	case 'ắ', 'Ắ':
		return 8
	case 'ẳ', 'Ẳ':
		return 9
	case 'ẵ', 'Ẵ':
		return 10
	case 'ặ', 'Ặ':
		return 11
	case 'â', 'Â':
		return 12
	case 'ầ', 'Ầ':
		return 13
	case 'ấ', 'Ấ':
		return 14
	case 'ẩ', 'Ẩ':
		return 15
	case 'ẫ', 'Ẫ':
		return 16
	case 'ậ', 'Ậ':
		return 17
	case 'e', 'E':
		return 18
	case 'è', 'È':
		return 19
	case 'é', 'É':
		return 20
	case 'ẻ', 'Ẻ':
		return 21
	case 'ẽ', 'Ẽ':
		return 22
	case 'ẹ', 'Ẹ':
		return 23
	case 'ê', 'Ê':
		return 24
	case 'ề', 'Ề':
		return 25
	case 'ế', 'Ế':
		return 26
	case 'ể', 'Ể':
		return 27
	case 'ễ', 'Ễ':
		return 28
	case 'ệ', 'Ệ':
		return 29
	case 'i', 'I':
		return 30
	case 'ì', 'Ì':
		return 31
	case 'í', 'Í':
		return 32
	case 'ỉ', 'Ỉ':
		return 33
	case 'ĩ', 'Ĩ':
		return 34
	case 'ị', 'Ị':
		return 35
	case 'o', 'O':
		return 36
	case 'ò', 'Ò':
		return 37
	case 'ó', 'Ó':
		return 38
	case 'ỏ', 'Ỏ':
		return 39
	case 'õ', 'Õ':
		return 40
	case 'ọ', 'Ọ':
		return 41
	case 'ô', 'Ô':
		return 42
	case 'ồ', 'Ồ':
		return 43
	case 'ố', 'Ố':
		return 44
	case 'ổ', 'Ổ':
		return 45
	case 'ỗ', 'Ỗ':
		return 46
	case 'ộ', 'Ộ':
		return 47
	case 'ơ', 'Ơ':
		return 48
	case 'ờ', 'Ờ':
		return 49
	case 'ớ', 'Ớ':
		return 50
	case 'ở', 'Ở':
		return 51
	case 'ỡ', 'Ỡ':
		return 52
	case 'ợ', 'Ợ':
		return 53
	case 'u', 'U':
		return 54
	case 'ù', 'Ù':
		return 55
	case 'ú', 'Ú':
		return 56
	case 'ủ', 'Ủ':
		return 57
	case 'ũ', 'Ũ':
		return 58
	case 'ụ', 'Ụ':
		return 59
	case 'ư', 'Ư':
		return 60
	case 'ừ', 'Ừ':
		return 61
	case 'ứ', 'Ứ':
		return 62
	case 'ử', 'Ử':
		return 63
	case 'ữ', 'Ữ':
		return 64
	case 'ự', 'Ự':
		return 65
	case 'y', 'Y':
		return 66
	case 'ỳ', 'Ỳ':
		return 67
	case 'ý', 'Ý':
		return 68
	case 'ỷ', 'Ỷ':
		return 69
	case 'ỹ', 'Ỹ':
		return 70
	case 'ỵ', 'Ỵ':
		return 71
	}
	return -1
}
