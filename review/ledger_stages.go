package review

import (
	"fmt"
	"net/http"

	"github.com/sohoa/sohoa/domain"
)

// ledgerStagesView is the form of a ledger's verification stages.
type ledgerStagesView struct {
	Ledger  domain.Ledger
	Current string // the ledger's own stages as written ("" when it follows the installation)
	Default string // the installation's
	Choices []string
}

// stageChoices are the settings offered: the installation's, none, or one or two stages.
var stageChoices = []string{"none", "sighted", "blind", "sighted,sighted", "blind,sighted", "sighted,blind", "blind,blind"}

// ledgerStagesShow shows which checks a ledger's entries go through.
func (ui *UI) ledgerStagesShow(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r)
	if err != nil {
		return err
	}
	own, err := ui.store.LedgerStages(r.Context(), l.ID)
	if err != nil {
		return err
	}
	v := ledgerStagesView{Ledger: l, Default: domain.FormatCheckStages(ui.store.CheckPlan().Stages), Choices: stageChoices}
	if own != nil {
		v.Current = domain.FormatCheckStages(own)
	}
	return ui.render(w, r, http.StatusOK, "ledger_stages.html", v)
}

// ledgerStagesUpdate sets a ledger's own stages, or returns it to the installation's ("").
func (ui *UI) ledgerStagesUpdate(w http.ResponseWriter, r *request) error {
	l, err := ui.ledgerFor(r)
	if err != nil {
		return err
	}
	var stages []domain.CheckMode
	if v := r.PostFormValue("stages"); v != "" {
		if stages, err = domain.ParseCheckStages(v); err != nil {
			return fmt.Errorf("%w: stages %q", domain.ErrInvalid, v)
		}
	}
	if err := ui.store.SetLedgerStages(r.Context(), l.ID, stages, r.user); err != nil {
		return err
	}
	return redirect(w, r, fmt.Sprintf("/ledgers/%d/stages", l.ID), "saved")
}
