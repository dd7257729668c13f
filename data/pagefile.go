package data

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
)

// The bbolt file format, read with plain reads (pread) and trusting
// nothing. bbolt itself reads its file through a memory map and trusts
// every byte: a page id or a length that a damaged file gets wrong makes
// it read outside the map (a fault that kills the process) or fail one of
// its assertions (a panic). Before bbolt maps a file, Open checks its
// header here; Verify checks the whole page structure here; salvage reads
// damaged files only here. See bbolt's internal/common for the layout.
//
// bbolt writes its structures in the machine's byte order; podium runs on
// little-endian machines (amd64, arm64), and so does this reader.

const (
	pageHeaderSize = 16 // id u64 | flags u16 | count u16 | overflow u32
	elemSize       = 16 // branch: pos u32 | ksize u32 | pgid u64; leaf: flags | pos | ksize | vsize (u32)
	metaSize       = 64 // see readMeta
	bucketHdrSize  = 16 // root pgid u64 | sequence u64; root 0: the bucket's page follows inline

	boltMagic      = 0xED0CDAED
	boltVersion    = 2
	flagBranch     = 0x01
	flagLeaf       = 0x02
	flagMeta       = 0x04
	flagFreelist   = 0x10
	bucketLeafFlag = 0x01
	noFreelist     = ^uint64(0)

	maxDepth    = 64 // a bucket tree deeper than this is a loop
	maxProblems = 20 // problems listed; the rest are counted
)

var le = binary.LittleEndian

// boltMeta is the part of a meta page that says where everything is.
type boltMeta struct {
	pageSize uint32
	root     uint64 // the root bucket's page
	freelist uint64 // the free list's page (noFreelist: not stored)
	pgid     uint64 // the high-water mark: pages [0, pgid) are in use or free
	txid     uint64
}

// readMeta reads the meta page at off and checks it: magic, version,
// checksum and that its page ids are inside the high-water mark. magic
// reports whether bbolt's magic number is there at all.
func readMeta(r io.ReaderAt, off int64) (m boltMeta, magic bool, problem string) {
	b := make([]byte, pageHeaderSize+metaSize)
	if _, err := r.ReadAt(b, off); err != nil {
		return m, false, fmt.Sprintf("cannot read the header page at byte %d: %v", off, err)
	}
	mb := b[pageHeaderSize:]
	if le.Uint32(mb[0:]) != boltMagic {
		return m, false, "no bbolt header"
	}
	if v := le.Uint32(mb[4:]); v != boltVersion {
		return m, true, fmt.Sprintf("header of bbolt format version %d", v)
	}
	h := fnv.New64a()
	h.Write(mb[:56])
	if h.Sum64() != le.Uint64(mb[56:]) {
		return m, true, "the header page's checksum does not match"
	}
	m = boltMeta{pageSize: le.Uint32(mb[8:]), root: le.Uint64(mb[16:]), freelist: le.Uint64(mb[32:]),
		pgid: le.Uint64(mb[40:]), txid: le.Uint64(mb[48:])}
	switch ps := m.pageSize; {
	case ps < 512 || ps > 1<<16 || ps&(ps-1) != 0:
		return m, true, fmt.Sprintf("the header gives a page size of %d bytes", ps)
	case m.pgid < 3 || m.root < 2 || m.root >= m.pgid:
		return m, true, fmt.Sprintf("the header's root page %d is outside its %d pages", m.root, m.pgid)
	case m.freelist != noFreelist && (m.freelist < 2 || m.freelist >= m.pgid):
		return m, true, fmt.Sprintf("the header's free-list page %d is outside its %d pages", m.freelist, m.pgid)
	}
	return m, true, ""
}

// pageFile is a bbolt file read with plain reads.
type pageFile struct {
	path string
	r    io.ReaderAt
	size int64  // bytes in the file
	ps   uint64 // page size
	meta boltMeta
	// damagedMeta says what is wrong with the other header page, when
	// only one could be read (not checked for a pinned transaction: a
	// writer may be writing the other one).
	damagedMeta string
}

// pageSizes are the page sizes tried for the second meta page when the
// first cannot be read (bbolt uses the OS page size).
var pageSizes = []uint32{4096, 16384, 65536, 8192, 32768, 2048, 1024, 512}

