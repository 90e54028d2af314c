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

// runToken manages scanning-station tokens: `token create --station NAME` prints a new token
// alone on stdout (only its hash is stored); `token revoke --station NAME` revokes the station's.
func runToken(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "create" && args[0] != "revoke") {
		fmt.Fprintln(stderr, "Usage: sohoa token create|revoke --station NAME [flags]")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errors.New("token: say create or revoke")
	}
	verb := args[0]
	fs := newFlagSet("token", "token "+verb+" --station NAME [flags]", stderr)
	station := fs.String("station", "", "name of the scanning station, e.g. \"UBND phường Gia Sàng, máy 1\"")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if strings.TrimSpace(*station) == "" {
		return errors.New("--station is required: name the scanning station the token is for")
	}
	if err := useUpEnv(cfg); err != nil {
		return err
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	if verb == "revoke" {
		n, err := store.RevokeStationTokens(ctx, *station)
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "revoked %d token(s) of %s\n", n, *station)
		return nil
	}
	token, hash := auth.NewStationToken()
	if err := store.CreateStationToken(ctx, strings.TrimSpace(*station), hash); err != nil {
		return err
	}
	fmt.Fprintln(stdout, token)
	return nil
}
