package main

import (
	"context"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/server"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// Issue 12, point 18: what the operator reads is Vietnamese unless --lang en, also when it
// comes from the flag package, the station library or the server's answer.
func TestErrorsSpeakVietnamese(t *testing.T) {
	t.Parallel()
	store := storagetest.Store(t)
	srv := httptest.NewServer(server.New(server.Deps{Logger: storagetest.Logger(t), Store: store, Objects: storagetest.Objects(t)}))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	token, hash := auth.NewStationToken()
	if err := store.CreateStationToken(ctx, "trạm thử", hash, "05461"); err != nil {
		t.Fatal(err)
	}
	l := domain.Ledger{CommuneCode: "05461", Kind: "khai-sinh", Book: "03", YearFrom: 1990, YearTo: 1991}
	if err := store.CreateLedger(ctx, &l); err != nil {
		t.Fatal(err)
	}
	other := domain.Ledger{CommuneCode: "05464", Kind: "khai-sinh", Book: "03", YearFrom: 1990, YearTo: 1991}
	if err := store.CreateLedger(ctx, &other); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(t.TempDir(), "trang-0001.jpg")
	if err := os.WriteFile(page, []byte("not a picture"), 0o644); err != nil {
		t.Fatal(err)
	}
	ledger := func(l domain.Ledger) string { return strconv.FormatInt(l.ID, 10) }
	tests := []struct {
		name     string
		args     []string
		env      map[string]string
		vi, en   []string // in the Vietnamese and the English text
		notInVI  []string
		wantStat string // a line the station printed while running, in Vietnamese
	}{
		{name: "flag package", args: []string{"upload", "--ledger", "x", "f.jpg"},
			vi: []string{`giá trị "x" của -ledger không hợp lệ`}, en: []string{`invalid value "x" for flag -ledger`}, notInVI: []string{"invalid value"}},
		{name: "unknown flag", args: []string{"watch", "--speed", "9", "dir"},
			vi: []string{"không có tham số -speed"}, en: []string{"flag provided but not defined: -speed"}, notInVI: []string{"provided"}},
		{name: "library: config", args: []string{"upload", "f.jpg"}, env: map[string]string{"SOHOA_SERVER": srv.URL},
			vi: []string{"cần --token", "SOHOA_STATION_TOKEN"}, en: []string{"--token is required"}, notInVI: []string{"required"}},
		{name: "library: server address", args: []string{"upload", "--server", "ftp://x", "--token", "t", "--ledger", "1", "f.jpg"},
			vi: []string{`--server "ftp://x" không phải địa chỉ http:// hoặc https://`}, en: []string{"is not an http:// or https:// address"}, notInVI: []string{" is not "}},
		{name: "server: token refused", args: []string{"upload", "--server", srv.URL, "--token", "sst_wrong", "--ledger", ledger(l), page},
			vi: []string{"--token: máy chủ từ chối mã trạm (401 Chưa xác thực: ", "sohoa token create"}, en: []string{"--token: the server refused the station token (401 Unauthorized: "},
			notInVI: []string{"refused", "Unauthorized"}},
		{name: "server: another commune's ledger", args: []string{"upload", "--server", srv.URL, "--token", token, "--ledger", ledger(other), page},
			vi: []string{"--token: máy chủ từ chối mã trạm (403 Không có quyền: "}, en: []string{"(403 Forbidden: "}, notInVI: []string{"Forbidden"}},
		{name: "server: no such ledger", args: []string{"upload", "--server", srv.URL, "--token", token, "--ledger", "999999", page},
			vi: []string{"--ledger 999999: máy chủ không có sổ này (404 Không tìm thấy: "}, en: []string{"--ledger 999999: the server has no such ledger (404 Not Found: "},
			notInVI: []string{"no such", "Not Found"}},
		{name: "server: page refused", args: []string{"upload", "--server", srv.URL, "--token", token, "--ledger", ledger(l), page},
			vi: []string{"1 trong 1 tệp chưa gửi được"}, en: []string{"1 of 1 files were not sent"}, wantStat: "bị từ chối " + page + " (trang 1): gửi làm trang 1: 415 Loại tệp không được nhận: Loại tệp không được hỗ trợ"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			getenv := func(k string) string { return tc.env[k] }
			var status strings.Builder
			err := run(ctx, tc.args, io.Discard, &status, getenv, false)
			if err == nil {
				t.Fatal("got no error")
			}
			vi := errorText(err, tc.args, getenv)
			for _, want := range tc.vi {
				if !strings.Contains(vi, want) {
					t.Errorf("Vietnamese: got %q, want %q in it", vi, want)
				}
			}
			for _, bad := range tc.notInVI {
				if strings.Contains(vi, bad) {
					t.Errorf("Vietnamese: got %q, with the English %q", vi, bad)
				}
			}
			if tc.wantStat != "" && !strings.Contains(status.String(), tc.wantStat) {
				t.Errorf("station output: got %q, want %q in it", status.String(), tc.wantStat)
			}
			if tc.wantStat != "" && strings.Contains(status.String(), "rejected") {
				t.Errorf("station output in English: %q", status.String())
			}
			enArgs := append([]string{tc.args[0], "--lang", "en"}, tc.args[1:]...)
			err = run(ctx, enArgs, io.Discard, io.Discard, getenv, false)
			en := errorText(err, enArgs, getenv)
			for _, want := range tc.en {
				if !strings.Contains(en, want) {
					t.Errorf("English: got %q, want %q in it", en, want)
				}
			}
		})
	}
}

// -h shows the flags' placeholders and defaults in Vietnamese, and never a token taken from
// the environment.
func TestHelpHidesTheToken(t *testing.T) {
	t.Parallel()
	env := map[string]string{"SOHOA_STATION_TOKEN": "sst_secret_value", "SOHOA_SERVER": "https://sohoa.example.vn"}
	var out strings.Builder
	_ = run(context.Background(), []string{"watch", "-h"}, io.Discard, &out, func(k string) string { return env[k] }, false)
	got := out.String()
	if strings.Contains(got, "sst_secret_value") {
		t.Errorf("-h shows the token:\n%s", got)
	}
	for _, want := range []string{"-stable THỜI_GIAN", "(mặc định 2s)", "-token MÃ", "(mặc định https://sohoa.example.vn)"} {
		if !strings.Contains(got, want) {
			t.Errorf("watch -h: %q missing from\n%s", want, got)
		}
	}
	if strings.Contains(got, "(default") {
		t.Errorf("watch -h says \"default\" in English:\n%s", got)
	}
}