// readHeader reads the two meta pages and picks the one bbolt would use
// (the valid one with the higher transaction id). It returns a
// *NotLogError when the file is empty or not a bbolt file at all, and a
// *DamageError when the header is damaged or the file is shorter than the
// header says (and then, for salvage, the pageFile all the same).
func readHeader(path string, r io.ReaderAt, size int64) (*pageFile, error) {
	return readHeaderAt(path, r, size, newest)
}

// newest asks readHeaderAt for the newest valid meta page.
const newest = ^uint64(0)

// errNotPinned: readHeaderAt found no meta page of the transaction asked
// for (a writer has moved on twice since it began).
var errNotPinned = errors.New("data: the transaction's meta page was rewritten")

// readHeaderAt is readHeader with the meta page of transaction txid
// (newest: the newest valid one), for reading a snapshot of a file that
// is being written: pages reachable from it are not reused while a read
// transaction of bbolt holds it.
func readHeaderAt(path string, r io.ReaderAt, size int64, txid uint64) (*pageFile, error) {
	if size == 0 {
		return nil, &NotLogError{Path: path, Reason: "the file is empty (0 bytes)", Err: ErrEmptyFile}
	}
	m0, magic0, p0 := readMeta(r, 0)
	var metas []boltMeta
	if p0 == "" {
		metas = append(metas, m0)
	}
	var (
		p1     string
		magic1 bool
	)
	if p0 == "" {
		var m1 boltMeta
		m1, magic1, p1 = readMeta(r, int64(m0.pageSize))
		if p1 == "" && m1.pageSize != m0.pageSize {
			p1 = "its page size is not the first header's"
		}
		if p1 == "" {
			metas = append(metas, m1)
		}
	} else {
		for _, ps := range pageSizes {
			m1, magic, p := readMeta(r, int64(ps))
			if p == "" && m1.pageSize == ps {
				metas = append(metas, m1)
				p1 = ""
				break
			}
			if magic && !magic1 {
				magic1, p1 = true, p
			}
		}
	}
	if len(metas) == 0 {
		if !magic0 && !magic1 {
			return nil, &NotLogError{Path: path, Reason: "it is not a bbolt database (no bbolt header)"}
		}
		if p1 == "" {
			p1 = "no second header page found"
		}
		return nil, &DamageError{Path: path, Problems: []string{
			"both header pages are damaged: " + p0 + "; " + p1}}
	}
	m := metas[0]
	if len(metas) == 2 && metas[1].txid > m.txid {
		m = metas[1]
	}
	if txid != newest {
		found := false
		for _, mm := range metas {
			if mm.txid == txid {
				m, found = mm, true
			}
		}
		if !found {
			return nil, errNotPinned
		}
	}
	f := &pageFile{path: path, r: r, size: size, ps: uint64(m.pageSize), meta: m}
	if len(metas) == 1 && txid == newest {
		// bbolt reads the file as of the other header's commit; the
		// damaged one may have been the newest.
		if p0 != "" {
			f.damagedMeta = "header page 0: " + p0
		} else {
			f.damagedMeta = "header page 1: " + p1
		}
	}
	if need := m.pgid * f.ps; uint64(size) < need {
		return f, &DamageError{Path: path, Problems: []string{fmt.Sprintf(
			"the file is cut short: it has %d bytes, but its header says it has %d (%d pages of %d bytes)",
			size, need, m.pgid, f.ps)}}
	}
	return f, nil
}

// page reads page id with its overflow pages and checks its header: it
// must lie inside the high-water mark, call itself id and have a known
// type.
func (f *pageFile) page(id uint64) ([]byte, error) {
	if id < 2 || id >= f.meta.pgid {
		return nil, fmt.Errorf("page %d is outside the file's %d pages", id, f.meta.pgid)
	}
	return f.readPage(id, f.meta.pgid)
}

