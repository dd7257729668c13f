package tui

import (
	"strings"
	"testing"

	"podium/files"
)

// TestRehearsalMarked: a rehearsal's congress says 演练 on every screen,
// the projector's included, and in the window's title, in both languages.
func TestRehearsalMarked(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		setup := files.Demo()
		setup.Demo, setup.Rehearsal = false, true
		sess := newSession(t, setup)
		m := newTestModel(t, sess, lang, 120, 40)
		word := m.c.Texts.Rehearsal
		if !strings.Contains(m.View().WindowTitle, word) {
			t.Errorf("%s: the window title %q does not say %s", lang, m.View().WindowTitle, word)
		}
		for _, s := range m.screens {
			m.cur = s
			m.layout()
			if first := strings.SplitN(screen(m), "\n", 2)[0]; !strings.Contains(first, word) {
				t.Errorf("%s: screen %s does not say %s on its top line: %q", lang, s.id, word, first)
			}
		}
		// The real congress does not.
		m = newTestModel(t, newSession(t, files.Demo()), lang, 120, 40)
		if strings.Contains(screen(m), word) {
			t.Errorf("%s: the congress says %s", lang, word)
		}
	}
}
