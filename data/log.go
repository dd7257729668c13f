package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
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
// If a commit fails (a full disk, an I/O error) the store refuses every
// later Append: after a failed fsync the file's state is unknown until it
// is reopened.
func (s *Store) Append(recs []session.Record) error {
	if len(recs) == 0 {
		return nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return ErrReadOnly
	}
	if s.broken != nil {
		return fmt.Errorf("data: append refused: %w", s.broken)
	}
	for i, r := range recs {
		if want := s.seq + uint64(i) + 1; r.Seq != want {
			return &SeqError{Want: want, Got: r.Seq}
		}
	}
	var (
		hash    = s.hash
		last    uint64
		staged  bool
		keys    = make([]byte, 8*len(recs))
		headVal = make([]byte, 8+hashLen)
	)
	err := s.db.Update(func(tx *bolt.Tx) error {
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
		staged = true
		return nil
	})
	if err != nil {
		if staged {
			s.broken = fmt.Errorf("a commit failed, so the state of %s is unknown; reopen it: %w", s.path, err)
		}
		return fmt.Errorf("data: append %d event(s) from %d: %w", len(recs), recs[0].Seq, err)
	}
	s.seq, s.hash = last, hash
	return nil
}

// Replay calls fn with every record in seq order and stops at the first
// error: fn's, or a *BadRecordError. It checks that the events follow each
// other without gaps and that the last one hashes to meta/head, which
// catches a log cut short or a changed last event; the links between the
// events are left to Verify, which a program should run after it is ready
// (podium's screens do, in the background), so that opening a long log
// costs no more than reading it. On an error, throw away what fn built.
//
// The record's Data points into the read-only memory map: it must not be
// changed or kept after fn returns. fn must not call Append.
func (s *Store) Replay(fn func(session.Record) error) error {
	return s.db.View(func(tx *bolt.Tx) error {
		head := tx.Bucket(bucketMeta).Get(keyHead)
		if len(head) != 8+hashLen {
			return &BadRecordError{Seq: 1, Reason: "meta/head is missing or malformed"}
		}
		headSeq := binary.BigEndian.Uint64(head)
		var seq uint64
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
			if err := checkPlace(k, v, seq+1); err != nil {
				return err
			}
			seq++
			if err := fn(session.Record{Seq: seq, Data: v[hashLen:]}); err != nil {
				return err
			}
			if seq == headSeq {
				if h := sha256.Sum256(v); !bytes.Equal(h[:], head[8:]) {
					return &BadRecordError{Seq: seq, Reason: "changed after it was written: its hash does not match meta/head"}
				}
			}
		}
		if seq != headSeq {
			return &BadRecordError{Seq: min(seq, headSeq) + 1, Reason: fmt.Sprintf(
				"the log ends at event %d but meta/head says %d", seq, headSeq)}
		}
		return nil
	})
}

// Verify recomputes the whole chain and checks the file's page structure.
// It returns the number of events and the hash of the last stored value
// (what `podium verify` prints), or a *BadRecordError naming the first bad
// event (events is then the number of good events before it), or a
// *DamagedError.
func (s *Store) Verify() (events int, last [32]byte, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		var n uint64
		n, last, err = s.walk(tx, nil)
		events = int(n)
		if err != nil {
			return err
		}
		var problems []string
		for e := range tx.Check() {
			problems = append(problems, e.Error())
		}
		if len(problems) > 0 {
			return &DamagedError{Path: s.path, Problems: problems}
		}
		return nil
	})
	if err != nil {
		last = [32]byte{}
	}
	return events, last, err
}

// walk checks the chain over the events bucket, calling fn (if not nil)
// with each record found good. It returns the last good seq and its hash.
//
// A record whose link (first 32 bytes) does not match the hash of the one
// before means that the one before was changed, or this link was. The
// next link (or meta/head after the last record) tells which: if it still
// matches this record, this record is unchanged and the one before is bad.
func (s *Store) walk(tx *bolt.Tx, fn func(session.Record) error) (seq uint64, hash [32]byte, err error) {
	inFn := false
	defer func() {
		if p := recover(); p != nil {
			if inFn {
				panic(p)
			}
			err = &DamagedError{Path: s.path, Problems: []string{fmt.Sprintf("reading after event %d: %v", seq, p)}}
		}
	}()
	head := tx.Bucket(bucketMeta).Get(keyHead)
	if len(head) != 8+hashLen {
		return 0, hash, &BadRecordError{Seq: 1, Reason: "meta/head is missing or malformed"}
	}
	headSeq := binary.BigEndian.Uint64(head)
	c := tx.Bucket(bucketEvents).Cursor()
	for k, v := c.First(); k != nil; k, v = c.Next() {
		want := seq + 1
		if err := checkPlace(k, v, want); err != nil {
			return seq, hash, err
		}
		if !bytes.Equal(v[:hashLen], hash[:]) {
			// Which one changed? Look at the link after this record.
			var next []byte
			if k2, v2 := c.Next(); k2 != nil && checkPlace(k2, v2, want+1) == nil {
				next = v2[:hashLen]
			} else if k2 == nil && headSeq == want {
				next = head[8:]
			}
			h := sha256.Sum256(v)
			if next != nil && bytes.Equal(next, h[:]) && want > 1 {
				return seq - 1, hash, &BadRecordError{Seq: seq, Reason: fmt.Sprintf(
					"changed after it was written: its hash no longer matches the link stored in event %d", want)}
			}
			if want == 1 {
				return seq, hash, &BadRecordError{Seq: want, Reason: "changed after it was written: its link is not zero"}
			}
			return seq, hash, &BadRecordError{Seq: want, Reason: fmt.Sprintf(
				"changed after it was written: its link does not match the hash of event %d", seq)}
		}
		hash = sha256.Sum256(v)
		seq = want
		if fn != nil {
			inFn = true
			err := fn(session.Record{Seq: seq, Data: v[hashLen:]})
			inFn = false
			if err != nil {
				return seq, hash, err
			}
		}
	}
	switch {
	case headSeq > seq:
		return seq, hash, &BadRecordError{Seq: seq + 1, Reason: fmt.Sprintf(
			"missing: the log ends at event %d but meta/head says %d (events were cut off the end)", seq, headSeq)}
	case headSeq < seq:
		return headSeq, hash, &BadRecordError{Seq: headSeq + 1, Reason: fmt.Sprintf(
			"not written by podium: meta/head says the log ends at event %d", headSeq)}
	case !bytes.Equal(head[8:], hash[:]):
		return seq - 1, hash, &BadRecordError{Seq: seq, Reason: "changed after it was written: its hash does not match meta/head"}
	}
	return seq, hash, nil
}

// checkPlace checks that key k holds a record for event want.
func checkPlace(k, v []byte, want uint64) error {
	switch {
	case len(k) != 8:
		return &BadRecordError{Seq: want, Reason: fmt.Sprintf("a %d-byte key %x is stored in its place", len(k), k)}
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
