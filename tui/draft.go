package tui

import (
	"encoding/json"

	"podium/tui/common"
)

// Drafts keeps, outside the record, what a terminal was doing, so that
// after a restart it opens where it was: the screen and the agenda item
// it showed, and work not yet saved as a command (a ballot being keyed).
// Load returns the actor's draft (nil: none); Save keeps it. Package data
// keeps them beside the database (data.Drafts); the CLI and serve wire it.
type Drafts interface {
	Load(actor string) ([]byte, error)
	Save(actor string, draft []byte) error
}

// draft is what a terminal keeps: its format is the screens' own.
type draft struct {
	V      int                                 `json:"v"` // 1
	Screen common.ScreenID                     `json:"screen"`
	Item   int                                 `json:"item"` // the current agenda item then
	Side   sideMode                            `json:"side"`
	Parts  map[common.ScreenID]json.RawMessage `json:"parts,omitempty"`
}

// draftOf is the terminal's draft now.
func (m *Model) draftOf() []byte {
	d := draft{V: 1, Screen: m.cur.id, Item: m.c.Snap.Item, Side: m.side}
	for _, s := range m.screens {
		if dr, ok := s.s.(common.Drafter); ok {
			if b := dr.Draft(); b != nil {
				if d.Parts == nil {
					d.Parts = map[common.ScreenID]json.RawMessage{}
				}
				d.Parts[s.id] = b
			}
		}
	}
	b, _ := json.Marshal(d)
	return b
}

// keepDraft saves the draft when it changed. A draft that cannot be
// saved is said once in the status line; the record is not affected.
func (m *Model) keepDraft() {
	if m.drafts == nil {
		return
	}
	b := m.draftOf()
	if string(b) == string(m.saved) {
		return
	}
	if err := m.drafts.Save(m.c.Actor, b); err != nil {
		if !m.draftFailed {
			m.draftFailed = true
			m.c.Say(common.Failed(m.c.Texts.DraftNotKept(err.Error())))
		}
		return
	}
	m.saved, m.draftFailed = b, false
}

// restore puts the terminal back where its draft says: the screens' work
// in progress, and the screen it showed if the agenda has not moved on.
func (m *Model) restore() {
	if m.drafts == nil {
		return
	}
	b, err := m.drafts.Load(m.c.Actor)
	if err != nil {
		m.c.Say(common.Failed(m.c.Texts.DraftNotRead(err.Error())))
		return
	}
	var d draft
	if b == nil || json.Unmarshal(b, &d) != nil || d.V != 1 {
		return
	}
	m.saved = b
	for _, s := range m.screens {
		if dr, ok := s.s.(common.Drafter); ok {
			if part, ok := d.Parts[s.id]; ok {
				dr.Restore(part)
			}
		}
	}
	if d.Side >= sideAgenda && d.Side <= sideHidden {
		m.side = d.Side
	}
	if d.Item != m.c.Snap.Item {
		return // the agenda moved on meanwhile: its screen is shown
	}
	for _, s := range m.screens {
		// A screen shown by its key, or the item's; not one another
		// screen showed for a moment (the vote on a motion), whose
		// context is gone.
		if s.id == d.Screen && m.sees(s) && (s.key.Enabled() || s.id == m.itemScreenID()) {
			m.cur = s
			if s.id != m.itemScreenID() {
				s.s.Update(common.ShownMsg{})
			}
			return
		}
	}
}

// itemScreenID is the id of the current item's screen, "" for none.
func (m *Model) itemScreenID() common.ScreenID {
	if s := m.itemScreen(m.c.Snap.Item); s != nil {
		return s.id
	}
	return ""
}
