package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
)

// runToken manages scanning-station tokens: `token create --station NAME --commune CODE…` prints
// a new token alone on stdout (only its hash is stored); `token scope --station NAME --commune
// CODE…` gives a station's tokens their communes (tokens made before tokens had communes are
// refused until then); `token revoke --station NAME` revokes the station's tokens.
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "create" && args[0] != "revoke" && args[0] != "scope") {
		fmt.Fprintln(stderr, "Usage: sohoa token create|scope --station NAME --commune CODE... | token revoke --station NAME [flags]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errors.New("token: say create, scope or revoke")
	}
	verb := args[0]
	fs := newFlagSet("token", "token "+verb+" --station NAME [--commune CODE]... [flags]", stderr)
	station := fs.String("station", "", "name of the scanning station, e.g. \"UBND phường Gia Sàng, máy 1\"")
	var communes communeList
	fs.Var(&communes, "commune", "code of a commune whose ledgers the station works on (repeat for several)")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	name := strings.TrimSpace(*station)
	if name == "" {
		return errors.New("--station is required: name the scanning station the token is for")
	}
	if err := useUpEnv(cfg); err != nil {
		return err
	}
	if verb != "revoke" && len(communes) == 0 {
		return errors.New("--commune is required: give the code of each commune the station works for (a token works for its communes only)")
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	switch verb {
	case "revoke":
		n, err := store.RevokeStationTokens(ctx, name, "cli")
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "revoked %d token(s) of %s\n", n, name)
	case "scope":
		n, err := store.ScopeStationTokens(ctx, "cli", name, communes)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%d token(s) of %s now work for %s\n", n, name, strings.Join(communes, ", "))
	default:
		token, hash := auth.NewStationToken()
		if err := store.IssueStationToken(ctx, "cli", name, hash, communes); err != nil {
			return err
		}
		fmt.Fprintln(stdout, token)
	}
	return nil
}
