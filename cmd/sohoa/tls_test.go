package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sohoa/sohoa/auth"
	"github.com/sohoa/sohoa/config"
	"github.com/sohoa/sohoa/domain"
	"github.com/sohoa/sohoa/storage/storagetest"
)

// TestServeTerminatesTLS: with SOHOA_TLS_CERT/KEY the server speaks HTTPS, and the login cookie
// it sets is Secure.
func TestServeTerminatesTLS(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeSelfSigned(t, cert, key)
	a := &app{logger: storagetest.Logger(t), store: storagetest.Store(t), objects: storagetest.Objects(t),
		cfg: &config.Config{Listen: "127.0.0.1:0", TLSCert: cert, TLSKey: key, Shutdown: 5 * time.Second}}
	hash, _ := auth.HashPassword("mật khẩu thử")
	u := domain.User{Username: "quantri", Role: domain.RoleAdmin}
	if err := a.store.CreateUser(context.Background(), &u, hash, "test"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	addr, done := make(chan string, 1), make(chan error, 1)
	go func() { done <- a.serve(ctx, func(s string) { addr <- s }) }()
	defer func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	var base string
	select { // serve fails before it listens: say why instead of waiting for ever
	case a := <-addr:
		base = "https://" + a
	case err := <-done:
		done <- err
		t.Fatalf("serve ended before listening: %v", err)
	}
	client := &http.Client{
		Transport:     &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	resp, err := client.Get(base + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK || resp.TLS == nil {
		t.Fatalf("GET /healthz over HTTPS: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = client.PostForm(base+"/login", url.Values{"username": {"quantri"}, "password": {"mật khẩu thử"}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cookie := resp.Header.Get("Set-Cookie")
	if resp.StatusCode != http.StatusSeeOther || !strings.Contains(cookie, "sohoa_session=") || !strings.Contains(cookie, "Secure") || !strings.Contains(cookie, "HttpOnly") {
		t.Fatalf("login over HTTPS: got %d with cookie %q, want 303 and a Secure, HttpOnly session cookie", resp.StatusCode, cookie)
	}
}

func writeSelfSigned(t *testing.T, certPath, keyPath string) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour), DNSNames: []string{"localhost"}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	kb, err := x509.MarshalECPrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(certPath, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(keyPath, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600); err != nil {
		t.Fatal(err)
	}
}
