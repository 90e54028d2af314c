package review

import (
	"fmt"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// ledgerFor loads ledger {id} when the user works in its commune (a supervisor only in theirs).
func (ui *UI) ledgerFor(r *request) (domain.Ledger, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return domain.Ledger{}, fmt.Errorf("%w: ledger %q", domain.ErrNotFound, r.PathValue("id"))
	}
	l, err := ui.store.Ledger(r.Context(), id)
	if err != nil {
		return l, err
	}
	if !r.user.Sees(l.CommuneCode) {
		return l, fmt.Errorf("%w: ledger %d is in commune %s", domain.ErrForbidden, id, l.CommuneCode)
	}
	return l, nil
}

// scanFor loads scan {id} when the user works in the commune of its ledger.
func (ui *UI) scanFor(r *request) (domain.Scan, error) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		return domain.Scan{}, fmt.Errorf("%w: scan %q", domain.ErrNotFound, r.PathValue("id"))
	}
	sc, err := ui.store.Scan(r.Context(), id)
	if err != nil {
		return sc, err
	}
	l, err := ui.store.Ledger(r.Context(), sc.LedgerID)
	if err != nil {
		return sc, err
	}
	if !r.user.Sees(l.CommuneCode) {
		return sc, fmt.Errorf("%w: scan %d is in commune %s", domain.ErrForbidden, id, l.CommuneCode)
	}
	return sc, nil
}