// readPage reads page id, whose overflow must end before page end.
func (f *pageFile) readPage(id, end uint64) ([]byte, error) {
	b := make([]byte, f.ps)
	if int64((id+1)*f.ps) > f.size {
		return nil, fmt.Errorf("page %d lies past the end of the file", id)
	}
	if _, err := f.r.ReadAt(b, int64(id*f.ps)); err != nil {
		return nil, fmt.Errorf("page %d cannot be read: %v", id, err)
	}
	if got := le.Uint64(b); got != id {
		return nil, fmt.Errorf("page %d calls itself page %d", id, got)
	}
	switch fl := le.Uint16(b[8:]); fl {
	case flagBranch, flagLeaf, flagFreelist:
	default:
		return nil, fmt.Errorf("page %d has the unknown type %#x", id, fl)
	}
	if ov := uint64(le.Uint32(b[12:])); ov > 0 {
		if id+1+ov > end {
			return nil, fmt.Errorf("page %d runs %d pages past the end of the file", id, id+1+ov-end)
		}
		if int64((id+1+ov)*f.ps) > f.size {
			return nil, fmt.Errorf("page %d runs past the end of the file", id)
		}
		full := make([]byte, (1+ov)*f.ps)
		copy(full, b)
		if _, err := f.r.ReadAt(full[f.ps:], int64((id+1)*f.ps)); err != nil {
			return nil, fmt.Errorf("page %d cannot be read: %v", id, err)
		}
		b = full
	}
	return b, nil
}

// overflow returns the number of overflow pages of a page read by page.
func overflow(p []byte) uint64 { return uint64(le.Uint32(p[12:])) }

// element is one entry of a leaf page: a key and a value, or a key and a
// bucket (flags bucketLeafFlag).
type element struct {
	flags uint32
	key   []byte
	value []byte
}

// leafElements parses a leaf page (or an inline bucket's page) whose
// elements must all lie inside p.
func leafElements(p []byte) ([]element, error) {
	n := uint64(le.Uint16(p[10:]))
	if pageHeaderSize+n*elemSize > uint64(len(p)) {
		return nil, fmt.Errorf("it claims %d entries, more than fit", n)
	}
	out := make([]element, n)
	for i := range n {
		off := pageHeaderSize + i*elemSize
		e := p[off:]
		pos, ks, vs := uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
		if off+pos+ks+vs > uint64(len(p)) {
			return nil, fmt.Errorf("entry %d lies outside the page", i)
		}
		k := off + pos
		out[i] = element{flags: le.Uint32(e), key: p[k : k+ks : k+ks], value: p[k+ks : k+ks+vs : k+ks+vs]}
	}
	return out, nil
}

// branch is one entry of a branch page: the first key of a child page.
type branch struct {
	key  []byte
	page uint64
}

// branchElements parses a branch page whose elements must lie inside p.
func branchElements(p []byte) ([]branch, error) {
	n := uint64(le.Uint16(p[10:]))
	if n == 0 {
		return nil, fmt.Errorf("it is a branch with no entries")
	}
	if pageHeaderSize+n*elemSize > uint64(len(p)) {
		return nil, fmt.Errorf("it claims %d entries, more than fit", n)
	}
	out := make([]branch, n)
	for i := range n {
		off := pageHeaderSize + i*elemSize
		e := p[off:]
		pos, ks := uint64(le.Uint32(e)), uint64(le.Uint32(e[4:]))
		if off+pos+ks > uint64(len(p)) {
			return nil, fmt.Errorf("entry %d lies outside the page", i)
		}
		out[i] = branch{key: p[off+pos : off+pos+ks], page: le.Uint64(e[8:])}
	}
	return out, nil
}

// freelistIDs parses a free-list page.
func freelistIDs(p []byte) ([]uint64, error) {
	n, start := uint64(le.Uint16(p[10:])), uint64(pageHeaderSize)
	if n == 0xFFFF {
		n, start = le.Uint64(p[pageHeaderSize:]), pageHeaderSize+8
	}
	if n > (uint64(len(p))-start)/8 {
		return nil, fmt.Errorf("it claims %d free pages, more than fit", n)
	}
	ids := make([]uint64, n)
	for i := range ids {
		ids[i] = le.Uint64(p[start+uint64(i)*8:])
	}
	return ids, nil
}

// shortKey writes a key for a message, at most 16 bytes of it.
func shortKey(k []byte) string {
	if len(k) > 16 {
		return fmt.Sprintf("%x… (%d bytes)", k[:16], len(k))
	}
	return fmt.Sprintf("%x", k)
}
