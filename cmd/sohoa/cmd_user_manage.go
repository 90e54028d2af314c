package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/storage"
)

// userVerbs are the account changes besides add, each on one USERNAME.
var userVerbs = map[string]string{
	"disable":         "disable the account and end its sessions",
	"enable":          "enable a disabled account",
	"password":        "set a new password (read like add's) and end the account's sessions",
	"communes":        "replace a clerk's or supervisor's communes (--commune CODE, repeated)",
	"revoke-sessions": "end every session of the account",
}

// runUserManage changes an existing account: `sohoa user VERB [--commune CODE]... USERNAME`.
func runUserManage(ctx context.Context, verb string, args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("user", "user "+verb+" [--commune CODE]... USERNAME", stderr)
	var communes communeList
	fs.Var(&communes, "commune", "code of a commune (communes only; repeat for several)")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	rest, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("user %s: give exactly one USERNAME", verb)
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	var hash string
	if verb == "password" {
		password, err := readPassword(stderr)
		if err != nil {
			return err
		}
		if hash, err = auth.HashPassword(password); err != nil {
			return err
		}
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	id, err := store.UserID(ctx, rest[0])
	if err != nil {
		return err
	}
	cli := storage.Actor{Name: "cli"}
	switch verb {
	case "disable", "enable":
		err = store.SetUserDisabled(ctx, cli, id, verb == "disable")
	case "password":
		err = store.SetPassword(ctx, cli, id, hash)
	case "communes":
		if len(communes) == 0 {
			return errors.New("user communes: give --commune CODE (repeat for several)")
		}
		err = store.SetCommunes(ctx, cli, id, communes)
	case "revoke-sessions":
		var n int64
		n, err = store.RevokeSessions(ctx, cli, id)
		fmt.Fprintf(stderr, "%d session(s) ended\n", n)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s: %s done\n", rest[0], verb)
	return nil
}
