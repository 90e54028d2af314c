package review

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"runtime"
	"sync"

	"github.com/sohoa/sohoa/auth"
)

// passwordGate runs password checks at most n at a time (each argon2id run takes 64 MiB and a
// core for a few hundred milliseconds), and checks a password against a dummy hash when the
// username does not exist, so that an unknown name costs what a known one costs.
type passwordGate struct {
	sem   chan struct{}
	check func(hash, password string) (bool, error)
	once  sync.Once
	dummy string
}

func newPasswordGate(n int, check func(hash, password string) (bool, error)) *passwordGate {
	if n <= 0 {
		// Each argon2id run keeps auth.ArgonThreads cores busy: sized to the machine, the hashes
		// running at once use every core and no more.
		n = max(1, runtime.NumCPU()/auth.ArgonThreads)
	}
	if check == nil {
		check = auth.CheckPassword
	}
	return &passwordGate{sem: make(chan struct{}, n), check: check}
}

// verify reports whether password matches hash; with known false the hash is ignored and a
// dummy one is checked instead, and the answer is always false.
func (g *passwordGate) verify(ctx context.Context, hash string, known bool, password string) (bool, error) {
	select {
	case g.sem <- struct{}{}:
	case <-ctx.Done():
		return false, ctx.Err()
	}
	defer func() { <-g.sem }()
	if !known {
		hash = g.dummyHash()
	}
	ok, err := g.check(hash, password)
	return ok && known, err
}

// dummyHash is made once, on the first unknown username, with the same parameters as real ones.
func (g *passwordGate) dummyHash() string {
	g.once.Do(func() {
		b := make([]byte, 24)
		_, _ = rand.Read(b)
		g.dummy, _ = auth.HashPassword(base64.RawURLEncoding.EncodeToString(b))
	})
	return g.dummy
}
