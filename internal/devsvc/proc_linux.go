package devsvc

import (
	"os/exec"
	"syscall"
)

// setProcAttr makes the child die with us, even when we are killed, so no orphan server keeps
// the data folder locked; and puts it in its own process group so a terminal's Ctrl-C reaches
// only us, and we stop it in order.
func setProcAttr(cmd *exec.Cmd) {
	if cmd.SysProcAttr == nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{}
	}
	cmd.SysProcAttr.Pdeathsig = syscall.SIGKILL
	cmd.SysProcAttr.Setpgid = true
}
