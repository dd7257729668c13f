package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// TestPrintKey: p on the election screen prints the round's paper through
// Options.Print and answers in the status line; p typed in the check-in
// box is a letter of the search, never a print.
func TestPrintKey(t *testing.T) {
	sess := electionSession(t, 118)
	calls := 0
	m := newModel(sess, Options{Lang: "zh", Actor: "host", Now: func() time.Time { return t0 },
		Print: func() (string, []string, error) {
			calls++
			return "/tmp/paper-x", []string{"a.html", "a.pdf", "z.html"}, nil
		}})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	m.Show(screenAttendance, nil)
	typeText(m, "p")
	if calls != 0 || att(m).Query() != "p" {
		t.Fatalf("p in the check-in box: %d prints, query %q", calls, att(m).Query())
	}
	m.Show(screenElection, nil)
	_, cmd := m.Update(tea.KeyPressMsg{Code: 'p', Text: "p"})
	if cmd == nil {
		t.Fatal("p on the election screen gives no command")
	}
	m.Update(cmd())
	if calls != 1 {
		t.Fatalf("%d prints", calls)
	}
	if s := screen(m); !strings.Contains(s, "已生成 3 个文件") || !strings.Contains(s, "/tmp/paper-x") {
		t.Errorf("the status line does not answer:\n%s", s)
	}
}
