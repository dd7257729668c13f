package tui

import (
	"strings"
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/files"
	"podium/session"
	votescreen "podium/tui/screens/election"
)

// roleModel returns a model of role r at 80×24 (or w×h) at the fixed clock.
func roleModel(t *testing.T, sess *session.Session, r session.Role, actor string, w, h int) *Model {
	t.Helper()
	m := newModel(sess, Options{Lang: "zh", Actor: actor, Role: r, Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func seqOf(sess *session.Session) (n uint64) {
	sess.Read(func(st *session.State) { n = st.Seq })
	return n
}

// helpBindings are every binding the help footer offers, short and full.
func helpBindings(m *Model) []key.Binding {
	h := m.helpKeys()
	out := append([]key.Binding(nil), h.ShortHelp()...)
	for _, col := range h.FullHelp() {
		out = append(out, col...)
	}
	return out
}

// offers reports whether the help footer offers b.
func offers(m *Model, b key.Binding) bool {
	for _, o := range helpBindings(m) {
		if helpID(o) == helpID(b) {
			return true
		}
	}
	return false
}

func wantOffers(t *testing.T, m *Model, yes, no []key.Binding) {
	t.Helper()
	for _, b := range yes {
		if !offers(m, b) {
			t.Errorf("the help does not offer %s %s", b.Help().Key, b.Help().Desc)
		}
	}
	for _, b := range no {
		if offers(m, b) {
			t.Errorf("the help offers %s %s", b.Help().Key, b.Help().Desc)
		}
	}
}

const deskRefused = "本终端（签到台）无权进行此操作"

// TestDeskRole: the desk has the attendance screen only; host keys,
// other screens, the note and the export are refused and not offered.
func TestDeskRole(t *testing.T) {
	sess := demoSession(t)
	exported := 0
	m := newModel(sess, Options{Lang: "zh", Actor: "desk:门口一", Role: session.RoleDesk, Now: func() time.Time { return t0 },
		Export: func() (string, []string, error) { exported++; return "", nil, nil }})
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.cur.id != screenAttendance {
		t.Fatalf("the desk opens on screen %s", m.cur.id)
	}
	before := seqOf(sess)
	ctrl(m, 'n')
	ctrl(m, 'n')
	if !strings.Contains(screen(m), deskRefused) {
		t.Fatalf("no refusal:\n%s", screen(m))
	}
	for _, r := range []rune{'o', 'o', 'e', 'e', 'p', 'p'} {
		ctrl(m, r)
	}
	for n := 2; n <= 8; n++ {
		fkey(m, n)
		fkey(m, n)
		if m.cur.id != screenAttendance || m.ask != nil {
			t.Fatalf("f%d left the attendance screen (%s) or opened an input", n, m.cur.id)
		}
	}
	if got := seqOf(sess); got != before {
		t.Fatalf("the desk's forbidden keys executed %d events", got-before)
	}
	if exported != 0 {
		t.Fatal("the desk exported the records")
	}
	if m.pending != nil {
		t.Fatalf("a host action is pending: %v", m.pending)
	}
	k := m.c.Keys
	wantOffers(t, m, []key.Binding{k.Mark, k.Leave, k.Left, k.Undo}, []key.Binding{
		k.NextItem, k.PrevItem, k.EndItem, k.Declare, k.AddNote, k.Export,
		k.ToItem, k.ToElection, k.ToQuestions, k.ToMotions, k.ToAgenda,
	})
	// The desk still checks in.
	m.Update(tea.KeyPressMsg{Code: tea.KeyEscape})
	var id, name string
	sess.Read(func(st *session.State) {
		for i, a := range st.Attendance {
			if a.Status == session.NotArrived {
				id, name = st.Setup.Roster[i].ID, st.Setup.Roster[i].Name
				return
			}
		}
	})
	m.Update(tea.PasteMsg{Content: name})
	press(m, tea.KeyEnter)
	if status(t, sess, id) != session.Present {
		t.Fatalf("the desk could not check in %s:\n%s", name, screen(m))
	}
}

func TestGoldenDesk(t *testing.T) {
	m := roleModel(t, demoSession(t), session.RoleDesk, "desk:门口一", 80, 24)
	checkFrame(t, m, 80, 24)
	golden(t, "desk_zh_80x24", screen(m))
}

// TestTellerRole: a teller opens on the election, keys ballots, and takes
// none of the host's steps.
func TestTellerRole(t *testing.T) {
	sess := electionSession(t, 118)
	host := newTestModel(t, sess, "zh", 80, 24)
	setupRound(t, host, "118", "118")

	m := roleModel(t, sess, session.RoleTeller, "teller:甲", 80, 24)
	if m.cur.id != screenElection {
		t.Fatalf("the teller opens on screen %s", m.cur.id)
	}
	k := m.c.Keys
	wantOffers(t, m, []key.Binding{k.Vote.Ballots, k.Vote.Tally}, []key.Binding{
		k.Vote.Next, k.Vote.Vacant, k.NextItem, k.EndItem, k.Declare, k.AddNote, k.ToDesk, k.ToItem, k.ToAgenda,
	})
	before := seqOf(sess)
	enter(m)
	if !strings.Contains(screen(m), "本终端（计票）无权进行此操作") {
		t.Fatalf("enter on a host step was not refused:\n%s", screen(m))
	}
	enter(m)
	if m.pending != nil {
		t.Fatal("the teller was asked to confirm a host step")
	}
	ctrl(m, 'n')
	ctrl(m, 'n')
	for _, n := range []int{1, 2, 4, 5, 6, 7} {
		fkey(m, n)
		if m.cur.id != screenElection || m.ask != nil {
			t.Fatalf("f%d left the election screen (%s)", n, m.cur.id)
		}
	}
	if got := seqOf(sess); got != before {
		t.Fatalf("the teller's forbidden keys executed %d events", got-before)
	}
	// Ballot entry is the teller's.
	press(m, 'b')
	if mode := voteOf(m).Mode(); mode != votescreen.ModeBallot {
		t.Fatalf("b did not open ballot entry (mode %d)", mode)
	}
	typeText(m, "ooooxoooooo oox")
	enter(m)
	if n := len(entries(sess, "teller:甲")); n != 1 {
		t.Fatalf("%d ballots keyed by the teller, want 1:\n%s", n, screen(m))
	}
}

// TestSecretaryRole: the secretary has the item, questions, motions and
// agenda screens, notes; no agenda moves, no check-in, no votes.
func TestSecretaryRole(t *testing.T) {
	sess := demoSession(t)
	m := roleModel(t, sess, session.RoleSecretary, "secretary:秘书处", 120, 40)
	if m.cur.id != screenItem {
		t.Fatalf("the secretary opens on screen %s", m.cur.id)
	}
	k := m.c.Keys
	wantOffers(t, m, []key.Binding{k.AddNote, k.ToQuestions, k.ToMotions, k.ToAgenda},
		[]key.Binding{k.NextItem, k.EndItem, k.Declare, k.ToDesk, k.ToElection})
	before := seqOf(sess)
	ctrl(m, 'n')
	ctrl(m, 'n')
	if !strings.Contains(screen(m), "本终端（秘书处）无权进行此操作") {
		t.Fatalf("no refusal:\n%s", screen(m))
	}
	ctrl(m, 'o')
	ctrl(m, 'o')
	fkey(m, 1)
	fkey(m, 3)
	if m.cur.id != screenItem {
		t.Fatalf("f1/f3 moved the secretary to screen %s", m.cur.id)
	}
	// The agenda is read-only.
	fkey(m, 6)
	if m.cur.id != screenAgenda {
		t.Fatalf("f6: screen %s", m.cur.id)
	}
	wantOffers(t, m, nil, []key.Binding{k.Walk.Jump, k.Walk.Skip})
	press(m, tea.KeyDown)
	enter(m)
	enter(m)
	press(m, 's')
	if m.ask != nil {
		t.Fatal("s opened the skip reason")
	}
	// Motions: no vote.
	fkey(m, 5)
	if m.cur.id != screenMotions {
		t.Fatalf("f5: screen %s", m.cur.id)
	}
	wantOffers(t, m, []key.Binding{k.Floor.File}, []key.Binding{k.Floor.Vote})
	press(m, 'v')
	if m.cur.id != screenMotions {
		t.Fatalf("v moved the secretary to screen %s", m.cur.id)
	}
	if got := seqOf(sess); got != before {
		t.Fatalf("the secretary's forbidden keys executed %d events", got-before)
	}
	// Notes are the secretary's.
	fkey(m, 7)
	typeText(m, "代表提前到场")
	enter(m)
	var notes []session.Note
	sess.Read(func(st *session.State) { notes = append(notes, st.Notes...) })
	if len(notes) != 1 || notes[0].Text != "代表提前到场" || notes[0].By != "secretary:秘书处" {
		t.Fatalf("notes %+v:\n%s", notes, screen(m))
	}
}

// TestPrepScreen: f9 shows the delegates' composition against the seed's
// targets and the committee's surplus, from package prep.
func TestPrepScreen(t *testing.T) {
	s := files.Demo()
	sess := newSession(t, s)
	m := newTestModel(t, sess, "zh", 120, 40)
	press(m, tea.KeyF9)
	scr := screen(m)
	for _, want := range []string{"筹备 · 代表构成", "正式代表 122 名 · 大会日期 2026-11-30", "女性", "49/122", "符合",
		"委员会选举：候选人 15 名，应选 13 名，差额 15.4%"} {
		if !strings.Contains(scr, want) {
			t.Errorf("no %q in\n%s", want, scr)
		}
	}
	checkFrame(t, m, 120, 40)
	golden(t, "prep_zh_120x40", scr)
	m = newTestModel(t, sess, "en", 80, 24)
	press(m, tea.KeyF9)
	checkFrame(t, m, 80, 24)
}
