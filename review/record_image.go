package review

import (
	"bufio"
	"io"
	"net/http"
)

// recordImage streams the page image of an entry (the cleaned page when there is one).
func (ui *UI) recordImage(w http.ResponseWriter, r *request) error {
	_, place, err := ui.recordFor(r)
	if err != nil {
		return err
	}
	rc, err := ui.objects.Get(r.Context(), place.ImageKey)
	if err != nil {
		return err
	}
	defer rc.Close()
	br := bufio.NewReader(rc)
	head, _ := br.Peek(512)
	w.Header().Set("Content-Type", http.DetectContentType(head))
	w.Header().Set("Cache-Control", "no-store") // commune PCs are shared: keep no copy of the page
	w.Header().Set("X-Content-Type-Options", "nosniff")
	_, err = io.Copy(w, br)
	return err
}
