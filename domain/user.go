package domain

import (
	"fmt"
	"time"
)

// Role is what a person may do in sohoa.
type Role string

// Clerks review entries of their communes; supervisors follow progress, order the queue, retry
// failed scans and export; admins also manage accounts.
const (
	RoleClerk      Role = "clerk"
	RoleSupervisor Role = "supervisor"
	RoleAdmin      Role = "admin"
)

// ParseRole accepts clerk, supervisor or admin.
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleClerk, RoleSupervisor, RoleAdmin:
		return r, nil
	}
	return "", fmt.Errorf("%w: unknown role %q (want clerk, supervisor or admin)", ErrInvalid, s)
}

// AtLeast reports whether r has the rights of other.
func (r Role) AtLeast(other Role) bool { return r.rank() >= other.rank() }

func (r Role) rank() int {
	switch r {
	case RoleClerk:
		return 1
	case RoleSupervisor:
		return 2
	case RoleAdmin:
		return 3
	}
	return 0
}

// User is a person with an account.
type User struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        Role      `json:"role"`
	Communes    []string  `json:"communes"` // the communes a clerk may review; empty for supervisors and admins = all
	Disabled    bool      `json:"disabled"`
	CreatedAt   time.Time `json:"created_at"`
}

// SeesAll reports whether the user sees every commune.
func (u User) SeesAll() bool { return u.Role.AtLeast(RoleSupervisor) }

// Sees reports whether the user may work on a commune's ledgers.
func (u User) Sees(commune string) bool {
	if u.SeesAll() {
		return true
	}
	for _, c := range u.Communes {
		if c == commune {
			return true
		}
	}
	return false
}
