package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/session/election"
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

// TestZeroReportShown: before the round's first ballot the election
// screen shows the zero report (every candidate at 0) and the key that
// prints it; once a ballot is keyed it is gone.
func TestZeroReportShown(t *testing.T) {
	sess := electionSession(t, 118)
	var ids []string
	sess.Read(func(st *session.State) {
		for i, p := range st.Setup.Roster {
			if st.Attendance[i].Status == session.Present && i > 20 {
				ids = append(ids, p.ID)
			}
		}
	})
	meta := session.Meta{At: t0, Actor: "host"}
	hostCmd(t, sess, session.AdoptMethod{Meta: meta, Method: vote(sess).Method, Vote: aye(sess)})
	hostCmd(t, sess, session.AdoptScrutineers{Meta: meta, Scrutineer: ids[0], Chief: ids[2], Vote: aye(sess)})
	hostCmd(t, sess, session.OpenRound{Meta: meta})
	hostCmd(t, sess, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, sess, session.CollectBallots{Meta: meta, N: 118})
	m := newTestModel(t, sess, "zh", 120, 40)
	m.Show(screenElection, nil)
	if s := screen(m); !strings.Contains(s, "零票报告：15 名候选人的赞成、不赞成、弃权均为 0") || !strings.Contains(s, "按 p 打印零票报告") {
		t.Errorf("no zero report before the first ballot:\n%s", s)
	}
	hostCmd(t, sess, session.EnterBallot{Meta: session.Meta{At: t0, Actor: "teller-1", Role: session.RoleTeller}, Index: -1,
		Ballot: election.Ballot{ID: "1", Marks: make([]election.Mark, 15)}})
	m.Update(ChangedMsg{})
	if strings.Contains(screen(m), "零票报告") {
		t.Error("the zero report stays after a ballot is keyed")
	}
}
