package data

import (
	"encoding/binary"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Bucket and key names; see the package doc for the tree.
var (
	bucketMeta   = []byte("meta")
	bucketEvents = []byte("events")

	keySchema  = []byte("schema")  // 8-byte big-endian version
	keyApp     = []byte("app")     // "podium"
	keyCreated = []byte("created") // RFC 3339 UTC, when the file was made
	keyHead    = []byte("head")    // 8-byte seq | 32-byte hash of the last record
)

const appName = "podium"

// A migration upgrades the file by one schema version, inside the
// transaction that also records the new version.
type migration struct {
	name string
	up   func(tx *bolt.Tx) error
}

// migrations[i] upgrades schema i+1 to i+2. A new file is created at the
// newest version, so the layout that prepare creates is always the newest;
// add a migration here together with any change to that layout.
var migrations []migration

// SchemaVersion returns the newest schema version this build reads and
// writes: 1 plus the number of migrations.
func SchemaVersion() uint64 { return uint64(len(migrations)) + 1 }

// prepare checks the file's schema, creating the buckets of a new file or
// migrating an old one (read-write only). It writes nothing when the file
// is already current.
func (s *Store) prepare(now time.Time) error {
	var found uint64
	var fresh bool
	if err := s.view("reading the schema", func(tx *bolt.Tx) error {
		var err error
		found, fresh, err = s.readSchema(tx)
		return err
	}); err != nil {
		return err
	}
	known := SchemaVersion()
	switch {
	case fresh && s.readOnly:
		return &NotLogError{Path: s.path, Reason: "the file holds no congress", Err: ErrEmptyFile}
	case !fresh && found == 0:
		return &DamageError{Path: s.path, Problems: []string{"meta/schema is 0, a version no podium writes"}}
	case found > known:
		return &SchemaError{Path: s.path, Found: found, Known: known,
			Reason: "it was written by a newer podium; use that version"}
	case found == known:
		return nil
	case s.readOnly:
		return &SchemaError{Path: s.path, Found: found, Known: known,
			Reason: "it needs an upgrade; open it once without read-only"}
	}
	err := guard(s.path, "preparing", func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			if fresh {
				return create(tx, now)
			}
			return migrate(tx, found)
		})
	})
	if err != nil {
		if se, ok := err.(*SchemaError); ok {
			se.Path = s.path
			return se
		}
		return fmt.Errorf("data: prepare %s: %w", s.path, err)
	}
	return nil
}

// readSchema returns the file's schema version, or fresh for a bbolt file
// with no buckets at all.
func (s *Store) readSchema(tx *bolt.Tx) (version uint64, fresh bool, err error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		empty := true
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return nil })
		if empty {
			return 0, true, nil
		}
		return 0, false, &NotLogError{Path: s.path, Reason: "it has no meta bucket"}
	}
	if app := meta.Get(keyApp); string(app) != appName {
		return 0, false, &NotLogError{Path: s.path, Reason: fmt.Sprintf("meta/app is %q", shortText(app))}
	}
	v := meta.Get(keySchema)
	if len(v) != 8 {
		return 0, false, &NotLogError{Path: s.path, Reason: "meta/schema is missing or malformed"}
	}
	if tx.Bucket(bucketEvents) == nil {
		return 0, false, &NotLogError{Path: s.path, Reason: "it has no events bucket"}
	}
	return binary.BigEndian.Uint64(v), false, nil
}

// create lays out a new file at the newest schema.
func create(tx *bolt.Tx, now time.Time) error {
	meta, err := tx.CreateBucket(bucketMeta)
	if err != nil {
		return err
	}
	if _, err := tx.CreateBucket(bucketEvents); err != nil {
		return err
	}
	for _, kv := range [][2][]byte{
		{keyApp, []byte(appName)},
		{keySchema, be64(SchemaVersion())},
		{keyCreated, []byte(now.UTC().Format(time.RFC3339Nano))},
		{keyHead, make([]byte, 8+32)},
	} {
		if err := meta.Put(kv[0], kv[1]); err != nil {
			return err
		}
	}
	return nil
}

// migrate runs the migrations from version found to the newest, in order,
// in one transaction: either all apply or none.
func migrate(tx *bolt.Tx, found uint64) error {
	if found < 1 {
		return &SchemaError{Found: found, Known: SchemaVersion(), Reason: "no such version"}
	}
	for v := found; v < SchemaVersion(); v++ {
		m := migrations[v-1]
		if err := m.up(tx); err != nil {
			return &SchemaError{Found: found, Known: SchemaVersion(),
				Reason: fmt.Sprintf("migration %d→%d (%s) failed, nothing changed: %v", v, v+1, m.name, err)}
		}
		if err := tx.Bucket(bucketMeta).Put(keySchema, be64(v+1)); err != nil {
			return err
		}
	}
	return nil
}

func be64(v uint64) []byte {
	return binary.BigEndian.AppendUint64(make([]byte, 0, 8), v)
}
