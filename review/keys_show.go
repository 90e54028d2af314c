package review

import "net/http"

// keysShow lists every key of the review screen (F1 there shows the same list).
func (ui *UI) keysShow(w http.ResponseWriter, r *request) error {
	return ui.render(w, r, http.StatusOK, "keys.html", nil)
}
