package data

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	"podium/session"
)

// SalvageReport says what Salvage saved and what it could not.
type SalvageReport struct {
	// Saved is the number of events written to the new file: events 1 to
	// Saved of the damaged one, unchanged, their chain whole.
	Saved uint64
	// Last is the last saved event as stored (its encoded form) and Hash
	// the hash of its record, which the new file's verify prints.
	Last []byte
	Hash [32]byte
	// HeadKnown tells whether the damaged file's meta/head could be read;
	// then Head is the number of events it says the log holds, so Head −
	// Saved events were lost.
	HeadKnown bool
	Head      uint64
	// Stop says why the saved events end where they do ("" when all the
	// events meta/head names were saved).
	Stop string
	// Problems are what was found damaged in the file's pages.
	Problems []string
}

// Lost is the number of events the damaged file's head names that were
// not saved (0 when the head is unknown).
func (r *SalvageReport) Lost() uint64 {
	if !r.HeadKnown || r.Head < r.Saved {
		return 0
	}
	return r.Head - r.Saved
}

// salvageBatch is how many events Salvage writes per transaction.
const salvageBatch = 1024

// Salvage reads the damaged log at bad defensively — with plain reads,
// never bbolt's memory map — and writes a new log at out holding every
// event from the first up to the first one it cannot read, whose link
// fails, or that check refuses (check may be nil; podium passes the
// session's decoder, so that the new file loads). The new log is written
// beside out, verified and then given its name; out must not exist. bad is
// never written.
//
// Events are found by walking the page tree from the file's header; where
// a page of the tree is damaged, the other pages of the file are searched
// for the missing events, and an event found there is taken only if its
// link proves it is the one the chain needs. Events beyond the head the
// file names are never taken (they were never acknowledged).
func Salvage(ctx context.Context, bad, out string, check func(session.Record) error) (*SalvageReport, error) {
	f, err := os.Open(bad)
	if err != nil {
		return nil, fmt.Errorf("data: salvage: %w", err)
	}
	defer f.Close()
	if err := lockShared(f, bad); err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("data: salvage: %w", err)
	}
	if !fi.Mode().IsRegular() {
		return nil, &NotLogError{Path: bad, Reason: "it is not a regular file"}
	}
	rep := &SalvageReport{}
	fd := readEvents(bad, f, fi.Size(), rep)
	recs := fd.follow(rep, check)
	if rep.Stop != "" && !fd.scanned {
		// The tree reads whole but the chain breaks: an older copy of
		// the page may still hold the event as it was written.
		fd.scan()
		problems := rep.Problems
		*rep = SalvageReport{Problems: problems}
		recs = fd.follow(rep, check)
	}
	if len(recs) == 0 {
		return rep, &NothingSavedError{Path: bad, Report: rep}
	}
	err = Create(ctx, out, false, func(st *Store) error {
		for i := 0; i < len(recs); i += salvageBatch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := st.Append(recs[i:min(i+salvageBatch, len(recs))]); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	return rep, nil
}

// NothingSavedError: Salvage found no event it could trust, so it wrote no
// file. It matches ErrDamaged.
type NothingSavedError struct {
	Path   string
	Report *SalvageReport
}

// Error says why.
func (e *NothingSavedError) Error() string {
	return fmt.Sprintf("data: salvage of %s: not one event could be saved: %s", e.Path, e.Report.Stop)
}

// Is reports whether target is ErrDamaged.
func (e *NothingSavedError) Is(target error) bool { return target == ErrDamaged }

// found is what readEvents found: the events of the page tree, in order
// from the first, and the candidates found elsewhere in the file.
type found struct {
	pf      *pageFile
	tree    map[uint64][]byte   // seq → stored value, from the tree
	spare   map[uint64][][]byte // seq → distinct stored values from other pages
	head    []byte              // meta/head, when the tree held it
	scanned bool                // spare holds what every page of the file has
}

// readEvents reads what can be read: the tree from the header if the
// header can be read, and then every page of the file for the events the
// tree could not give.
func readEvents(path string, f *os.File, size int64, rep *SalvageReport) *found {
	fd := &found{tree: map[uint64][]byte{}, spare: map[uint64][][]byte{}}
	pf, err := readHeader(path, f, size)
	if err != nil {
		var de *DamageError
		if errors.As(err, &de) {
			rep.Problems = append(rep.Problems, de.Problems...)
		} else {
			rep.Problems = append(rep.Problems, err.Error())
		}
	}
	if pf != nil {
		t := newTree(pf)
		t.root(func(bucket string, e element) {
			switch {
			case bucket == "events" && len(e.key) == 8 && len(e.value) >= hashLen:
				fd.tree[binary.BigEndian.Uint64(e.key)] = e.value
			case bucket == "meta" && string(e.key) == string(keyHead) && len(e.value) == 8+hashLen:
				fd.head = e.value
			}
		})
		t.finish()
		rep.Problems = append(rep.Problems, t.problems...)
		fd.pf = pf
		if pf.damagedMeta != "" {
			// The newest header may be the damaged one: its head cannot
			// be trusted to be the last, and its events may be found.
			rep.Problems = append(rep.Problems, pf.damagedMeta)
			fd.head = nil
		} else if len(t.problems) == 0 {
			return fd
		}
	} else {
		// Without a header, guess the page size from pages that name
		// themselves.
		fd.pf = &pageFile{path: path, r: f, size: size, ps: guessPageSize(f, size)}
	}
	fd.scan()
	return fd
}

// guessPageSize returns the page size at which the most of the first pages
// of the file call themselves by their number.
func guessPageSize(f *os.File, size int64) uint64 {
	best, bestN := uint64(4096), 0
	b := make([]byte, 8)
	for _, ps := range pageSizes {
		n := 0
		for id := uint64(2); id < 34 && int64((id+1)*uint64(ps)) <= size; id++ {
			if _, err := f.ReadAt(b, int64(id*uint64(ps))); err == nil && le.Uint64(b) == id {
				n++
			}
		}
		if n > bestN {
			best, bestN = uint64(ps), n
		}
	}
	return best
}

// scan reads every page of the file that calls itself by its number and
// is a leaf, and keeps the entries that look like events (an 8-byte key,
// a value at least a link long) as spare candidates.
func (fd *found) scan() {
	fd.scanned = true
	pf := fd.pf
	end := uint64(pf.size) / pf.ps
	for id := uint64(2); id < end; id++ {
		p, err := pf.readPage(id, end)
		if err != nil || le.Uint16(p[8:]) != flagLeaf {
			continue
		}
		es, err := leafElements(p)
		if err != nil {
			continue
		}
		for _, e := range es {
			if e.flags&bucketLeafFlag != 0 {
				// A small events bucket lives inline in its parent.
				if len(e.value) > bucketHdrSize+pageHeaderSize && le.Uint64(e.value) == 0 {
					if in, err := leafElements(e.value[bucketHdrSize:]); err == nil {
						for _, ie := range in {
							fd.add(ie)
						}
					}
				}
				continue
			}
			fd.add(e)
		}
	}
}

func (fd *found) add(e element) {
	if e.flags != 0 || len(e.key) != 8 || len(e.value) < hashLen {
		return
	}
	seq := binary.BigEndian.Uint64(e.key)
	for _, v := range fd.spare[seq] {
		if bytes.Equal(v, e.value) {
			return
		}
	}
	fd.spare[seq] = append(fd.spare[seq], e.value)
}

// follow builds the chain from event 1. A record is taken for event n
// when its link is the hash of event n−1 and it is confirmed: the link of
// a record found for event n+1 (or meta/head, for the last) is its hash.
// Among several, only a confirmed one is taken. An unconfirmed record is
// taken only as the last one saved and only if no confirmed record of
// event n+1 links elsewhere (which would prove it changed). It stops at
// the first event it cannot prove, at meta/head, or where check refuses.
func (fd *found) follow(rep *SalvageReport, check func(session.Record) error) []session.Record {
	var (
		recs []session.Record
		hash [32]byte
	)
	headSeq, headHash := uint64(0), []byte(nil)
	if fd.head != nil {
		rep.HeadKnown = true
		headSeq, headHash = binary.BigEndian.Uint64(fd.head), fd.head[8:]
		rep.Head = headSeq
	}
	// confirmed reports whether the record v of event seq is vouched for
	// by a later link, or by the head.
	confirmed := func(seq uint64, v []byte) bool {
		h := sha256.Sum256(v)
		if rep.HeadKnown && seq == headSeq {
			return bytes.Equal(h[:], headHash)
		}
		return fd.linksTo(seq+1, h)
	}
	for seq := uint64(1); !rep.HeadKnown || seq <= headSeq; seq++ {
		var linked, sure [][]byte
		for _, v := range fd.records(seq) {
			if bytes.Equal(v[:hashLen], hash[:]) {
				linked = append(linked, v)
				if confirmed(seq, v) {
					sure = append(sure, v)
				}
			}
		}
		var v []byte
		switch {
		case len(sure) == 1:
			v = sure[0]
		case len(sure) > 1 || len(linked) > 1:
			rep.Stop = fmt.Sprintf("event %d is stored in %d different versions, and none can be proved the right one", seq, len(linked))
		case len(linked) == 0:
			rep.Stop = fd.why(seq)
		case rep.HeadKnown && seq == headSeq:
			rep.Stop = fmt.Sprintf("event %d, the last, was changed after it was written: its hash does not match meta/head", seq)
		case fd.provedNext(seq, confirmed):
			rep.Stop = fmt.Sprintf("event %d was changed after it was written: its hash does not match the link stored in event %d", seq, seq+1)
		default:
			v = linked[0] // nothing vouches for it, nothing speaks against it
		}
		if v == nil {
			break
		}
		if check != nil {
			if err := check(session.Record{Seq: seq, Data: v[hashLen:]}); err != nil {
				rep.Stop = fmt.Sprintf("event %d cannot be read: %v", seq, err)
				break
			}
		}
		recs = append(recs, session.Record{Seq: seq, Data: v[hashLen:]})
		hash = sha256.Sum256(v)
		rep.Saved, rep.Last, rep.Hash = seq, v[hashLen:], hash
	}
	if rep.Stop == "" && !rep.HeadKnown {
		rep.Stop = fmt.Sprintf("the file's head (meta/head) cannot be read, so whether events came after event %d is unknown", rep.Saved)
	}
	return recs
}

// records returns the records found for event seq: the tree's first.
func (fd *found) records(seq uint64) [][]byte {
	v := fd.tree[seq]
	if v == nil {
		return fd.spare[seq]
	}
	out := [][]byte{v}
	for _, o := range fd.spare[seq] {
		if !bytes.Equal(o, v) {
			out = append(out, o)
		}
	}
	return out
}

// linksTo reports whether some record found for event seq links to hash h.
func (fd *found) linksTo(seq uint64, h [32]byte) bool {
	for _, v := range fd.records(seq) {
		if bytes.Equal(v[:hashLen], h[:]) {
			return true
		}
	}
	return false
}

// provedNext reports whether a record of event seq+1 is itself confirmed
// (so its link, which does not vouch for event seq, is genuine).
func (fd *found) provedNext(seq uint64, confirmed func(uint64, []byte) bool) bool {
	for _, v := range fd.records(seq + 1) {
		if confirmed(seq+1, v) {
			return true
		}
	}
	return false
}

// why says why no record of event seq links to the event before it.
func (fd *found) why(seq uint64) string {
	switch {
	case len(fd.records(seq)) == 0:
		return fmt.Sprintf("event %d cannot be read: no readable page holds it", seq)
	case seq == 1:
		return "event 1 was changed after it was written: its link is not zero"
	default:
		return fmt.Sprintf("event %d was changed after it was written: its link does not match the hash of event %d", seq, seq-1)
	}
}
