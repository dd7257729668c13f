package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
)

// Per-role screens (issue 6): a terminal sees only what its role may do.
// The desk has the check-in screen only; a teller the election screen,
// with ballot and tally entry but none of the host's steps; the
// secretary the item, questions, motions and (read-only) agenda screens,
// notes and the export. Keys outside the role are left out of the help
// and answered with the role's calm refusal; nothing is executed. The
// core refuses them all the same (session.Permitted). The host and the
// zero Role see everything.

// restricted reports whether this terminal's role narrows the screens.
func (m *Model) restricted() bool {
	switch m.c.Role {
	case session.RoleDesk, session.RoleTeller, session.RoleSecretary:
		return true
	}
	return false
}

// allowed reports whether the role may see screen sc.
func (m *Model) allowed(sc screenKind) bool {
	switch m.c.Role {
	case session.RoleDesk:
		return sc == screenAttendance
	case session.RoleTeller:
		return sc == screenElection
	case session.RoleSecretary:
		switch sc {
		case screenItem, screenQuestions, screenMotions, screenAgenda, screenPrep:
			return true
		}
		return false
	}
	return true
}

// home is the screen a role opens on, and falls back to.
func (m *Model) home() screenKind {
	switch m.c.Role {
	case session.RoleTeller:
		return screenElection
	case session.RoleSecretary:
		return screenItem
	}
	return screenAttendance
}

// settle moves a restricted terminal off a screen its role may not see.
func (m *Model) settle() {
	if !m.allowed(m.screen) {
		m.screen = m.home()
	}
}

// frameForbidden are the frame's keys (screens, host steps, common.Note, export)
// the role may not use; they apply even while a form has the keyboard.
func (m *Model) frameForbidden() []key.Binding {
	k := m.c.Keys
	host := []key.Binding{k.NextItem, k.PrevItem, k.EndItem, k.Declare}
	switch m.c.Role {
	case session.RoleDesk:
		return append(host, k.ToItem, k.ToElection, k.ToQuestions, k.ToMotions, k.ToAgenda, k.AddNote, k.Export, k.ToPrep)
	case session.RoleTeller:
		return append(host, k.ToDesk, k.ToItem, k.ToQuestions, k.ToMotions, k.ToAgenda, k.AddNote, k.Export, k.ToPrep)
	case session.RoleSecretary:
		return append(host, k.ToDesk, k.ToElection)
	}
	return nil
}

// screenForbidden are the keys of the screen shown the role may not use:
// the election's host steps for a teller; the agenda's start and skip,
// the motion's vote and a review's ratings for the secretary.
func (m *Model) screenForbidden() []key.Binding {
	if m.typing() {
		return nil
	}
	k := m.c.Keys
	switch m.c.Role {
	case session.RoleTeller:
		if m.screen == screenElection {
			return []key.Binding{k.Vote.Next, k.Vote.Vacant}
		}
	case session.RoleSecretary:
		switch m.screen {
		case screenAgenda:
			return []key.Binding{k.Walk.Jump, k.Walk.Skip}
		case screenMotions:
			return []key.Binding{k.Floor.Vote}
		case screenItem:
			if m.itemS.reviewing() {
				f := k.Floor
				return []key.Binding{f.Excellent, f.Pass, f.Fail, f.Comment}
			}
		}
	}
	return nil
}

// roleRefuses answers a key the role may not use with the calm refusal;
// it reports whether it did.
func (m *Model) roleRefuses(msg tea.KeyPressMsg) bool {
	if !m.restricted() {
		return false
	}
	for _, b := range append(m.frameForbidden(), m.screenForbidden()...) {
		if key.Matches(msg, b) {
			m.pending = pendNone
			m.note = common.Info(m.c.Texts.RoleRefused(string(m.c.Role)))
			return true
		}
	}
	return false
}

// roleHelp leaves out of a screen's help the keys the role may not use.
type roleHelp struct {
	inner help.KeyMap
	out   map[string]bool // help key + desc of the forbidden bindings
}

func (m *Model) roleHelp(h help.KeyMap) help.KeyMap {
	if !m.restricted() {
		return h
	}
	out := map[string]bool{}
	for _, b := range append(m.frameForbidden(), m.screenForbidden()...) {
		out[helpID(b)] = true
	}
	return roleHelp{inner: h, out: out}
}

func helpID(b key.Binding) string { return b.Help().Key + "\x00" + b.Help().Desc }

func (h roleHelp) keep(bs []key.Binding) []key.Binding {
	var kept []key.Binding
	for _, b := range bs {
		if !h.out[helpID(b)] {
			kept = append(kept, b)
		}
	}
	return kept
}

// ShortHelp is the screen's short help without the forbidden keys.
func (h roleHelp) ShortHelp() []key.Binding { return h.keep(h.inner.ShortHelp()) }

// FullHelp is the screen's full help without the forbidden keys; emptied
// columns are dropped.
func (h roleHelp) FullHelp() [][]key.Binding {
	var cols [][]key.Binding
	for _, col := range h.inner.FullHelp() {
		if kept := h.keep(col); len(kept) > 0 {
			cols = append(cols, kept)
		}
	}
	return cols
}
