package data

import (
	"fmt"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// The settings of a database, kept in its meta bucket beside the log and
// outside the chain: they say how this copy of the congress is kept on
// this machine, not what the congress decided.
const (
	// SettingMirror is the mirror file every committed event is copied
	// to (podium --mirror): a USB stick, a second disk.
	SettingMirror = "mirror"
	// SettingFollows is, on a standby's database, the podium it follows
	// (podium standby), as JSON: after a takeover it is told of it.
	SettingFollows = "follows"
)

var settings = []string{SettingMirror, SettingFollows}

// Setting returns a setting's value ("" when not set).
func (s *Store) Setting(name string) (value string, err error) {
	if !slices.Contains(settings, name) {
		return "", fmt.Errorf("data: no setting %q", name)
	}
	err = s.view("reading a setting", func(tx *bolt.Tx) error {
		value = string(tx.Bucket(bucketMeta).Get([]byte(name)))
		return nil
	})
	return value, err
}

// SetSetting sets a setting, durably; "" removes it.
func (s *Store) SetSetting(name, value string) error {
	if !slices.Contains(settings, name) {
		return fmt.Errorf("data: no setting %q", name)
	}
	if s.readOnly {
		return ErrReadOnly
	}
	s.dbMu.RLock()
	defer s.dbMu.RUnlock()
	return guard(s.path, "writing a setting", func() error {
		return s.db.Update(func(tx *bolt.Tx) error {
			if value == "" {
				return tx.Bucket(bucketMeta).Delete([]byte(name))
			}
			return tx.Bucket(bucketMeta).Put([]byte(name), []byte(value))
		})
	})
}
