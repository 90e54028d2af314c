package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/internal/httperr"
	"github.com/sohoa/sohoa/upload"
)

// capturedPage is one page a photo became, as the capture page shows it.
type capturedPage struct {
	Page   int    `json:"page"`
	Side   string `json:"side,omitempty"`
	ScanID int64  `json:"scan_id"`
}

// captureReply is the capture page's answer to one photo.
type captureReply struct {
	Pages      []capturedPage `json:"pages,omitempty"`
	Retake     bool           `json:"retake,omitempty"`
	Reasons    []string       `json:"reasons,omitempty"`
	PagesFound int            `json:"pages_found,omitempty"` // of a refused photo: the page numbers to keep for it
	Error      string         `json:"error,omitempty"`
}

// capturePhoto takes one photo from the capture page: POST /capture/ledgers/{id}/photos?page=N
// with multipart field "file". It answers JSON: the pages made, or "chụp lại" with the reasons.
func (ui *UI) capturePhoto(w http.ResponseWriter, r *request) error {
	res, err := ui.captureUpload(w, r)
	var retake *upload.RetakeError
	switch {
	case errors.As(err, &retake):
		reply := captureReply{Retake: true, PagesFound: 1}
		if res.Photo != nil && len(res.Photo.Pages) > 0 {
			reply.PagesFound = len(res.Photo.Pages)
		}
		for _, p := range retake.Verdict.Problems {
			reply.Reasons = append(reply.Reasons, r.lang.Pick(p.Vietnamese, p.English))
		}
		writeReply(w, http.StatusUnprocessableEntity, reply)
	case err != nil:
		status, show := httperr.Status(err)
		ui.logger.Log(r.Context(), slog.LevelInfo, "capture failed", slog.String("path", r.URL.Path), slog.Int("status", status), slog.Any("error", err))
		msg := r.lang.T("err." + strconv.Itoa(status))
		if show && status == http.StatusUnsupportedMediaType {
			msg = r.lang.T("capture.unsupported")
		}
		writeReply(w, status, captureReply{Error: msg})
	default:
		reply := captureReply{}
		for _, sc := range res.Scans {
			reply.Pages = append(reply.Pages, capturedPage{Page: sc.Page, Side: sc.Side, ScanID: sc.ID})
		}
		writeReply(w, http.StatusOK, reply)
	}
	return nil
}

// captureUpload parses the request and sends the photo through the upload service.
func (ui *UI) captureUpload(w http.ResponseWriter, r *request) (upload.Result, error) {
	if ui.uploader == nil {
		return upload.Result{}, fmt.Errorf("%w: no upload service", domain.ErrNotFound)
	}
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return upload.Result{}, fmt.Errorf("%w: ledger %q", domain.ErrNotFound, r.PathValue("id"))
	}
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil {
		return upload.Result{}, fmt.Errorf("%w: page %q", domain.ErrInvalid, r.URL.Query().Get("page"))
	}
	if err := ui.mayCapture(r.Context(), r.user, id); err != nil {
		return upload.Result{}, err
	}
	body, err := photoPart(w, r, ui.uploader.MaxBytes())
	if err != nil {
		return upload.Result{}, err
	}
	return ui.uploader.Upload(r.Context(), upload.Request{LedgerID: id, Page: page, From: "capture:" + r.user.Username, Body: body})
}

// photoPart is the multipart field "file" of the request.
func photoPart(w http.ResponseWriter, r *request, limit int64) (io.Reader, error) {
	r.Body = http.MaxBytesReader(w, r.Body, limit+1<<20)
	if mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mt != "multipart/form-data" {
		return nil, fmt.Errorf("%w: send the photo as multipart field \"file\"", domain.ErrInvalid)
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("%w: malformed multipart body: %w", domain.ErrInvalid, err)
	}
	for {
		part, err := mr.NextPart()
		if err != nil {
			return nil, fmt.Errorf("%w: no field \"file\": %w", domain.ErrInvalid, err)
		}
		if part.FormName() == "file" {
			return part, nil
		}
	}
}

func writeReply(w http.ResponseWriter, status int, v captureReply) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
