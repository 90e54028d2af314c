package review

import (
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/sohoa/sohoa/domain"
)

// ledgerForm is the ledger form as typed, re-shown with a message when refused.
type ledgerForm struct {
	ID                                                      int64
	Commune, CommuneCode, After                             string
	Kind, Book, YearFrom, YearTo, ExpectedEntries, Expected string
	Error                                                   string
}

func formOf(l domain.Ledger, label, after string) ledgerForm {
	f := ledgerForm{ID: l.ID, Commune: label, CommuneCode: l.CommuneCode, After: after, Kind: string(l.Kind), Book: l.Book}
	if l.YearFrom != 0 {
		f.YearFrom, f.YearTo = strconv.Itoa(l.YearFrom), strconv.Itoa(l.YearTo)
	}
	if l.ExpectedEntries != 0 {
		f.ExpectedEntries = strconv.Itoa(l.ExpectedEntries)
	}
	if l.ExpectedPages != 0 {
		f.Expected = strconv.Itoa(l.ExpectedPages)
	}
	return f
}

// codeInLabel finds the "(05461)" a picked commune's label ends with.
var codeInLabel = regexp.MustCompile(`\((\d{5})\)\s*$`)

// readLedgerForm parses the posted ledger form. The commune is the code the picker set, or the
// code at the end of a picked label, or the one commune whose name matches what was typed.
func (ui *UI) readLedgerForm(r *request) (domain.Ledger, ledgerForm, error) {
	get := func(k string) string { return strings.TrimSpace(norm.NFC.String(r.PostFormValue(k))) }
	f := ledgerForm{Commune: get("commune"), CommuneCode: get("commune_code"), Kind: get("kind"), Book: get("book"),
		YearFrom: get("year_from"), YearTo: get("year_to"), ExpectedEntries: get("expected_entries"), Expected: get("expected_pages")}
	code := f.CommuneCode
	if m := codeInLabel.FindStringSubmatch(f.Commune); code == "" && m != nil {
		code = m[1]
	}
	if code == "" {
		if hits := ui.communes.Search(f.Commune, 2); len(hits) == 1 {
			code = hits[0].Code
		}
	}
	c, ok := ui.communes.Commune(code)
	if !ok {
		return domain.Ledger{}, f, errors.New(r.lang.T("ledger.commune.pick"))
	}
	f.CommuneCode, f.Commune = c.Code, c.Label()
	l := domain.Ledger{CommuneCode: c.Code, Kind: domain.Kind(f.Kind), Book: f.Book}
	nums := []struct {
		s   string
		dst *int
		opt bool
	}{{f.YearFrom, &l.YearFrom, false}, {f.YearTo, &l.YearTo, false}, {f.ExpectedEntries, &l.ExpectedEntries, true}, {f.Expected, &l.ExpectedPages, true}}
	for _, n := range nums {
		if n.s == "" && n.opt {
			continue
		}
		v, err := strconv.Atoi(n.s)
		if err != nil {
			return l, f, errors.New(r.lang.T("ledger.numbers"))
		}
		*n.dst = v
	}
	if l.Book == "" {
		return l, f, errors.New(r.lang.T("ledger.book.required"))
	}
	if domain.ValidateBook(l.Book) != nil {
		return l, f, errors.New(r.lang.T("ledger.book.invalid"))
	}
	if err := l.Validate(); err != nil {
		return l, f, errors.New(r.lang.T("ledger.invalid"))
	}
	return l, f, nil
}

// showLedgerForm renders the ledger form (new when f.ID is 0).
func (ui *UI) showLedgerForm(w http.ResponseWriter, r *request, status int, f ledgerForm) error {
	if c, ok := ui.communes.Commune(f.CommuneCode); ok {
		f.After = afterLabel(c)
	}
	return ui.render(w, r, status, "ledger_form.html", map[string]any{"Form": f, "Kinds": domain.Kinds})
}

// ledgerSaveError turns a refusal of the store into the form's message; other errors pass.
func ledgerSaveError(r *request, err error) (string, error) {
	switch {
	case errors.Is(err, domain.ErrConflict):
		return r.lang.T("ledger.exists"), nil
	case errors.Is(err, domain.ErrInvalid):
		return r.lang.T("ledger.invalid"), nil
	}
	return "", fmt.Errorf("save ledger: %w", err)
}
