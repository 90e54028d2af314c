package main

import (
	"context"
	"io"
	"os"

	"github.com/sohoa/sohoa/config"
)

// loadConfig parses the flags of a serving command over the environment and validates them.
func loadConfig(name, synopsis string, args []string, stderr io.Writer, validate func(*config.Config) error) (*config.Config, error) {
	fs := newFlagSet(name, synopsis, stderr)
	cfg, err := config.Load(fs, os.Getenv)
	if err != nil {
		return nil, err
	}
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	if validate == nil {
		validate = (*config.Config).Validate
	}
	return cfg, validate(cfg)
}

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := loadConfig("serve", "serve [flags]", args, stderr, nil)
	if err != nil {
		return err
	}
	a, err := open(ctx, cfg, cfg.Logger(stderr))
	if err != nil {
		return err
	}
	defer a.close()
	return a.serve(ctx, nil)
}
