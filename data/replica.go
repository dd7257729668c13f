package data

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"

	bolt "go.etcd.io/bbolt"

	"podium/session"
)

// Copies of a log (a mirror file, a standby's database) hold the same
// stored values as the log they copy: the same records with the same
// links, so the same chain and the same head. AppendStored writes them,
// checking each link; RecordsFrom and HashAt read the original; Notify
// tells a copier of each commit; Compare finds where two logs part.

// ForkError: a record given to AppendStored does not link to this log's
// last event: the log it comes from differs from this one at event Seq or
// before it (two writers extended the same chain). Nothing was stored.
type ForkError struct {
	Seq uint64 // the last event of this log the record should have linked to
}

// Error names the event.
func (e *ForkError) Error() string {
	return fmt.Sprintf("data: the logs differ: the next record does not link to event %d here (two podiums wrote this congress; run podium verify --against to find where they part)", e.Seq)
}

// AppendStored appends records that another log stored (Records,
// RecordsFrom), links included, in one fsync'd transaction, as Append
// does: the first must follow Head, and each link must be the hash of the
// record before it here — so the copy has the same chain as the original
// and the same head. A record that does not link gives a *ForkError and
// nothing is stored. Each record's codec is read from its first byte.
func (s *Store) AppendStored(recs []Stored) error {
	if len(recs) == 0 {
		return nil
	}
	rs := make([]session.Record, len(recs))
	links := make([][]byte, len(recs))
	for i, r := range recs {
		rs[i] = session.Record{Seq: r.Seq, Data: r.Data, Codec: session.RecordCodec(r.Data)}
		links[i] = r.Link
	}
	return s.append(rs, links)
}

// checkLinks checks that each link is the hash of the record before it,
// starting from hash (the last stored). No links: nothing to check.
func checkLinks(hash [32]byte, recs []session.Record, links [][]byte) error {
	if links == nil {
		return nil
	}
	v := make([]byte, 0, 256)
	for i, r := range recs {
		if !bytes.Equal(links[i], hash[:]) {
			return &ForkError{Seq: r.Seq - 1}
		}
		v = append(append(v[:0], links[i]...), r.Data...)
		hash = sha256.Sum256(v)
	}
	return nil
}

// RecordsFrom calls fn with every stored record from event from on, in
// order, as Records does. Link and Data point into the memory map: copy
// what is kept after fn returns.
func (s *Store) RecordsFrom(from uint64, fn func(Stored) error) error {
	if from < 1 {
		from = 1
	}
	return s.view("reading the events", func(tx *bolt.Tx) error {
		seq := from - 1
		var cb callback
		defer cb.pass()
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.Seek(be64(from)); k != nil; k, v = c.Next() {
			if err := checkPlace(k, v, seq+1); err != nil {
				return err
			}
			seq++
			cb.in = true
			err := fn(Stored{Seq: seq, Link: v[:hashLen], Data: v[hashLen:]})
			cb.in = false
			if err != nil {
				return err
			}
		}
		return nil
	})
}

// HashAt returns the hash of event seq's stored value (the link of the
// event after it); zeros for seq 0. A seq beyond the last event is a
// *BadRecordError.
func (s *Store) HashAt(seq uint64) (hash [32]byte, err error) {
	if seq == 0 {
		return hash, nil
	}
	err = s.view("reading an event", func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketEvents).Get(be64(seq))
		if len(v) < hashLen {
			return &BadRecordError{Seq: seq, Reason: "not in this log"}
		}
		hash = sha256.Sum256(v)
		return nil
	})
	return hash, err
}

// Notify sends on ch, without blocking, after each commit (Append,
// AppendStored): a copier waiting for new events. The returned function
// stops it.
func (s *Store) Notify(ch chan<- struct{}) (cancel func()) {
	s.notesMu.Lock()
	defer s.notesMu.Unlock()
	if s.notes == nil {
		s.notes = map[int]chan<- struct{}{}
	}
	id := s.nextID
	s.nextID++
	s.notes[id] = ch
	return func() {
		s.notesMu.Lock()
		delete(s.notes, id)
		s.notesMu.Unlock()
	}
}

// notify tells the copiers of a commit.
func (s *Store) notify() {
	s.notesMu.Lock()
	defer s.notesMu.Unlock()
	for _, ch := range s.notes {
		select {
		case ch <- struct{}{}:
		default: // one is pending already
		}
	}
}

// Comparison is how two logs relate, event by event (Compare).
type Comparison struct {
	// Same is the number of events both logs hold alike, from event 1:
	// the same stored values, so the same chain up to there.
	Same uint64
	// Len and OtherLen are the number of events of each log.
	Len, OtherLen uint64
}

// Forked reports whether the logs part: both go on after Same, each
// differently. Otherwise one is the other's beginning (or both are
// alike).
func (c Comparison) Forked() bool { return c.Same < c.Len && c.Same < c.OtherLen }

