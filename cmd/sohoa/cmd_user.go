package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
)

// communeList collects repeated --commune flags.
type communeList []string

func (c *communeList) String() string     { return strings.Join(*c, ",") }
func (c *communeList) Set(v string) error { *c = append(*c, v); return nil }

// runUser adds an account: `sohoa user add --role ROLE [--commune CODE]... NAME`. The password
// is read from standard input when it is not a terminal, else asked for without echo.
func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 {
		if _, ok := userVerbs[args[0]]; ok {
			return runUserManage(ctx, args[0], args[1:], stdout, stderr)
		}
	}
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "Usage: sohoa user add --role capture|clerk|supervisor|province|admin [--commune CODE]... [--name \"Full Name\"] USERNAME")
		fmt.Fprintln(stderr, "       sohoa user disable|enable|password|communes|revoke-sessions [--commune CODE]... USERNAME")
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			return flag.ErrHelp
		}
		return errors.New("user: say add, disable, enable, password, communes or revoke-sessions")
	}
	fs := newFlagSet("user", "user add --role ROLE [--commune CODE]... USERNAME", stderr)
	role := fs.String("role", "", "capture (the phone capture page only), clerk, supervisor (of the --commune given), province (every commune) or admin")
	name := fs.String("name", "", "the person's full name, shown in the UI")
	var communes communeList
	fs.Var(&communes, "commune", "code of a commune the clerk or supervisor works in (repeat for several)")
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return err
	}
	rest, err := parseInterspersed(fs, args[1:])
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return errors.New("user add: give exactly one USERNAME")
	}
	u, err := domain.NewUser(rest[0], *name, *role, communes)
	if err != nil {
		return err
	}
	if err := useUpEnv(cfg); err != nil {
		return err
	}
	if err := cfg.ValidateDatabase(); err != nil {
		return err
	}
	password, err := readPassword(stderr)
	if err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return err
	}
	store, err := openStore(ctx, cfg, io.Discard)
	if err != nil {
		return err
	}
	defer store.Close()
	if err := store.CreateUser(ctx, &u, hash, "cli"); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "user %s (%s) created\n", u.Username, u.Role)
	return nil
}

// readPassword reads one line from standard input, without echo when it is a terminal.
func readPassword(stderr io.Writer) (string, error) {
	if term.IsTerminal(int(os.Stdin.Fd())) {
		fmt.Fprint(stderr, "Password: ")
		b, err := term.ReadPassword(int(os.Stdin.Fd()))
		fmt.Fprintln(stderr)
		return string(b), err
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read password from standard input: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
