package data

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sync"
)

// Drafts keeps each terminal's work in progress beside the database, in
// podium.db.drafts: the screen it showed and a ballot being keyed, so that
// after a crash podium reopens where it was. It is not part of the record
// — not in the hash chain, not verified, not exported, not backed up: a
// draft becomes part of the record only when the terminal saves it as a
// command. A lost or damaged drafts file loses nothing but keystrokes not
// yet saved.
//
// The file is one JSON object, a draft (opaque bytes, JSON themselves) per
// terminal's actor. Each Save rewrites it through a temporary file and a
// rename, so the file is whole after a crash of podium at any moment; it
// is not fsync'd (a draft is not worth an fsync per keystroke), so a power
// cut may lose the last drafts.
type Drafts struct {
	path string
	mu   sync.Mutex
}

// DraftsPath is the drafts file of the database at db.
func DraftsPath(db string) string { return db + ".drafts" }

// OpenDrafts returns the drafts kept beside the database at db. Nothing
// is read or written until Load or Save.
func OpenDrafts(db string) *Drafts { return &Drafts{path: DraftsPath(db)} }

// RemoveDrafts removes the drafts beside the database at db (a new
// congress in that file starts with none).
func RemoveDrafts(db string) error {
	err := os.Remove(DraftsPath(db))
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// Load returns actor's draft, nil when there is none. A drafts file that
// cannot be read is an error naming it.
func (d *Drafts) Load(actor string) ([]byte, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	all, err := d.read()
	if err != nil {
		return nil, err
	}
	return all[actor], nil
}

// Save keeps draft as actor's (nil or empty: forgets actor's).
func (d *Drafts) Save(actor string, draft []byte) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	all, err := d.read()
	if err != nil {
		all = map[string]json.RawMessage{} // a damaged file is replaced
	}
	if len(draft) == 0 {
		delete(all, actor)
	} else {
		if !json.Valid(draft) {
			return fmt.Errorf("drafts: %s's draft is not JSON", actor)
		}
		all[actor] = json.RawMessage(draft)
	}
	b, err := json.Marshal(all)
	if err != nil {
		return err
	}
	if err := writeAtomic(d.path, b); err != nil {
		return fmt.Errorf("drafts: %w", err)
	}
	return nil
}

// read reads the whole file; a missing file holds no drafts.
func (d *Drafts) read() (map[string]json.RawMessage, error) {
	b, err := os.ReadFile(d.path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]json.RawMessage{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("drafts: %w", err)
	}
	all := map[string]json.RawMessage{}
	if err := json.Unmarshal(b, &all); err != nil {
		return nil, fmt.Errorf("drafts: %s is damaged: %v", d.path, err)
	}
	return all, nil
}