// Compare reads s and other side by side and says how far they are alike
// (their stored values, link and record, equal). Run Verify on each as
// well: Compare does not check the chains.
func (s *Store) Compare(other *Store) (c Comparison, err error) {
	err = s.view("comparing", func(tx *bolt.Tx) error {
		return other.view("comparing", func(otx *bolt.Tx) error {
			a, b := tx.Bucket(bucketEvents).Cursor(), otx.Bucket(bucketEvents).Cursor()
			ka, va := a.First()
			kb, vb := b.First()
			alike := true
			for ka != nil || kb != nil {
				if ka != nil {
					if err := checkPlace(ka, va, c.Len+1); err != nil {
						return err
					}
					c.Len++
				}
				if kb != nil {
					if err := checkPlace(kb, vb, c.OtherLen+1); err != nil {
						return &BadRecordError{Seq: c.OtherLen + 1, Reason: other.path + ": " + err.(*BadRecordError).Reason}
					}
					c.OtherLen++
				}
				if alike && ka != nil && kb != nil && bytes.Equal(va, vb) {
					c.Same++
				} else {
					alike = false
				}
				if ka != nil {
					ka, va = a.Next()
				}
				if kb != nil {
					kb, vb = b.Next()
				}
			}
			return nil
		})
	})
	return c, err
}

// keyFenced is meta/fenced: the takeover of this log by another podium,
// once this podium has learned of it (Fence): the takeover event's seq
// (8 bytes big-endian), its link (32 bytes) and its record.
var keyFenced = []byte("fenced")

// readFence reads meta/fenced (nil when the log was never taken over).
func readFence(tx *bolt.Tx) (*session.FencedError, error) {
	v := tx.Bucket(bucketMeta).Get(keyFenced)
	if v == nil {
		return nil, nil
	}
	if len(v) < 8+hashLen {
		return nil, &BadRecordError{Seq: 1, Reason: "meta/fenced is malformed"}
	}
	e, err := session.Decode(v[8+hashLen:])
	fe, ok := session.FenceOf(e)
	if err != nil || !ok || e.Seq != binary.BigEndian.Uint64(v) {
		return nil, &BadRecordError{Seq: 1, Reason: "meta/fenced does not hold a takeover"}
	}
	return fe, nil
}

// Fenced returns the takeover of this log by another podium that this
// store has learned of (Fence), or nil. A fenced store refuses every
// append with it.
func (s *Store) Fenced() *session.FencedError {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.fenced
}

// FenceError: a takeover notice given to Fence does not prove a takeover
// of this log.
type FenceError struct{ Reason string }

// Error says why the notice was not taken.
func (e *FenceError) Error() string { return "data: fence refused: " + e.Reason }

// Fence records that another podium (a standby of this one) took this log
// over: rec is its takeover event (session.TakenOver) as it stored it.
// The notice is taken only if it proves it: its link must be the hash of
// this log's event before it, so the podium that took over held this
// log's events up to there. From then on the store refuses every append
// with a *session.FencedError, also after a restart (meta/fenced).
// Events here after the takeover's last one (written before this podium
// learned of it) are not in the chain of the podium that took over:
// after is how many.
func (s *Store) Fence(rec Stored) (fe *session.FencedError, after uint64, err error) {
	e, err := session.Decode(rec.Data)
	if err != nil {
		return nil, 0, &FenceError{"the takeover cannot be read: " + err.Error()}
	}
	fe, ok := session.FenceOf(e)
	switch {
	case !ok:
		return nil, 0, &FenceError{fmt.Sprintf("event %d is a %s, not a takeover", e.Seq, session.KindOf(e.Body).Name)}
	case e.Seq != rec.Seq || rec.Seq < 2:
		return nil, 0, &FenceError{fmt.Sprintf("the takeover is numbered %d, given as %d", e.Seq, rec.Seq)}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.readOnly {
		return nil, 0, ErrReadOnly
	}
	if s.fenced != nil && s.fenced.Epoch >= fe.Epoch {
		return s.fenced, s.seq - min(s.seq, s.fenced.Seq-1), nil
	}
	if rec.Seq-1 > s.seq {
		return nil, 0, &FenceError{fmt.Sprintf("it follows event %d; this log ends at event %d", rec.Seq-1, s.seq)}
	}
	var v []byte
	err = s.view("reading an event", func(tx *bolt.Tx) error {
		v = bytes.Clone(tx.Bucket(bucketEvents).Get(be64(rec.Seq - 1)))
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	if h := sha256.Sum256(v); v == nil || !bytes.Equal(h[:], rec.Link) {
		return nil, 0, &FenceError{fmt.Sprintf("its link is not the hash of event %d here: it took over another log", rec.Seq-1)}
	}
	val := binary.BigEndian.AppendUint64(nil, rec.Seq)
	val = append(append(val, rec.Link...), rec.Data...)
	s.dbMu.RLock()
	err = guard(s.path, "recording the takeover", func() error {
		return s.db.Update(func(tx *bolt.Tx) error { return tx.Bucket(bucketMeta).Put(keyFenced, val) })
	})
	s.dbMu.RUnlock()
	if err != nil {
		return nil, 0, fmt.Errorf("data: fence %s: %w", s.path, err)
	}
	s.fenced = fe
	return fe, s.seq - (rec.Seq - 1), nil
}
