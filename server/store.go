package server

import (
	"context"

	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage"
	"github.com/sohoa/sohoa/upload"
)

// Store is what the API needs of the database, one small interface per area, declared here
// where it is consumed; package storage implements it. A new route that needs another method
// adds it to its area's interface.
type Store interface {
	Pinger
	Stations
	LedgerStore
	ScanStore
	upload.Store // to build the upload service when Deps.Upload is nil
}

// Stations finds the station a bearer token belongs to.
type Stations interface {
	StationByToken(ctx context.Context, hash []byte) (domain.Station, error)
}

// LedgerStore lists, shows and creates ledgers for stations.
type LedgerStore interface {
	Ledger(ctx context.Context, id int64) (domain.Ledger, error)
	Ledgers(ctx context.Context) ([]domain.Ledger, error)
	LedgerProgress(ctx context.Context, id int64) (domain.LedgerProgress, error)
	CommuneExists(ctx context.Context, code string) (bool, error)
	CreateLedgerBy(ctx context.Context, l *domain.Ledger, actor string) error
}

// ScanStore shows an uploaded scan and what was read from it.
type ScanStore interface {
	Scan(ctx context.Context, id int64) (domain.Scan, error)
	RecordCount(ctx context.Context, scanID int64) (int, error)
}

// Objects is what the API needs of the object store: a readiness probe and the upload
// service's writes.
type Objects interface {
	Pinger
	upload.Objects
}

// Uploader takes an uploaded file into the queue (package upload).
type Uploader interface {
	Upload(ctx context.Context, req upload.Request) (upload.Result, error)
	MaxBytes() int64
}

var (
	_ Store    = (*storage.Store)(nil)
	_ Objects  = (*storage.Objects)(nil)
	_ Uploader = (*upload.Service)(nil)
)
