package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

// hashLen is the length of the link to the previous record that starts
// every stored value.
const hashLen = sha256.Size

// Append stores recs in one fsync'd transaction: all of them or none. The
// first must have Seq one more than the last stored (Head), the others
// follow without gaps; otherwise Append returns a *SeqError and stores
// nothing. When it returns nil the records survive a crash.
//
// If a commit fails (a full disk, an I/O error) the call returns the
// error and the next Append first reopens the file and checks that its
// last event is still the last one acknowledged, then tries again: once
// space is freed, appending goes on without a restart. If the file's last
// event has moved, the store refuses every later Append.
func (s *Store) Append(recs []session.Record) error { return s.append(recs, nil) }

// append stores recs as Append does; links, when given, are the links the
// records were stored with in another log (AppendStored), each of which
// must be the hash of the record before it here.
func (s *Store) append(recs []session.Record, links [][]byte) error {
	if len(recs) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return ErrReadOnly
	}
	if s.fenced != nil {
		return s.fenced
	}
	if s.broken != nil {
		return fmt.Errorf("data: append refused: %w", s.broken)
	}
	if s.failed != nil {
		if err := s.reopen(); err != nil {
			return fmt.Errorf("data: append %d event(s) from %d: %w", len(recs), recs[0].Seq, err)
		}
	}
	for i, r := range recs {
		if want := s.seq + uint64(i) + 1; r.Seq != want {
			return &SeqError{Want: want, Got: r.Seq}
		}
	}
	if err := checkLinks(s.hash, recs, links); err != nil {
		return err
	}
	var (
		hash    = s.hash
		last    uint64
		keys    = make([]byte, 8*len(recs))
		headVal = make([]byte, 8+hashLen)
	)
	s.dbMu.RLock()
	err := guard(s.path, "appending", func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			b := tx.Bucket(bucketEvents)
			b.FillPercent = 1.0 // keys only ever grow: fill each page
			for i, r := range recs {
				k := keys[8*i : 8*i+8 : 8*i+8]
				binary.BigEndian.PutUint64(k, r.Seq)
				// bbolt keeps the slices until commit: one fresh value each.
				v := make([]byte, hashLen+len(r.Data))
				copy(v, hash[:])
				copy(v[hashLen:], r.Data)
				if err := b.Put(k, v); err != nil {
					return err
				}
				hash, last = sha256.Sum256(v), r.Seq
			}
			binary.BigEndian.PutUint64(headVal, last)
			copy(headVal[8:], hash[:])
			if err := tx.Bucket(bucketMeta).Put(keyHead, headVal); err != nil {
				return err
			}
			return s.addRuns(tx, recs)
		})
	})
	s.dbMu.RUnlock()
	if s.pendingRuns != nil {
		if err == nil {
			s.runs = s.pendingRuns
		}
		s.pendingRuns = nil
	}
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			s.broken = err
		} else {
			s.failed = err
		}
		return fmt.Errorf("data: append %d event(s) from %d: %w", len(recs), recs[0].Seq, err)
	}
	s.seq, s.hash = last, hash
	s.notify()
	return nil
}

// reopen closes and reopens the file after a failed commit, whose effect
// on the file is unknown (after a failed fsync, even the page cache may be
// ahead of the disk), and checks that the file's last event is the last
// one acknowledged. It is called with s.mu held.
func (s *Store) reopen() error {
	s.dbMu.Lock()
	defer s.dbMu.Unlock()
	s.db.Close() // after a failed commit its error says nothing new
	db, err := openBolt(s.path, s.opts)
	if err != nil {
		return fmt.Errorf("the last commit failed (%v) and reopening the file failed: %w", s.failed, err)
	}
	var (
		seq    uint64
		hash   [32]byte
		broken error
	)
	err = guard(s.path, "reading the last event", func() error {
		return db.View(func(tx *bolt.Tx) error {
			seq, hash, broken = s.loadHead(tx)
			return nil
		})
	})
	if err == nil {
		err = broken
	}
	if err == nil && (seq != s.seq || hash != s.hash) {
		err = fmt.Errorf("after a failed commit (%v) %s ends at event %d, not at event %d as acknowledged; restart podium to read it again", s.failed, s.path, seq, s.seq)
	}
	s.db = db
	if err != nil {
		s.broken = err
		return err
	}
	s.failed = nil
	return nil
}

