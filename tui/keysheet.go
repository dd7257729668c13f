package tui

import (
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"

	"podium/tui/common"
)

// The help the frame draws from the key table of what is shown: the
// footer (the most important keys that fit, then always "? all keys") and
// the key sheet that ? puts in place of the screen (every key of the
// table once, in its columns). The footer is built once per table, role
// and width and kept until one of them changes.

// footCache is the footer last built and what it was built from.
type footCache struct {
	sig  string
	line string
}

// kept is the table of what is shown less the keys the terminal's role
// may not use: the frame's keys a screen shows are guarded as the frame's
// bindings are.
func (m *Model) kept() []common.Binding {
	frameKeys := m.frameKeys()
	table := m.table()
	kept := make([]common.Binding, 0, len(table))
	for _, b := range table {
		g := b
		if b.Do == nil {
			for _, fb := range frameKeys {
				if sameKey(b.Key, fb.Key) {
					g = fb
					break
				}
			}
		}
		if g.Permits(m.c.Role, m.c.OnlyGroup) {
			kept = append(kept, b)
		}
	}
	return kept
}

// helpKeys is the help of what is shown: the footer's keys and the
// sheet's columns.
func (m *Model) helpKeys() helpMap {
	short, full := common.Help(m.kept())
	return helpMap{short, full}
}

// helpMap is a key table as the help reads it.
type helpMap struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp is the footer's keys.
func (h helpMap) ShortHelp() []key.Binding { return h.short }

// FullHelp is the columns of ?.
func (h helpMap) FullHelp() [][]key.Binding { return h.full }

// sameKey reports whether binding a's first key is one of b's.
func sameKey(a, b key.Binding) bool {
	ks := a.Keys()
	if len(ks) == 0 {
		return false
	}
	for _, k := range b.Keys() {
		if k == ks[0] {
			return true
		}
	}
	return false
}

// isHelp reports whether b is the ? key.
func isHelp(b key.Binding) bool {
	ks := b.Keys()
	return len(ks) == 1 && ks[0] == "?"
}

// footer is the one-line help: the table's footer keys in their order, as
// many as fit, then "? all keys" (while ? is a key: not while a text is
// typed, when ? is a character).
func (m *Model) footer(w int) string {
	short := m.helpKeys().short
	withHelp := !m.typing()
	var sig strings.Builder
	sig.WriteString(string(m.c.Role))
	sig.WriteString(" " + strconv.Itoa(w))
	if m.sheet {
		sig.WriteString("#sheet")
	}
	if withHelp {
		sig.WriteString("#?")
	}
	for _, b := range short {
		sig.WriteString("\x00" + b.Help().Key + "\x01" + b.Help().Desc)
	}
	if sig.String() == m.foot.sig {
		return m.foot.line
	}
	m.foot.sig = sig.String()
	m.foot.line = m.buildFooter(short, withHelp, w)
	return m.foot.line
}

// buildFooter lays out the footer's keys within w columns.
func (m *Model) buildFooter(short []key.Binding, withHelp bool, w int) string {
	st, t := m.c.Styles.Help, m.c.Texts
	sep := st.ShortSeparator.Render(" · ")
	item := func(k, d string) string { return st.ShortKey.Render(k) + " " + st.ShortDesc.Render(d) }
	var tail string
	if withHelp {
		desc := t.HelpMore
		if m.sheet {
			desc = t.HelpHelp
		}
		tail = item("?", desc)
	}
	room := w - common.Width(tail)
	if tail != "" {
		room -= common.Width(sep)
	}
	var parts []string
	used := 0
	for _, b := range short {
		if isHelp(b) {
			continue
		}
		p := item(b.Help().Key, b.Help().Desc)
		pw := common.Width(p)
		if len(parts) > 0 {
			pw += common.Width(sep)
		}
		if used+pw > room {
			break
		}
		parts = append(parts, p)
		used += pw
	}
	if tail != "" {
		parts = append(parts, tail)
	}
	return common.Cut(strings.Join(parts, sep), w)
}

// sheetLines is the key sheet: every key of the table once, in the
// columns of the table, laid side by side while they fit and below one
// another when they do not; exactly h lines of w columns.
func (m *Model) sheetLines(w, h int) []string {
	s, t := m.c.Styles, m.c.Texts
	full := m.helpKeys().full
	lines := []string{s.Title.Render(t.SheetTitle), ""}
	var blocks [][]string
	for _, col := range full {
		kw := 0
		for _, b := range col {
			kw = max(kw, common.Width(b.Help().Key))
		}
		var block []string
		for _, b := range col {
			block = append(block, s.Help.FullKey.Render(common.Fit(b.Help().Key, kw))+"  "+s.Help.FullDesc.Render(b.Help().Desc))
		}
		blocks = append(blocks, block)
	}
	// Side by side, as many columns per band as fit.
	const gap = 4
	for len(blocks) > 0 {
		n, used := 0, 0
		for n < len(blocks) {
			bw := blockWidth(blocks[n])
			if n > 0 && used+gap+bw > w {
				break
			}
			if n > 0 {
				used += gap
			}
			used += bw
			n++
		}
		band := blocks[:n]
		blocks = blocks[n:]
		rows := 0
		for _, b := range band {
			rows = max(rows, len(b))
		}
		for r := 0; r < rows; r++ {
			var l strings.Builder
			for j, b := range band {
				cell := ""
				if r < len(b) {
					cell = b[r]
				}
				if j < len(band)-1 {
					cell = common.Fit(cell, blockWidth(b)+gap)
				}
				l.WriteString(cell)
			}
			lines = append(lines, l.String())
		}
		if len(blocks) > 0 {
			lines = append(lines, "")
		}
	}
	if m.fingerprint != "" {
		lines = common.Block(lines, w, h)
		lines[h-1] = s.Dim.Render(common.Fit(t.HostKey(m.fingerprint), w))
	}
	return common.Block(lines, w, h)
}

func blockWidth(b []string) int {
	w := 0
	for _, l := range b {
		w = max(w, common.Width(l))
	}
	return w
}
