package domain

import (
	"fmt"
	"time"
)

// Role is what a person may do in sohoa.
type Role string

// A capture account only photographs pages with the phone capture page (/capture), for the
// ledgers of its communes; clerks review entries of their communes; supervisors follow progress, order the queue, retry
// failed scans and export, for their communes; a province supervisor does the same for every
// commune; admins also manage accounts.
const (
	RoleCapture    Role = "capture"
	RoleClerk      Role = "clerk"
	RoleSupervisor Role = "supervisor"
	RoleProvince   Role = "province"
	RoleAdmin      Role = "admin"
)

// Roles lists every role, least rights first.
var Roles = []Role{RoleCapture, RoleClerk, RoleSupervisor, RoleProvince, RoleAdmin}

// ParseRole accepts capture, clerk, supervisor, province or admin.
func ParseRole(s string) (Role, error) {
	switch r := Role(s); r {
	case RoleCapture, RoleClerk, RoleSupervisor, RoleProvince, RoleAdmin:
		return r, nil
	}
	return "", fmt.Errorf("%w: unknown role %q (want capture, clerk, supervisor, province or admin)", ErrInvalid, s)
}

// Scoped reports whether the role works only in the communes given to the account.
func (r Role) Scoped() bool { return r == RoleCapture || r == RoleClerk || r == RoleSupervisor }

// AtLeast reports whether r has the rights of other.
func (r Role) AtLeast(other Role) bool { return r.rank() >= other.rank() }

func (r Role) rank() int {
	switch r {
	case RoleCapture:
		return 1
	case RoleClerk:
		return 2
	case RoleSupervisor:
		return 3
	case RoleProvince:
		return 4
	case RoleAdmin:
		return 5
	}
	return 0
}

// User is a person with an account.
type User struct {
	ID          int64     `json:"id"`
	Username    string    `json:"username"`
	DisplayName string    `json:"display_name"`
	Role        Role      `json:"role"`
	Communes    []string  `json:"communes"` // the communes of a capture account, clerk or supervisor; ignored for province supervisors and admins
	Disabled    bool      `json:"disabled"`
	CreatedAt   time.Time `json:"created_at"`
}

// SeesAll reports whether the user sees every commune: province supervisors and admins.
func (u User) SeesAll() bool { return !u.Role.Scoped() && u.Role.AtLeast(RoleProvince) }

// Supervises reports whether the user follows progress (supervisors, province supervisors, admins).
func (u User) Supervises() bool { return u.Role.AtLeast(RoleSupervisor) }

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