// Replay calls fn with every record in seq order and stops at the first
// error: fn's, or a *BadRecordError. It checks that the events follow each
// other without gaps and that the last one hashes to meta/head, which
// catches a log cut short or a changed last event; the links between the
// events are left to Verify, which a program should run after it is ready
// (podium's screens do, in the background), so that opening a long log
// costs no more than reading it. On an error, throw away what fn built.
// A damaged page gives a *DamageError; a panic of fn is passed on. A log
// with events in a codec newer than this podium's (meta/runs) gives a
// *VersionError naming both versions, before any record is read.
//
// The record's Data points into the read-only memory map: it must not be
// changed or kept after fn returns. fn must not call Append.
func (s *Store) Replay(fn func(session.Record) error) error { return s.replay(0, fn) }

// ReplayAfter is Replay from event after+1 on (session.TailLog): what
// brings a checkpoint's state up to date. It makes Replay's checks on the
// records it reads, and checks that event after is in its place (and,
// when it is the last, that it hashes to meta/head). An after past the
// last event is an error; ReplayAfter(0, fn) is Replay(fn).
func (s *Store) ReplayAfter(after uint64, fn func(session.Record) error) error {
	return s.replay(after, fn)
}

// replay is Replay and ReplayAfter: one loop, from the first record or
// from the one after after.
func (s *Store) replay(after uint64, fn func(session.Record) error) error {
	seq := after
	err := s.view("replaying", func(tx *bolt.Tx) error {
		var cb callback
		defer cb.pass()
		if runs, err := readRuns(tx); err != nil {
			return err
		} else if err := s.checkRuns(runs); err != nil {
			return err
		}
		head := tx.Bucket(bucketMeta).Get(keyHead)
		if len(head) != 8+hashLen {
			return &BadRecordError{Seq: 1, Reason: "meta/head is missing or malformed"}
		}
		headSeq := binary.BigEndian.Uint64(head)
		c := tx.Bucket(bucketEvents).Cursor()
		var k, v []byte
		if after == 0 {
			k, v = c.First()
		} else {
			if after > headSeq {
				return fmt.Errorf("data: replay after event %d: the log ends at event %d", after, headSeq)
			}
			var key [8]byte
			binary.BigEndian.PutUint64(key[:], after)
			if k, v = c.Seek(key[:]); k == nil {
				return &BadRecordError{Seq: after, Reason: "missing (the log ends before it)"}
			}
			if err := checkPlace(k, v, after); err != nil {
				return err
			}
			if after == headSeq {
				if err := checkHead(after, v, head); err != nil {
					return err
				}
			}
			k, v = c.Next()
		}
		for ; k != nil; k, v = c.Next() {
			if err := checkPlace(k, v, seq+1); err != nil {
				return err
			}
			seq++
			cb.in = true
			err := fn(session.Record{Seq: seq, Data: v[hashLen:]})
			cb.in = false
			if err != nil {
				return err
			}
			if seq == headSeq {
				if err := checkHead(seq, v, head); err != nil {
					return err
				}
			}
		}
		if seq != headSeq {
			return &BadRecordError{Seq: min(seq, headSeq) + 1, Reason: fmt.Sprintf(
				"the log ends at event %d but meta/head says %d", seq, headSeq)}
		}
		return nil
	})
	var de *DamageError
	if errors.As(err, &de) && de.Seq == 0 {
		de.Seq = seq + 1
	}
	return err
}

// checkHead checks that v, the stored value of event seq, the last,
// hashes to meta/head's hash (head).
func checkHead(seq uint64, v, head []byte) error {
	if h := sha256.Sum256(v); !bytes.Equal(h[:], head[8:]) {
		return &BadRecordError{Seq: seq, Reason: "changed after it was written: its hash does not match meta/head"}
	}
	return nil
}

// checkPlace checks that key k holds a record for event want.
func checkPlace(k, v []byte, want uint64) error {
	switch {
	case len(k) != 8:
		return &BadRecordError{Seq: want, Reason: fmt.Sprintf("a %d-byte key %s is stored in its place", len(k), shortKey(k))}
	case v == nil:
		return &BadRecordError{Seq: want, Reason: "a bucket is stored in its place"}
	}
	got := binary.BigEndian.Uint64(k)
	switch {
	case got > want:
		return &BadRecordError{Seq: want, Reason: fmt.Sprintf("missing (the next stored event is %d)", got)}
	case got < want:
		return &BadRecordError{Seq: want, Reason: fmt.Sprintf("event %d is stored in its place", got)}
	case len(v) < hashLen:
		return &BadRecordError{Seq: want, Reason: fmt.Sprintf("it is %d bytes, shorter than its %d-byte link", len(v), hashLen)}
	}
	return nil
}
