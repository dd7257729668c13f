package data

import (
	bolt "go.etcd.io/bbolt"
)

// Stored is one stored record as it lies in the file: its seq, its link
// (the SHA-256 of the previous stored value, zeros for the first) and the
// event's bytes. The hash of the record is sha256(Link || Data).
type Stored struct {
	Seq  uint64
	Link []byte
	Data []byte
}

// Records calls fn with every stored record in seq order, link included,
// for podium log; it checks their places (no gap, no stray key) but not
// the chain (Verify does). Link and Data point into the read-only memory
// map: they must not be changed or kept after fn returns.
func (s *Store) Records(fn func(Stored) error) error {
	return s.view("listing the events", func(tx *bolt.Tx) error {
		var seq uint64
		var cb callback
		defer cb.pass()
		c := tx.Bucket(bucketEvents).Cursor()
		for k, v := c.First(); k != nil; k, v = c.Next() {
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
