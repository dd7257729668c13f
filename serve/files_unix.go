//go:build unix

package serve

import "syscall"

// maxFiles is how many files the process may open (its soft limit), 0
// when unknown.
func maxFiles() int {
	var r syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &r); err != nil || r.Cur > 1<<30 {
		return 0
	}
	return int(r.Cur)
}
