package tui

import (
	"strings"
	"testing"
	"time"

	"podium/files"
	"podium/model"
	"podium/paper/deck"
	"podium/session"
	"podium/session/election"
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

// TestRehearsalVerdict: in a rehearsal, the results of the first round
// keyed from the test deck say PASS; a ballot keyed wrong says FAIL and
// which figures differ.
func TestRehearsalVerdict(t *testing.T) {
	for _, wrong := range []bool{false, true} {
		setup := files.Demo()
		setup.Demo, setup.Rehearsal = false, true
		sess := newSession(t, setup)
		d, err := deck.Build(setup.Election.Method, setup.Election.Candidates)
		if err != nil {
			t.Fatal(err)
		}
		var free []string
		for i, p := range setup.Roster {
			if p.Kind == model.Formal {
				mark(t, sess, p.ID, session.Present, t0.Add(-40*time.Minute+time.Duration(i)*time.Second))
				if i > 20 && len(free) < 2 {
					free = append(free, p.ID)
				}
			}
		}
		meta := session.Meta{At: t0, Actor: "host"}
		hostCmd(t, sess, session.DeclareOpen{Meta: meta})
		hostCmd(t, sess, session.AdoptMethod{Meta: meta, Method: setup.Election.Method, Vote: aye(sess)})
		hostCmd(t, sess, session.AdoptScrutineers{Meta: meta, Scrutineer: free[0], Chief: free[1], Vote: aye(sess)})
		hostCmd(t, sess, session.OpenRound{Meta: meta})
		hostCmd(t, sess, session.IssueBallots{Meta: meta, N: len(d.Tests)})
		hostCmd(t, sess, session.CollectBallots{Meta: meta, N: len(d.Tests)})
		for i, b := range d.Ballots() {
			if wrong && i == 0 {
				b.Marks = append([]election.Mark(nil), b.Marks...)
				b.Marks[9], b.Marks[10] = b.Marks[10], b.Marks[9]
			}
			hostCmd(t, sess, session.EnterBallot{Meta: session.Meta{At: t0, Actor: "teller-1", Role: session.RoleTeller}, Index: -1, Ballot: b})
		}
		hostCmd(t, sess, session.DecideRound{Meta: meta})
		m := newTestModel(t, sess, "zh", 120, 40)
		m.Show(screenElection, nil)
		s := screen(m)
		want := "演练核对 PASS"
		if wrong {
			want = "演练核对 FAIL"
		}
		if !strings.Contains(s, want) {
			t.Errorf("wrong=%v: no %q:\n%s", wrong, want, s)
		}
	}
}
