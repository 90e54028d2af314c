package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/synth"
	"github.com/sohoa/sohoa/upload"
)

// demoUsers are the accounts `sohoa up` creates on an empty database.
var demoUsers = []domain.User{
	{Username: "quantri", DisplayName: "Quản trị viên", Role: domain.RoleAdmin},
	{Username: "giamsat", DisplayName: "Lê Văn Sơn", Role: domain.RoleSupervisor, Communes: []string{"05461"}},
	{Username: "canbo", DisplayName: "Nguyễn Thị Lan", Role: domain.RoleClerk, Communes: []string{"05461"}},
}

// loadDemo gives an empty database demo accounts and one ledger of each kind in Phường Gia Sàng
// (Thái Nguyên), and returns a function that renders a few synthetic pages per ledger and sends
// them to the workers, to run once the service is up. The demo password is made once and kept
// in the data folder.
func loadDemo(ctx context.Context, a *app, dataDir string, stdout io.Writer) (pages func(context.Context) error, err error) {
	pages = func(context.Context) error { return nil }
	password, err := demoPassword(dataDir)
	if err != nil {
		return pages, err
	}
	defer func() {
		fmt.Fprintf(stdout, "demo logins (password %q): ", password)
		for i, u := range demoUsers {
			if i > 0 {
				fmt.Fprint(stdout, ", ")
			}
			fmt.Fprintf(stdout, "%s (%s)", u.Username, u.Role)
		}
		fmt.Fprintln(stdout)
	}()
	ledgers, err := a.store.Ledgers(ctx)
	if err != nil || len(ledgers) > 0 {
		return pages, err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return pages, err
	}
	for _, u := range demoUsers {
		if err := a.store.CreateUser(ctx, &u, hash, "demo"); err != nil && !errors.Is(err, domain.ErrConflict) {
			return pages, err
		}
	}
	var made []domain.Ledger
	for i, kind := range domain.Kinds {
		l := &domain.Ledger{CommuneCode: "05461", Kind: kind, Book: fmt.Sprintf("0%d/1990", i+1), YearFrom: 1990, YearTo: 1995,
			ExpectedEntries: 1200, ExpectedPages: 400}
		if err := a.store.CreateLedger(ctx, l); err != nil {
			return pages, err
		}
		made = append(made, *l)
	}
	return func(ctx context.Context) error {
		for i, l := range made {
			if err := demoPages(ctx, a, l, 2, int64(i+1)); err != nil {
				return err
			}
		}
		a.logger.Info("demo pages sent to the workers", slog.String("commune", "Phường Gia Sàng, Thái Nguyên"))
		return nil
	}, nil
}

// demoPages renders n synthetic pages of the ledger's kind and sends them into the pipeline.
func demoPages(ctx context.Context, a *app, l domain.Ledger, n int, seed int64) error {
	opts := synth.Options{Seed: seed, Pages: n, Kind: l.Kind, Severity: synth.SeverityLight}
	page := 0
	uploads := a.uploads()
	return synth.Generate(ctx, opts, func(p synth.Page) error {
		page++
		_, err := uploads.Upload(ctx, upload.Request{LedgerID: l.ID, Page: page, From: "demo", Body: bytes.NewReader(p.Encoded)})
		return err
	})
}

func demoPassword(dataDir string) (string, error) {
	path := filepath.Join(dataDir, "demo-password.txt")
	if f, err := os.Open(path); err == nil {
		defer f.Close()
		line, _ := bufio.NewReader(f).ReadString('\n')
		if pw := strings.TrimSpace(line); pw != "" {
			return pw, nil
		}
	}
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	pw := "demo-" + hex.EncodeToString(b)
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return "", err
	}
	return pw, os.WriteFile(path, []byte(pw+"\n"), 0o600)
}
