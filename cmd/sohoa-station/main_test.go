package main

import (
	"context"
	"errors"
	"flag"
	"io"
	"strings"
	"testing"
)

func TestFlagErrorsNameTheFlag(t *testing.T) {
	t.Parallel()
	env := map[string]string{"SOHOA_SERVER": "http://127.0.0.1:1", "SOHOA_STATION_TOKEN": "sst_x", "SOHOA_STATION_LANG": "en"}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"watch", "--ledger", "1"}, "watch: give one folder"},
		{[]string{"watch", "--ledger", "1", "--server", "ftp://x", "dir"}, `--server "ftp://x"`},
		{[]string{"watch", "dir"}, "--ledger is required"},
		{[]string{"watch", "--ledger", "1", "--token", "", "dir"}, "--token is required"},
		{[]string{"watch", "--ledger", "1", "--page-order", "random", "dir"}, "--page-order must be"},
		{[]string{"watch", "--ledger", "1", "--stable", "0s", "dir"}, "--stable and --poll"},
		{[]string{"upload", "--ledger", "1", "--page-pattern", "([", "f.jpg"}, "--page-pattern"},
		{[]string{"upload", "--ledger", "1"}, "upload: give the files"},
		{[]string{"upload", "--ledger", "x"}, `invalid value "x" for flag -ledger`},
		{[]string{"send"}, `unknown command "send"`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			err := run(context.Background(), tc.args, io.Discard, io.Discard, getenv, false)
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("got %v, want one line containing %q", err, tc.want)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"watch", "-h"}, {"upload", "-h"}} {
		var out strings.Builder
		err := run(context.Background(), args, io.Discard, &out, func(string) string { return "" }, false)
		if !errors.Is(err, flag.ErrHelp) || !strings.Contains(out.String(), "-ledger") || !strings.Contains(out.String(), "SOHOA_STATION_TOKEN") {
			t.Errorf("%v: got %v and %q, want flag.ErrHelp and the flags", args, err, out.String())
		}
	}
	var out strings.Builder
	if err := run(context.Background(), nil, &out, io.Discard, func(string) string { return "" }, false); err != nil || !strings.Contains(out.String(), "sohoa-station watch") {
		t.Errorf("got %v and %q, want the usage", err, out.String())
	}
}

// Issue 12, point 18: the station speaks Vietnamese unless told otherwise, and -h shows what
// each flag takes (URL, MÃ, SỐ), not "string" and "int".
func TestVietnameseByDefault(t *testing.T) {
	t.Parallel()
	none := func(string) string { return "" }
	var help strings.Builder
	err := run(context.Background(), []string{"upload", "-h"}, io.Discard, &help, none, false)
	out := help.String()
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("upload -h: got %v, want flag.ErrHelp", err)
	}
	for _, want := range []string{"Cách dùng: sohoa-station upload", "-server URL", "-token MÃ", "-ledger SỐ", "-retry-min THỜI_GIAN", "Tham số:"} {
		if !strings.Contains(out, want) {
			t.Errorf("upload -h: %q missing from\n%s", want, out)
		}
	}
	for _, bad := range []string{"-server string", "-ledger int", "-token string"} {
		if strings.Contains(out, bad) {
			t.Errorf("upload -h shows the placeholder %q", bad)
		}
	}
	err = run(context.Background(), []string{"upload", "--ledger", "1", "--server", "http://127.0.0.1:1", "--token", "sst_x"}, io.Discard, io.Discard, none, false)
	if err == nil || err.Error() != "upload: hãy cho các tệp cần gửi" {
		t.Errorf("got %v, want the Vietnamese message", err)
	}
	var en strings.Builder
	_ = run(context.Background(), []string{"upload", "--lang", "en", "-h"}, io.Discard, &en, none, false)
	if !strings.Contains(en.String(), "Usage: sohoa-station upload") || !strings.Contains(en.String(), "-ledger NUMBER") {
		t.Errorf("--lang en -h: got %q, want English", en.String())
	}
	var usage strings.Builder
	_ = run(context.Background(), nil, &usage, io.Discard, func(k string) string { return map[string]string{"SOHOA_STATION_LANG": "en"}[k] }, false)
	if !strings.Contains(usage.String(), "sends a scanner's page images") {
		t.Errorf("SOHOA_STATION_LANG=en: got %q, want English usage", usage.String())
	}
}
