package tui

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/tui/internal/fixture"
)

// The redraw benchmarks (issue 15): one keystroke on a screen — the key
// handled and the whole frame drawn, as the terminal shows it after the
// key. BenchmarkViewResults200 must stay within 1.5× of
// BenchmarkViewCheckIn3000, its floor, in the same run:
//
//	go test ./tui -run '^$' -bench 'View(Results200|CheckIn3000)$'

// benchCongress is a congress of n formal delegates, all present, the
// meeting declared valid and the election item started; with candidates
// > 0 the election has that many candidates (the first of the roster) for
// seats seats, and its first round is decided from a tally sheet with
// distinct approvals (a second round left for the seats not filled).
func benchCongress(b *testing.B, n, candidates, seats int) *session.Session {
	b.Helper()
	roster := fixture.Roster(n)
	setup := model.Setup{
		Meeting: model.DefaultMeeting("基准测试学生代表大会"),
		Roster:  roster,
		Agenda: []model.Item{
			{Kind: model.ItemPreparatory, Title: "预备会议"},
			{Kind: model.ItemElection, Title: "选举学生会委员会"},
		},
	}
	if candidates > 0 {
		e := &model.Election{Method: model.DefaultMethod(seats)}
		for _, p := range roster[:candidates] {
			e.Candidates = append(e.Candidates, model.Candidate{Name: p.Name, PersonID: p.ID})
		}
		setup.Election = e
	}
	sess := newSession(b, setup)
	at := t0.Add(-40 * time.Minute)
	meta := session.Meta{At: at, Actor: "host"}
	exec := func(cmd session.Command) {
		b.Helper()
		if _, err := sess.Execute(cmd); err != nil {
			b.Fatalf("%T: %v", cmd, err)
		}
	}
	for _, p := range roster {
		exec(session.Mark{Meta: meta, Person: p.ID, Status: session.Present})
	}
	exec(session.DeclareOpen{Meta: meta})
	exec(session.StartItem{Meta: meta, Index: 1})
	if candidates == 0 {
		return sess
	}
	aye := &session.VoteCounts{Method: model.VoteHands, For: n}
	exec(session.AdoptMethod{Meta: meta, Method: setup.Election.Method, Vote: aye})
	exec(session.AdoptScrutineers{Meta: meta, Scrutineer: roster[n-1].ID, Chief: roster[n-2].ID, Vote: aye})
	exec(session.OpenRound{Meta: meta})
	exec(session.IssueBallots{Meta: meta, N: n})
	exec(session.CollectBallots{Meta: meta, N: n})
	var tally election.Tally
	for i := 0; i < candidates; i++ {
		a := n - 10 - i
		tally.Counts = append(tally.Counts, election.TallyCount{Approve: a, Disapprove: n - a})
	}
	tally.Invalid = []int{0}
	exec(session.EnterTally{Meta: meta, Tally: tally})
	exec(session.DecideRound{Meta: meta})
	return sess
}

// redraw is one keystroke: the key handled, the frame drawn.
func redraw(m *Model, k tea.KeyPressMsg) string {
	m.Update(k)
	return m.View().Content
}

// BenchmarkViewResults200 is one redraw of the results screen of a round
// with 200 candidates, at 120×40: ↓ and ↑ in turn scroll the results.
func BenchmarkViewResults200(b *testing.B) {
	sess := benchCongress(b, 300, 200, 150)
	m := newTestModel(b, sess, "zh", 120, 40)
	fkey(m, 3)
	if !containsAll(screen(m), "第1轮 选举结果", "✓ 当选") {
		b.Fatalf("not the results:\n%s", screen(m))
	}
	keys := []tea.KeyPressMsg{{Code: tea.KeyDown}, {Code: tea.KeyUp}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		redraw(m, keys[i%2])
	}
}

// BenchmarkViewCheckIn3000 is one redraw of the check-in desk with 3,000
// delegates, at 120×40: ↓ and ↑ in turn move the cursor. The floor of
// BenchmarkViewResults200.
func BenchmarkViewCheckIn3000(b *testing.B) {
	sess := benchCongress(b, 3000, 0, 0)
	m := newTestModel(b, sess, "zh", 120, 40)
	fkey(m, 1)
	if !containsAll(screen(m), "实到 3000 / 应到 3000") {
		b.Fatalf("not the desk:\n%s", screen(m))
	}
	keys := []tea.KeyPressMsg{{Code: tea.KeyDown}, {Code: tea.KeyUp}}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		redraw(m, keys[i%2])
	}
}

func containsAll(s string, subs ...string) bool {
	for _, x := range subs {
		if !strings.Contains(s, x) {
			return false
		}
	}
	return true
}
