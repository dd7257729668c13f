//go:build !linux

package data

// mmapFlags: MAP_POPULATE is Linux-only; elsewhere bbolt maps lazily.
func mmapFlags(string) int { return 0 }
