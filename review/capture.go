package review

import (
	"context"
	"fmt"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/upload"
)

// Uploader takes a photographed page into the queue: the same service as the station API.
type Uploader interface {
	Upload(ctx context.Context, req upload.Request) (upload.Result, error)
	MaxBytes() int64
}

var _ Uploader = (*upload.Service)(nil)

// SetUploader gives the UI the upload service the phone capture page sends photos to; without
// one, the capture page is not served.
func (ui *UI) SetUploader(u Uploader) { ui.uploader = u }

// capturePattern is the route photos are sent to: the one UI form that takes a file.
const capturePattern = "POST /capture/ledgers/{id}/photos"

// captureLedger is a ledger offered on the capture page, with the page its next photo gets.
type captureLedger struct {
	domain.LedgerRow
	Next int
}

// captureLedgers are the ledgers of the user's communes, each with the page to go on from.
func (ui *UI) captureLedgers(ctx context.Context, u domain.User) ([]captureLedger, error) {
	rows, err := ui.store.LedgerRows(ctx, u)
	if err != nil {
		return nil, err
	}
	out := make([]captureLedger, len(rows))
	for i, l := range rows {
		last, err := ui.store.LastPage(ctx, l.ID)
		if err != nil {
			return nil, err
		}
		out[i] = captureLedger{LedgerRow: l, Next: last + 1}
	}
	return out, nil
}

// mayCapture checks that the ledger belongs to one of the user's communes.
func (ui *UI) mayCapture(ctx context.Context, u domain.User, ledgerID int64) error {
	rows, err := ui.store.LedgerRows(ctx, u)
	if err != nil {
		return err
	}
	for _, l := range rows {
		if l.ID == ledgerID {
			return nil
		}
	}
	return fmt.Errorf("%w: ledger %d is not one of %s's communes", domain.ErrNotFound, ledgerID, u.Username)
}
