//go:build !unix

package data

import "os"

// lockShared does nothing where flock is missing.
func lockShared(*os.File, string) error { return nil }
