package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"

	"github.com/sohoa/sohoa/domain"
)

// pathID reads a positive integer path parameter.
func pathID(r *http.Request, name string) (int64, error) {
	id, err := strconv.ParseInt(r.PathValue(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fmt.Errorf("%w: %s %q is not an id", domain.ErrNotFound, name, r.PathValue(name))
	}
	return id, nil
}

// decodeJSON reads a small JSON body into v, refusing unknown fields.
func decodeJSON(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return fmt.Errorf("%w: JSON body over 1 MB", domain.ErrTooLarge)
		}
		return fmt.Errorf("%w: the body is not the expected JSON: %v", domain.ErrInvalid, err)
	}
	if dec.More() {
		return fmt.Errorf("%w: one JSON object expected", domain.ErrInvalid)
	}
	_, _ = io.Copy(io.Discard, r.Body)
	return nil
}
