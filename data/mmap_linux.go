//go:build linux

package data

import "syscall"

// mmapFlags pre-faults the whole file when bbolt maps it. bbolt advises
// MADV_RANDOM, so without it a cold replay reads the file one page fault at
// a time (STACK.md: 1.5 s → 33 ms for 100k events from a cold cache). A
// warm open pays ~3 ms for a 32 MiB file (100k events) to set up the
// mappings.
const mmapFlags = syscall.MAP_POPULATE
