package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Verify recomputes the whole chain and checks the file's page structure.
// It returns the number of events and the hash of the last stored value
// (what `podium verify` prints), or a *BadRecordError naming the first bad
// event (events is then the number of good events before it), or a
// *DamageError when pages are damaged.
//
// Verify reads the file with plain reads, not through bbolt's memory map,
// so that no damage can crash it; a read transaction held meanwhile keeps
// the pages it reads from being reused by appends made during the check.
func (s *Store) Verify() (events int, last [32]byte, err error) {
	f, err := os.Open(s.path)
	if err != nil {
		return 0, last, fmt.Errorf("data: verify: %w", err)
	}
	defer f.Close()
	// The meta page of the read transaction is found by its id; a meta
	// page is rewritten two commits later, so under a fast writer it may
	// take more than one try.
	for try := 0; ; try++ {
		var pinned bool
		err = s.view("verifying", func(tx *bolt.Tx) error {
			fi, err := f.Stat()
			if err != nil {
				return err
			}
			pf, err := readHeaderAt(s.path, f, fi.Size(), uint64(tx.ID()))
			if errors.Is(err, errNotPinned) {
				return nil
			} else if err != nil {
				return err
			}
			pinned = true
			if s.readOnly {
				// No writer can be writing the other header page: check it.
				if full, err := readHeader(s.path, f, fi.Size()); err == nil && full.meta == pf.meta {
					pf.damagedMeta = full.damagedMeta
				}
			}
			events, last, err = verifyPages(pf)
			return err
		})
		if pinned || err != nil {
			return events, last, err
		}
		if try == 100 {
			return 0, last, fmt.Errorf("data: verify %s: the file kept changing; try again", s.path)
		}
	}
}

// verifyFile verifies a log file that no process writes (a copy) with
// plain reads only: its header, its page structure and its chain.
func verifyFile(path string) (events int, last [32]byte, err error) {
	events, last, _, err = verifyCopy(path)
	return events, last, err
}

// verifyPages walks the whole file from its meta page: the page structure
// (tree) and the chain of the events bucket up to meta/head.
func verifyPages(pf *pageFile) (events int, last [32]byte, err error) {
	t := newTree(pf)
	if pf.damagedMeta != "" {
		t.problem("%s; the file is read as of the commit before, so the last commit may be missing", pf.damagedMeta)
	}
	var c linkCheck
	var head, app []byte
	buckets := map[string]bool{}
	t.root(func(bucket string, e element) {
		buckets[bucket] = true
		switch bucket {
		case "events":
			c.add(e.key, e.value)
		case "meta":
			switch string(e.key) {
			case string(keyHead):
				head = e.value
			case string(keyApp):
				app = e.value
			}
		}
	})
	t.finish()
	if !buckets["events"] && !buckets["meta"] && len(t.problems) == 0 {
		return 0, last, &NotLogError{Path: pf.path, Reason: "the file holds no congress", Err: ErrEmptyFile}
	}
	if len(t.problems) == 0 && string(app) != appName {
		return 0, last, &NotLogError{Path: pf.path, Reason: fmt.Sprintf("meta/app is %q", shortText(app))}
	}
	seq, last, err := c.end(head)
	if derr := t.damage(); derr != nil {
		de := derr.(*DamageError)
		var bad *BadRecordError
		if errors.As(err, &bad) {
			de.Seq = bad.Seq
			de.Problems = append(de.Problems, fmt.Sprintf("so event %d: %s", bad.Seq, bad.Reason))
		}
		return int(seq), [32]byte{}, de
	}
	if err != nil {
		return int(seq), [32]byte{}, err
	}
	return int(seq), last, nil
}

// linkCheck checks the events, given in key order, link by link, and then
// against meta/head. A record whose link (first 32 bytes) does not match
// the hash of the one before means that the one before was changed, or
// this link was; the next link (or meta/head after the last record) tells
// which: if it still matches this record, this record is unchanged and
// the one before is bad. So a bad link is judged one record later.
type linkCheck struct {
	seq      uint64   // the last good event
	hash     [32]byte // its hash
	prevHash [32]byte // the hash of the one before it
	err      error    // the first bad event

	suspect *[32]byte // the hash of event seq+1, whose link failed
}

// add checks the next record of the events bucket.
func (c *linkCheck) add(k, v []byte) {
	if c.err != nil {
		return
	}
	want := c.seq + 1
	if c.suspect != nil {
		var next []byte
		if checkPlace(k, v, want+1) == nil {
			next = v[:hashLen]
		}
		c.judge(next)
		return
	}
	if err := checkPlace(k, v, want); err != nil {
		c.err = err
		return
	}
	h := sha256.Sum256(v)
	if !bytes.Equal(v[:hashLen], c.hash[:]) {
		c.suspect = &h
		return
	}
	c.seq, c.prevHash, c.hash = want, c.hash, h
}

// judge decides about the suspect record, given the link that follows it
// (nil when there is none).
func (c *linkCheck) judge(next []byte) {
	want := c.seq + 1
	switch {
	case next != nil && bytes.Equal(next, c.suspect[:]) && want > 1:
		c.seq, c.hash = c.seq-1, c.prevHash
		c.err = &BadRecordError{Seq: want - 1, Reason: fmt.Sprintf(
			"changed after it was written: its hash no longer matches the link stored in event %d", want)}
	case want == 1:
		c.err = &BadRecordError{Seq: want, Reason: "changed after it was written: its link is not zero"}
	default:
		c.err = &BadRecordError{Seq: want, Reason: fmt.Sprintf(
			"changed after it was written: its link does not match the hash of event %d", want-1)}
	}
	c.suspect = nil
}

// end finishes the check with meta/head and returns the last good event
// and its hash, and the first bad event as a *BadRecordError.
func (c *linkCheck) end(head []byte) (seq uint64, hash [32]byte, err error) {
	if len(head) != 8+hashLen {
		if c.err == nil {
			c.err = &BadRecordError{Seq: 1, Reason: "meta/head is missing or malformed"}
		}
		return c.seq, c.hash, c.err
	}
	headSeq := binary.BigEndian.Uint64(head)
	if c.suspect != nil {
		var next []byte
		if headSeq == c.seq+1 {
			next = head[8:]
		}
		c.judge(next)
	}
	if c.err != nil {
		return c.seq, c.hash, c.err
	}
	switch {
	case headSeq > c.seq:
		return c.seq, c.hash, &BadRecordError{Seq: c.seq + 1, Reason: fmt.Sprintf(
			"missing: the log ends at event %d but meta/head says %d (events were cut off the end)", c.seq, headSeq)}
	case headSeq < c.seq:
		return headSeq, c.hash, &BadRecordError{Seq: headSeq + 1, Reason: fmt.Sprintf(
			"not written by podium: meta/head says the log ends at event %d", headSeq)}
	case !bytes.Equal(head[8:], c.hash[:]):
		return c.seq - 1, c.prevHash, &BadRecordError{Seq: c.seq, Reason: "changed after it was written: its hash does not match meta/head"}
	}
	return c.seq, c.hash, nil
}

// shortText quotes at most 32 bytes of a value for a message.
func shortText(b []byte) string {
	if len(b) > 32 {
		return string(b[:32]) + "…"
	}
	return string(b)
}
