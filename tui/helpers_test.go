package tui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/tui/internal/fixture"
	"podium/tui/screens/agenda"
	"podium/tui/screens/attendance"
	votescreen "podium/tui/screens/election"
	"podium/tui/screens/item"
	"podium/tui/screens/motions"
	"podium/tui/screens/questions"
	"podium/tui/screens/resolution"
)

// testZone is the desk's time zone in every test (China Standard Time).
var testZone = time.FixedZone("CST", 8*3600)

// t0 is the fixed clock of the tests.
var t0 = time.Date(2026, 5, 16, 9, 30, 0, 0, testZone)

// testSetup is the congress of 122 formal delegates (fixture.Setup).
func testSetup() model.Setup { return fixture.Setup() }

// newSession opens a congress on a memory log.
func newSession(t testing.TB, s model.Setup) *session.Session {
	t.Helper()
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: t0.Add(-time.Hour), Actor: "setup"}, Setup: s})
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

// newTestModel returns a model of size w×h at the fixed clock.
func newTestModel(t testing.TB, sess *session.Session, lang string, w, h int) *Model {
	t.Helper()
	m := newModel(sess, Options{Lang: lang, Actor: "desk-1", Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// typeText sends one key press per rune.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func press(m *Model, code rune, mod ...tea.KeyMod) {
	k := tea.KeyPressMsg{Code: code}
	for _, x := range mod {
		k.Mod |= x
	}
	m.Update(k)
}

func ctrl(m *Model, r rune) { press(m, r, tea.ModCtrl) }

// screen returns the view content without ANSI codes.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// status returns the attendance status of a person.
func status(t testing.TB, sess *session.Session, id string) session.Status {
	t.Helper()
	var s session.Status
	sess.Read(func(st *session.State) {
		i, ok := st.Person(id)
		if !ok {
			t.Fatalf("no person %s", id)
		}
		s = st.Attendance[i].Status
	})
	return s
}

// mark executes a mark at a time, as another terminal would.
func mark(t testing.TB, sess *session.Session, id string, s session.Status, at time.Time) {
	t.Helper()
	if _, err := sess.Execute(session.Mark{Meta: session.Meta{At: at, Actor: "desk-2"}, Person: id, Status: s}); err != nil {
		t.Fatal(err)
	}
}

// checkFrame checks that the view has exactly h lines, none wider than w.
func checkFrame(t *testing.T, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(screen(m), "\n")
	if len(lines) != h {
		t.Errorf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%d×%d: line %d is %d columns wide: %q", w, h, i, lw, l)
		}
	}
}

// The screens by name.
const (
	screenAttendance = attendance.ID
	screenItem       = item.ID
	screenQuestions  = questions.ID
	screenMotions    = motions.ID
	screenResolution = resolution.ID
	screenElection   = votescreen.ID
	screenAgenda     = agenda.ID
)

// screenOf is m's screen id.
func screenOf[S common.Screen](m *Model, id common.ScreenID) S {
	for _, s := range m.screens {
		if s.id == id {
			return s.s.(S)
		}
	}
	panic("no screen " + id)
}

func att(m *Model) *attendance.Screen    { return screenOf[*attendance.Screen](m, attendance.ID) }
func voteOf(m *Model) *votescreen.Screen { return screenOf[*votescreen.Screen](m, votescreen.ID) }
func res(m *Model) *resolution.Screen    { return screenOf[*resolution.Screen](m, resolution.ID) }
func motionsOf(m *Model) *motions.Screen { return screenOf[*motions.Screen](m, motions.ID) }
func agendaOf(m *Model) *agenda.Screen   { return screenOf[*agenda.Screen](m, agenda.ID) }

// markAt is ballot mark i, abstain past the end.
func markAt(m []election.Mark, i int) election.Mark {
	if i < len(m) {
		return m[i]
	}
	return election.Abstain
}

// helpID tells bindings apart by their help.
func helpID(b key.Binding) string { return b.Help().Key + "\x00" + b.Help().Desc }
