// Package authtest gives tests password hashes that are quick to check.
package authtest

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"testing"

	"golang.org/x/crypto/argon2"

	"github.com/sohoa/sohoa/auth"
)

// QuickHash hashes password with argon2id in the format auth.HashPassword writes, but with
// parameters far below production's (1 MiB, 1 pass, 1 lane instead of 64 MiB, 3 passes, 2
// lanes). auth.CheckPassword reads the parameters from the hash, so a test's login goes through
// the same code in milliseconds instead of the seconds production's cost takes under the race
// detector on a busy machine (a 55-clerk test spent over 10 minutes logging in). Never for real
// accounts; auth's own tests check production's parameters.
func QuickHash(tb testing.TB, password string) string {
	tb.Helper()
	const memory, time, threads, keyLen = 1024, 1, 1, 32
	salt := make([]byte, 16)
	_, _ = rand.Read(salt)
	key := argon2.IDKey([]byte(password), salt, time, memory, threads, keyLen)
	b64 := base64.RawStdEncoding.EncodeToString
	hash := fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, memory, time, threads, b64(salt), b64(key))
	if ok, err := auth.CheckPassword(hash, password); err != nil || !ok {
		tb.Fatalf("quick hash is not accepted by auth.CheckPassword: %v", err)
	}
	return hash
}
