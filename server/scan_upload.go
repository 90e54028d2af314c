package server

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/upload"
)

// scanUpload accepts a page image (or a multi-page TIFF/PDF, or a phone photo of a two-page
// spread) for a ledger: POST /api/v1/ledgers/{id}/scans?page=N, the file as the body or as
// multipart field "file". It parses the request, hands the file to upload.Service and maps the
// result; the same bytes sent again for the same page return the existing scan.
func (s *Server) scanUpload(w http.ResponseWriter, r *http.Request) error {
	ledgerID, err := pathID(r, "id")
	if err != nil {
		return err
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 || page > 100_000 {
		return fmt.Errorf("%w: give the page number as ?page=N (a whole number from 1)", domain.ErrInvalid)
	}
	body, err := fileBody(w, r, s.upload.MaxBytes())
	if err != nil {
		return err
	}
	res, err := s.upload.Upload(r.Context(), upload.Request{LedgerID: ledgerID, Page: page, From: stationName(r), Body: body})
	if err != nil {
		return tooLarge(err, s.upload.MaxBytes(), err)
	}
	status := http.StatusOK
	if res.Created {
		status = http.StatusCreated
	}
	scans := make([]scanView, len(res.Scans))
	for i, sc := range res.Scans {
		scans[i] = viewOf(sc, 0)
	}
	w.Header().Set("Location", scans[0].StatusURL)
	writeJSON(w, status, struct {
		scanView
		Created bool       `json:"created"`
		Scans   []scanView `json:"scans"`
	}{scans[0], res.Created, scans})
	return nil
}

// fileBody is the uploaded file: the request body, or its multipart field "file".
func fileBody(w http.ResponseWriter, r *http.Request, limit int64) (io.Reader, error) {
	body := http.MaxBytesReader(w, r.Body, limit+1<<20) // room for multipart framing
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		return body, nil
	}
	r.Body = body
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("%w: malformed multipart body: %v", domain.ErrInvalid, err)
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, tooLarge(err, limit, fmt.Errorf("%w: multipart body has no field \"file\"", domain.ErrInvalid))
		}
		if part.FormName() == "file" {
			return part, nil
		}
	}
}

// tooLarge reports a body cut off by http.MaxBytesReader as too large, and otherwise as given.
func tooLarge(err error, limit int64, otherwise error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return fmt.Errorf("%w: the file is over the limit of %d MB", domain.ErrTooLarge, limit>>20)
	}
	return otherwise
}
