//go:build linux

package data

import (
	"os"
	"syscall"
	"unsafe"

	"golang.org/x/sys/unix"
)

// mmapFlags returns how bbolt is to map the file at path: pre-faulted
// (MAP_POPULATE) unless every page of it is in the page cache already.
// bbolt advises MADV_RANDOM, so without it a cold replay reads the file
// one page fault at a time (STACK.md: 1.5 s → 33 ms for 100k events from
// a cold cache); but when the file is cached — a podium restarted, a file
// just written — pre-faulting every page costs more than the faults of a
// replay, which map the cached pages around each fault (measured here:
// opening and replaying the realistic congress's 4 MiB log, 0.3 ms of
// MAP_POPULATE against no fault cost to speak of). cachestat(2) (Linux
// 6.5) says how many pages are cached in one call; before it, mincore on
// a mapping of our own, not faulted in (0.1 ms for 4 MiB).
func mmapFlags(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return syscall.MAP_POPULATE // bbolt will say what is wrong
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() <= 0 || fi.Size() > 1<<40 {
		return syscall.MAP_POPULATE
	}
	page := int64(os.Getpagesize())
	pages := uint64((fi.Size() + page - 1) / page)
	var c unix.Cachestat_t
	if unix.Cachestat(uint(f.Fd()), &unix.CachestatRange{Off: 0, Len: 0}, &c, 0) == nil { // Len 0: to the end
		if c.Cache >= pages {
			return 0
		}
		return syscall.MAP_POPULATE
	}
	m, err := syscall.Mmap(int(f.Fd()), 0, int(fi.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return syscall.MAP_POPULATE
	}
	defer syscall.Munmap(m)
	vec := make([]byte, pages)
	if _, _, e := syscall.Syscall(syscall.SYS_MINCORE, uintptr(unsafe.Pointer(&m[0])), uintptr(len(m)), uintptr(unsafe.Pointer(&vec[0]))); e != 0 {
		return syscall.MAP_POPULATE
	}
	for _, v := range vec {
		if v&1 == 0 {
			return syscall.MAP_POPULATE
		}
	}
	return 0
}

// mapCheckpointFile maps the checkpoint file at path read-only instead of
// reading it: its bytes are the page cache's, not a copy on the heap (for
// the realistic congress, 1.7 MB that the collector would otherwise
// clear, fault in and collect at every start: half the time to ready).
// release unmaps it; until then, reading it may fault if the file is cut
// short under the map (podium replaces it by renaming, never in place),
// so read it under guard. An empty file is read, not mapped.
func mapCheckpointFile(path string) ([]byte, func(), error) {
	return openCheckpointFile(path, func(f *os.File, size int) ([]byte, func(), error) {
		if size == 0 {
			return nil, func() {}, nil
		}
		b, err := unix.Mmap(int(f.Fd()), 0, size, unix.PROT_READ, unix.MAP_SHARED)
		if err != nil {
			return nil, nil, err
		}
		return b, func() { unix.Munmap(b) }, nil
	})
}
