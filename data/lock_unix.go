//go:build unix

package data

import (
	"errors"
	"os"
	"syscall"
	"time"
)

// lockShared takes a shared lock on the file (as a read-only Open does),
// waiting up to DefaultTimeout: a podium that has it open is writing it.
func lockShared(f *os.File, path string) error {
	deadline := time.Now().Add(DefaultTimeout)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) {
			return nil // no locks on this file system: read all the same
		}
		if time.Now().After(deadline) {
			return &InUseError{Path: path, Waited: DefaultTimeout}
		}
		time.Sleep(50 * time.Millisecond)
	}
}
