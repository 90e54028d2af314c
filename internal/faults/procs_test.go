//go:build faults

package faults_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"syscall"
	"testing"
	"time"
)

// procs runs the sohoa processes the suite kills: "server", "worker1", "worker2".
type procs struct {
	t    *testing.T
	bin  string
	dir  string
	env  []string
	addr string

	mu    sync.Mutex
	cmds  map[string]*exec.Cmd
	done  map[string]chan struct{}
	kills int
}

func (p *procs) start(name string) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.startLocked(name)
}

func (p *procs) startLocked(name string) error {
	if _, ok := p.cmds[name]; ok {
		return nil
	}
	verb, env := "worker", append(p.env[:len(p.env):len(p.env)], "SOHOA_WORKERS=1")
	if name == "server" {
		verb, env = "serve", append(p.env[:len(p.env):len(p.env)], "SOHOA_WORKERS=0", "SOHOA_LISTEN="+p.addr)
	}
	log, err := os.OpenFile(filepath.Join(p.dir, name+".log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	cmd := exec.Command(p.bin, verb)
	cmd.Env, cmd.Stdout, cmd.Stderr = env, log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	if err := cmd.Start(); err != nil {
		log.Close()
		return fmt.Errorf("start %s: %w", name, err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); log.Close(); close(done) }()
	p.cmds[name], p.done[name] = cmd, done
	return nil
}

// kill SIGKILLs one process (no warning, no clean-up) and waits until it is gone.
func (p *procs) kill(name string) bool {
	p.mu.Lock()
	cmd, ok := p.cmds[name]
	done := p.done[name]
	if ok {
		delete(p.cmds, name)
		p.kills++
	}
	p.mu.Unlock()
	if !ok {
		return false
	}
	_ = cmd.Process.Signal(syscall.SIGKILL)
	<-done
	return true
}

// stopAll ends every process with SIGTERM (used at the end only).
func (p *procs) stopAll() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for name, cmd := range p.cmds {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-p.done[name]:
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Signal(syscall.SIGKILL)
			<-p.done[name]
		}
		delete(p.cmds, name)
	}
}

// restartDead starts again any process that exited by itself (e.g. it could not reach the
// database at start): a supervisor such as systemd would.
func (p *procs) restartDead() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, name := range []string{"server", "worker1", "worker2"} {
		if cmd, ok := p.cmds[name]; ok {
			select {
			case <-p.done[name]:
				p.t.Logf("%s exited by itself (%v); restarting it", name, cmd.ProcessState)
				delete(p.cmds, name)
			default:
				continue
			}
		}
		if err := p.startLocked(name); err != nil {
			p.t.Log(err)
		}
	}
}

// killLoop SIGKILLs a random process every few seconds until ctx ends, and starts it again
// after a moment.
func (p *procs) killLoop(ctx context.Context, rng *rand.Rand, every time.Duration) {
	names := []string{"server", "server", "worker1", "worker2"}
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(every/2 + time.Duration(rng.Int64N(int64(every)))):
		}
		name := names[rng.IntN(len(names))]
		if p.kill(name) {
			p.t.Logf("SIGKILL %s", name)
		}
		time.Sleep(time.Duration(200+rng.IntN(1500)) * time.Millisecond)
		p.restartDead()
	}
}

func waitReady(ctx context.Context, addr string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/readyz", nil)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return nil
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return fmt.Errorf("server at %s not ready within %s", addr, within)
}
