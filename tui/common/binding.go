package common

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/session"
)

// Binding is one row of a key table, lazygit's way: the keys and their
// help, what they do, the command they lead to — the role's guard — and
// where the help shows them. A screen's table (Screen.Keys) and the
// frame's are the one source of the help footer, of ? and of the calm
// refusal of a key the terminal's role may not use.
type Binding struct {
	Key key.Binding
	// Do is what the key does; nil marks a key of the frame that a screen
	// shows in its help: the root handles it.
	Do func(tea.KeyPressMsg) tea.Cmd
	// Guard is the command the key leads to: only roles the core
	// permits it (session.Permitted) are offered and may use the key.
	// nil: every role.
	Guard session.Command
	// Short puts the key in the one-line footer; Col in column Col (from
	// 1) of the full help, 0 in none. The table's order is the help's.
	Short bool
	Col   int
	// Long is the full help's description, when it says more than the
	// footer's.
	Long string
}

// Key is a binding that runs do.
func Key(b key.Binding, do func()) Binding {
	return Binding{Key: b, Do: func(tea.KeyPressMsg) tea.Cmd { do(); return nil }}
}

// KeyMsg is a binding whose handler reads the key and may answer a
// command.
func KeyMsg(b key.Binding, do func(tea.KeyPressMsg) tea.Cmd) Binding {
	return Binding{Key: b, Do: do}
}

// FrameKey is a key of the frame (f2, ctrl+n, ? …) as a screen shows it.
func FrameKey(b key.Binding) Binding { return Binding{Key: b} }

// For guards the binding with the command it leads to.
func (b Binding) For(cmd session.Command) Binding { b.Guard = cmd; return b }

// In places the binding in the footer (short) and in column col of the
// full help (0: none).
func (b Binding) In(short bool, col int) Binding { b.Short, b.Col = short, col; return b }

// Described gives the full help a longer description.
func (b Binding) Described(long string) Binding { b.Long = long; return b }

// Permits reports whether role r, limited to group onlyGroup ("" for
// none: a group's own terminal), may use the key.
func (b Binding) Permits(r session.Role, onlyGroup string) bool {
	return b.Guard == nil || session.PermittedIn(r, onlyGroup, b.Guard)
}

// ID tells bindings apart by their help: a screen's reference to a frame
// key has the frame binding's ID.
func (b Binding) ID() string { return b.Key.Help().Key + "\x00" + b.Key.Help().Desc }

// Match returns the first binding of table whose keys match msg.
func Match(table []Binding, msg tea.KeyPressMsg) (Binding, bool) {
	for _, b := range table {
		if key.Matches(msg, b.Key) {
			return b, true
		}
	}
	return Binding{}, false
}

// Handle runs the first binding of table with a handler whose keys match
// msg; ok is false when none does.
func Handle(table []Binding, msg tea.KeyPressMsg) (cmd tea.Cmd, ok bool) {
	for _, b := range table {
		if b.Do != nil && key.Matches(msg, b.Key) {
			return b.Do(msg), true
		}
	}
	return nil, false
}

// Help is table as the help shows it: the footer's keys in the table's
// order (its order of importance) and the columns of ?, each key once — a
// key listed by the screen and again among the frame's keys, or by two
// rows, is shown by its first row only — empty columns left out.
func Help(table []Binding) (short []key.Binding, full [][]key.Binding) {
	seenShort := map[string]bool{}
	seenFull := map[string]bool{}
	for _, b := range table {
		id := firstKey(b.Key)
		if b.Short && !seenShort[id] {
			seenShort[id] = true
			short = append(short, b.Key)
		}
		if b.Col > 0 && !seenFull[id] {
			seenFull[id] = true
			for len(full) < b.Col {
				full = append(full, nil)
			}
			k := b.Key
			if b.Long != "" {
				k.SetHelp(k.Help().Key, b.Long)
			}
			full[b.Col-1] = append(full[b.Col-1], k)
		}
	}
	var cols [][]key.Binding
	for _, c := range full {
		if len(c) > 0 {
			cols = append(cols, c)
		}
	}
	return short, cols
}

// firstKey names a binding by its first key (by its help when it has
// none), so that two rows of one key count once.
func firstKey(b key.Binding) string {
	if ks := b.Keys(); len(ks) > 0 {
		return ks[0]
	}
	return b.Help().Key
}
