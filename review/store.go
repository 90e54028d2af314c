package review

import (
	"context"
	"io"
	"time"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/export"
	"github.com/sohoa/sohoa/progress"
	"github.com/sohoa/sohoa/storage"
)

// Store is what the browser pages need of the database: one small interface per area, each
// declared here where it is consumed. Package storage implements all of them; the handlers'
// unit tests use hand-written fakes. A new handler that needs another method adds it to its
// area's interface (or a new one listed here).
type Store interface {
	Sessions
	Entries
	Decisions
	Ledgers
	Matches
	Reprocessing
	Accounts
	export.Store
	progress.Store
}

// Sessions are logins: who a session cookie belongs to, and the login audit.
type Sessions interface {
	UserBySession(ctx context.Context, hash []byte, ttl, maxAge time.Duration) (domain.User, time.Time, error)
	CreateSession(ctx context.Context, hash []byte, userID int64, ttl time.Duration, userAgent string) error
	DeleteSession(ctx context.Context, hash []byte) error
	UserByName(ctx context.Context, username string) (domain.User, string, error)
	AuditLogin(ctx context.Context, username string, userID int64, ok bool, addr string) error
}

// Entries reads entries for the review screen and hands out the queue's next one.
type Entries interface {
	Record(ctx context.Context, id int64) (domain.Record, error)
	RecordPlace(ctx context.Context, id int64) (domain.RecordPlace, error)
	EntryContext(ctx context.Context, recordID int64) (domain.EntryContext, error)
	PreviousValues(ctx context.Context, recordID int64) (map[string]string, error)
	AuditTrail(ctx context.Context, entity string, id int64) ([]domain.AuditEvent, error)
	DisplayNames(ctx context.Context) (map[string]string, error)
	ConfirmedBy(ctx context.Context, userID int64, since time.Time) (int, error)
	Followups(ctx context.Context, u domain.User) ([]domain.Followup, error)
	NextRecord(ctx context.Context, u domain.User, lease time.Duration) (int64, error)
	RenewLease(ctx context.Context, recordID, userID int64, lease time.Duration) error
}

// Decisions are what a clerk or supervisor decides about an entry; each needs the entry's lease
// (or, for a flagged entry, the right to settle it) and fails with domain.ErrStale when the
// entry changed since the form was loaded.
type Decisions interface {
	ConfirmRecord(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation) error
	FlagRecordWithValues(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation, reason string) error
	ReleaseRecord(ctx context.Context, recordID int64, u domain.User) error
	ResolveFlagged(ctx context.Context, recordID int64, u domain.User, c domain.Confirmation) error
	RequeueFlagged(ctx context.Context, recordID int64, u domain.User, version int) error
	NoteRecord(ctx context.Context, recordID int64, u domain.User, note string) error
}

// Ledgers are the supervisors' ledgers, their scans and the phone capture page's ledgers.
type Ledgers interface {
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	LedgerRows(ctx context.Context, u domain.User) ([]domain.LedgerRow, error)
	CreateLedgerBy(ctx context.Context, l *domain.Ledger, actor string) error
	UpdateLedger(ctx context.Context, l domain.Ledger, u domain.User) error
	SetLedgerPriority(ctx context.Context, ledgerID int64, priority int, u domain.User) error
	LastPage(ctx context.Context, ledgerID int64) (int, error)
	ConfirmedRecords(ctx context.Context, ledgerID int64) ([]domain.ExportRecord, error)
	Scan(ctx context.Context, id int64) (domain.Scan, error)
	FailedScans(ctx context.Context, u domain.User) ([]domain.Scan, error)
	RetryScan(ctx context.Context, scanID int64, u domain.User) error
}

// Matches are the links to the population database and the possible duplicates.
type Matches interface {
	MatchQueue(ctx context.Context, u domain.User, limit int) ([]domain.RecordMatch, error)
	RecordMatches(ctx context.Context, recordID int64) ([]domain.RecordMatch, error)
	LedgerMatches(ctx context.Context, ledgerID int64) (map[int64][]domain.RecordMatch, error)
	DecideMatch(ctx context.Context, recordID int64, person string, u domain.User, version int,
		status domain.MatchStatus, citizenID string) error
	Duplicates(ctx context.Context, u domain.User, limit int) ([]domain.DuplicatePair, error)
	DecideDuplicate(ctx context.Context, id int64, u domain.User, status string) error
}

// Reprocessing reads pages again with a newer reader.
type Reprocessing interface {
	StartReprocess(ctx context.Context, u domain.User, ledgerID, scanID int64) (int64, error)
	Reprocess(ctx context.Context, id int64) (domain.Reprocess, error)
}

// Accounts are the admins' user management.
type Accounts interface {
	Users(ctx context.Context) ([]domain.User, error)
	User(ctx context.Context, id int64) (domain.User, error)
	CreateUser(ctx context.Context, u *domain.User, passwordHash, actor string) error
	SetUserDisabled(ctx context.Context, a storage.Actor, userID int64, disabled bool) error
	SetPassword(ctx context.Context, a storage.Actor, userID int64, hash string) error
	SetCommunes(ctx context.Context, a storage.Actor, userID int64, communes []string) error
	RevokeSessions(ctx context.Context, a storage.Actor, userID int64) (int64, error)
}

// Objects is what the pages need of the object store: a page's cleaned image.
type Objects interface {
	Get(ctx context.Context, key string) (io.ReadCloser, error)
}

var (
	_ Store   = (*storage.Store)(nil)
	_ Objects = (*storage.Objects)(nil)
)
