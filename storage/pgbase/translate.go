package pgbase

import (
	"context"
	"errors"
	"fmt"
	"net"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/sohoa/sohoa/domain"
)

// Translate turns driver errors into the domain's sentinel errors, keeping the original wrapped
// and marked internal, so that its text (constraint names, SQLSTATE) never reaches a person.
func Translate(err error) error {
	if err == nil {
		return nil
	}
	var internal *domain.InternalError
	if errors.As(err, &internal) {
		return err
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("%w: %w", domain.ErrNotFound, domain.Internal(err))
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		switch pgErr.Code[:2] {
		case "23": // integrity constraint violation
			if pgErr.Code == "23505" {
				return fmt.Errorf("%w: %w", domain.ErrConflict, domain.Internal(err))
			}
			return fmt.Errorf("%w: %w", domain.ErrInvalid, domain.Internal(err))
		case "08", "53", "57": // connection, resources, operator intervention (shutdown)
			return fmt.Errorf("%w: %w", domain.ErrUnavailable, domain.Internal(err))
		}
		return domain.Internal(err)
	}
	var netErr net.Error
	var connErr *pgconn.ConnectError
	if errors.As(err, &netErr) || errors.As(err, &connErr) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("%w: %w", domain.ErrUnavailable, domain.Internal(err))
	}
	return err
}
