//go:build !linux

package data

// mmapFlags: MAP_POPULATE is Linux-only; elsewhere bbolt maps lazily.
func mmapFlags(string) int { return 0 }

// mapCheckpointFile reads the checkpoint file: mapping it is Linux-only.
func mapCheckpointFile(path string) ([]byte, func(), error) { return readCheckpointFile(path) }
