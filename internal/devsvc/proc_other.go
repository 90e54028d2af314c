//go:build !linux

package devsvc

import "os/exec"

func setProcAttr(cmd *exec.Cmd) {}
