package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/files"
	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/tui/common"
)

// electionSession is the demo congress with present formal delegates
// checked in, the meeting declared valid and the election item started.
func electionSession(t *testing.T, present int) *session.Session {
	t.Helper()
	sess := newSession(t, files.Demo())
	var formal []string
	item := -1
	sess.Read(func(st *session.State) {
		for _, p := range st.Setup.Roster {
			if p.Kind == model.Formal {
				formal = append(formal, p.ID)
			}
		}
		for i, it := range st.Setup.Agenda {
			if it.Kind == model.ItemElection {
				item = i
			}
		}
	})
	at := t0.Add(-50 * time.Minute)
	for i := 0; i < present; i++ {
		mark(t, sess, formal[i], session.Present, at.Add(time.Duration(i)*7*time.Second))
	}
	meta := session.Meta{At: t0.Add(-30 * time.Minute), Actor: "host"}
	for _, cmd := range []session.Command{session.DeclareOpen{Meta: meta}, session.StartItem{Meta: meta, Index: item}} {
		if _, err := sess.Execute(cmd); err != nil {
			t.Fatal(err)
		}
	}
	return sess
}

func enter(m *Model) { press(m, tea.KeyEnter) }

// vote reads a copy of the election's state.
func vote(sess *session.Session) *session.Vote {
	var v *session.Vote
	sess.Read(func(st *session.State) { v = common.CopyVote(st.Vote) })
	return v
}

// setupRound drives the host's steps on m up to the collected ballots:
// the method adopted by the congress's vote, the scrutineers (the 1st and
// 3rd present formal delegates: the 2nd is a candidate), the counters and
// the list's vote, round opened, issued and collected as given.
func setupRound(t *testing.T, m *Model, issued, collected string) {
	t.Helper()
	enter(m) // the method's vote
	typeText(m, "112")
	enter(m)
	enter(m) // adopted: 112 for, 61 needed
	enter(m) // choose the scrutineers
	enter(m)
	press(m, tea.KeyDown)
	press(m, tea.KeyDown)
	enter(m)
	typeText(m, "计票甲 计票乙")
	enter(m) // the list's vote
	typeText(m, "115")
	enter(m)
	enter(m)
	enter(m)
	enter(m) // open the round
	openCount(t, m, issued, collected)
}

// openCount records issued and collected in the open round.
func openCount(t *testing.T, m *Model, issued, collected string) {
	t.Helper()
	enter(m)
	for range 4 {
		press(m, tea.KeyBackspace)
	}
	typeText(m, issued)
	enter(m)
	enter(m)
	for range 4 {
		press(m, tea.KeyBackspace)
	}
	typeText(m, collected)
	enter(m)
}

// aye is the congress's vote adopting the method or the scrutineer list
// (adoption = "vote"): every delegate present for.
func aye(sess *session.Session) *session.VoteCounts {
	v := &session.VoteCounts{Method: model.VoteHands}
	sess.Read(func(st *session.State) { v.For = st.Count().Present })
	return v
}

// hostCmd executes a command as the host's terminal would.
func hostCmd(t *testing.T, sess *session.Session, cmd session.Command) {
	t.Helper()
	if _, err := sess.Execute(cmd); err != nil {
		t.Fatalf("%T: %v", cmd, err)
	}
}

// decidedWithRunoffAndSecond runs round 1 of the demo election from a
// tally sheet: 主席团 all elected, 分院学生会 6 of 7 pass (a second round
// for 1), 社团 a tie of three at 80 across the cut-off (a runoff for 2).
func decidedWithRunoffAndSecond(t *testing.T) *session.Session {
	sess := electionSession(t, 118)
	var ids []string
	sess.Read(func(st *session.State) {
		for i, p := range st.Setup.Roster {
			if p.Kind == model.Formal && st.Attendance[i].Status == session.Present {
				ids = append(ids, p.ID)
			}
		}
	})
	meta := session.Meta{At: t0, Actor: "host"}
	aye := &session.VoteCounts{Method: model.VoteHands, For: 112, Against: 2, Abstain: 4}
	hostCmd(t, sess, session.AdoptMethod{Meta: meta, Method: vote(sess).Method, Vote: aye})
	hostCmd(t, sess, session.AdoptScrutineers{Meta: meta, Scrutineer: ids[0], Chief: ids[2], Counters: []string{"计票甲", "计票乙"}, Vote: aye})
	hostCmd(t, sess, session.OpenRound{Meta: meta})
	hostCmd(t, sess, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, sess, session.CollectBallots{Meta: meta, N: 118})
	approve := []int{110, 98, 90, 100, 95, 90, 85, 80, 70, 61, 50, 100, 80, 80, 80}
	var tally election.Tally
	for _, a := range approve {
		tally.Counts = append(tally.Counts, election.TallyCount{Approve: a, Disapprove: 116 - a - 4, Abstain: 4})
	}
	tally.Invalid = []int{2, 2, 2}
	hostCmd(t, sess, session.EnterTally{Meta: meta, Tally: tally})
	hostCmd(t, sess, session.DecideRound{Meta: meta})
	return sess
}

// TestGoldenElection renders the results after a round with a runoff and
// a second round, ballot entry mid-stack with an invalid ballot in the
// editor, and the double-entry differences.
func TestGoldenElection(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range [][2]int{{120, 40}, {80, 24}} {
			name := fmt.Sprintf("results_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, decidedWithRunoffAndSecond(t), lang, sz[0], sz[1])
				checkFrame(t, m, sz[0], sz[1])
				golden(t, name, screen(m))
			})
		}
	}
}

// entries returns an actor's keyed ballots in the open round.
func entries(sess *session.Session, actor string) []election.Ballot {
	v := vote(sess)
	return v.Current().Entries[actor]
}

func marksOf(s string) []election.Mark {
	var out []election.Mark
	for _, r := range s {
		switch r {
		case 'o':
			out = append(out, election.Approve)
		case 'x':
			out = append(out, election.Disapprove)
		default:
			out = append(out, election.Abstain)
		}
	}
	return out
}

// TestBallotKeys keys ballots through the screen and checks what the
// session stored: marks, a write-in, undo, a spoiled ballot.
func TestBallotKeys(t *testing.T) {
	sess := electionSession(t, 118)
	m := newTestModel(t, sess, "zh", 80, 24)
	setupRound(t, m, "118", "118")
	press(m, 'b')
	typeText(m, "ooo")
	typeText(m, "oxooooo ")
	typeText(m, "oox")
	enter(m)
	// 4th candidate of 社团 left blank; a write-in in 分院学生会 for the ×.
	typeText(m, "ooooxoooooo")
	press(m, 'w')
	typeText(m, "王小明") // offered in 分院学生会, the category of the ×
	enter(m)
	enter(m)
	got := entries(sess, "desk-1")
	if len(got) != 2 {
		t.Fatalf("%d ballots keyed, want 2", len(got))
	}
	if want := marksOf("ooooxooooo oox"); !equalMarks(got[0].Marks, want) {
		t.Errorf("ballot 1 marks %v, want %v", got[0].Marks, want)
	}
	if w := got[1].WriteIns; len(w) != 1 || w[0].Name != "王小明" || w[0].Category != "分院学生会" {
		t.Errorf("ballot 2 write-ins %+v", w)
	}
	// Undo takes back ballot 2 and puts it in the editor.
	ctrl(m, 'z')
	if n := len(entries(sess, "desk-1")); n != 1 {
		t.Fatalf("after undo %d ballots, want 1", n)
	}
	if !strings.Contains(screen(m), "王小明") {
		t.Errorf("the taken-back ballot is not in the editor:\n%s", screen(m))
	}
	enter(m)
	// A spoiled ballot with its reason.
	press(m, 's')
	typeText(m, "有记号")
	enter(m)
	got = entries(sess, "desk-1")
	if len(got) != 3 || got[2].Spoiled != "有记号" {
		t.Fatalf("spoiled ballot not stored: %+v", got)
	}
	if !strings.Contains(screen(m), "第 4 张") {
		t.Errorf("the editor is not on ballot 4:\n%s", screen(m))
	}
}

func equalMarks(a, b []election.Mark) bool {
	for i := range max(len(a), len(b)) {
		if markAt(a, i) != markAt(b, i) {
			return false
		}
	}
	return true
}

// TestGoldenBallot renders ballot entry mid-stack with a partly invalid
// ballot in the editor (8 ○ in 分院学生会, which has 7 seats, and a void
// write-in).
func TestGoldenBallot(t *testing.T) {
	for _, sz := range [][2]int{{120, 40}, {80, 24}} {
		sess := electionSession(t, 118)
		m := newTestModel(t, sess, "zh", sz[0], sz[1])
		setupRound(t, m, "118", "118")
		press(m, 'b')
		for range 36 {
			typeText(m, "oooooxoooooxooo")
			enter(m)
		}
		typeText(m, "oooooooooooxoo")
		press(m, 'w')
		typeText(m, "王小明")
		press(m, tea.KeyTab) // 社团 (the ×) → 主席团, where it is void
		enter(m)
		scr := screen(m)
		// Over-selected in one category only: partly invalid, said so
		// (RULES §6.3), never "无效" for a ballot whose other parts count.
		for _, want := range []string{"第 37 张", "◐ 部分无效：分院学生会所选 8 人，多于应选 7 名；其余类别有效", "无效：同类别没有多余的×"} {
			if !strings.Contains(scr, want) {
				t.Errorf("%dx%d: no %q in\n%s", sz[0], sz[1], want, scr)
			}
		}
		checkFrame(t, m, sz[0], sz[1])
		golden(t, fmt.Sprintf("ballot_zh_%dx%d", sz[0], sz[1]), scr)
	}
}

// TestDoubleEntry keys the same stack on two terminals with different
// tellers: the difference is listed, deciding is refused until it is
// corrected, and the results then show the elected.
func TestDoubleEntry(t *testing.T) {
	sess := electionSession(t, 118)
	host := newTestModel(t, sess, "zh", 120, 40)
	setupRound(t, host, "118", "3")
	t1 := newModel(sess, Options{Lang: "zh", Actor: "teller-1", Now: func() time.Time { return t0 }})
	t1.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	t2 := newModel(sess, Options{Lang: "en", Actor: "teller-2", Now: func() time.Time { return t0 }})
	t2.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	stack := []string{"ooooooooooooooo", "oooooooxooooooo", "ooooooo ooooooo"}
	for _, tm := range []*Model{t1, t2} {
		press(tm, 'b')
		for i, b := range stack {
			if tm == t2 && i == 1 {
				b = "ooooooooooooooo" // teller-2 misreads ballot 2
			}
			typeText(tm, b)
			enter(tm)
		}
	}
	// The host tries to decide: refused, with the difference shown.
	host.Update(ChangedMsg{})
	enter(host)
	enter(host)
	if r := vote(sess).Current(); r.Decided != nil {
		t.Fatal("decided although the entries differ")
	}
	if st := screen(host); !strings.Contains(st, "不能宣布结果：应录 3 张，teller-1 已录 3，teller-2 已录 3；双录不一致 1 处") {
		t.Errorf("the core's refusal is not shown:\n%s", st)
	}
	press(host, tea.KeyEnd)
	scr := screen(host)
	for _, want := range []string{"双录不一致 1 处", "第2张", "姜峰 ×≠○"} {
		if !strings.Contains(scr, want) {
			t.Errorf("host screen lacks %q:\n%s", want, scr)
		}
	}
	press(host, tea.KeyHome)
	golden(t, "double_entry_zh_120x40", screen(host))
	// Tell the host what the core says when forced: DecideRound refused.
	if _, err := sess.Execute(session.DecideRound{Meta: session.Meta{At: t0, Actor: "host"}}); err == nil {
		t.Fatal("the core decided with differing entries")
	} else if text, _ := host.c.Texts.Refusal(err, host.c.PersonName); !strings.Contains(text, "双录不一致 1 处") {
		t.Errorf("refusal %q", text)
	}
	// teller-2 jumps to the difference and keys it again.
	t2.Update(ChangedMsg{})
	press(t2, 'n')
	if !strings.Contains(screen(t2), "Correcting no. 2") {
		t.Fatalf("teller-2 is not correcting ballot 2:\n%s", screen(t2))
	}
	typeText(t2, stack[1])
	enter(t2)
	if d := vote(sess).Current().PendingDiffers(); len(d) != 0 {
		t.Fatalf("still differ at %v", d)
	}
	host.Update(ChangedMsg{})
	enter(host)
	enter(host)
	r := vote(sess).Current()
	if r.Decided == nil {
		t.Fatalf("not decided after correction:\n%s", screen(host))
	}
	// Three ballots of 122 expected: nobody reaches 62, every seat goes
	// to a second round; the results say so.
	scr = screen(host)
	if !strings.Contains(scr, "第1轮 选举结果") || !strings.Contains(scr, "未当选") {
		t.Errorf("results not shown:\n%s", scr)
	}
}

// TestTallyRefused enters a tally sheet whose sums do not match the
// ballots collected: refused with the numbers; then a matching one.
func TestTallyRefused(t *testing.T) {
	sess := electionSession(t, 118)
	m := newTestModel(t, sess, "zh", 120, 40)
	setupRound(t, m, "118", "10")
	press(m, 't')
	typeText(m, "9") // 黄美玲 approve 9, nothing else: 9 ≠ 10
	enter(m)
	if vote(sess).Current().Tally != nil {
		t.Fatal("a tally that does not add up was taken")
	}
	scr := screen(m)
	if !strings.Contains(scr, "计票单不符：黄美玲：赞成+不赞成+弃权为 9，应等于该类别有效票 10") {
		t.Errorf("no refusal with numbers:\n%s", scr)
	}
}

// TestResultsElected decides a round and checks the announcement: the
// elected in the approved order, the runoff and the second round.
func TestResultsElected(t *testing.T) {
	m := newTestModel(t, decidedWithRunoffAndSecond(t), "zh", 120, 40)
	press(m, tea.KeyEnd)
	scr := screen(m)
	for _, want := range []string{
		"↻ 重新投票：社团2名",
		"本次选举应到代表122名，实到118名，超过应到人数的五分之四，可以进行选举。",
		"下一步 › enter 清点人数，开始第2轮（重新投票）",
	} {
		if !strings.Contains(scr, want) {
			t.Errorf("no %q in\n%s", want, scr)
		}
	}
	// s turns to the words to read, without a name split at a line's end.
	typeText(m, "s")
	scr = strings.ReplaceAll(screen(m), "\n", "")
	for _, want := range []string{
		"第1轮 宣读稿",
		// Two delegates are named 张伟: the unit tells the elected apart.
		"第1轮当选的是（按候选人顺序）：黄美玲、波拉提·托列根、金晨阳、杨子怡、张伟（药学与医学技术分院）、努尔艾力·阿不都拉、薛蕾、",
		"重新投票，选出社团2名",
		"尚缺1名，将在未当选的候选人中另行选举",
	} {
		if !strings.Contains(strings.ReplaceAll(scr, " ", ""), strings.ReplaceAll(want, " ", "")) {
			t.Errorf("no %q in\n%s", want, screen(m))
		}
	}
}

// TestRunoffSecondRoundAndVacancy drives the host's keys after a round
// that left a runoff and a second round: the runoff opens with its slate
// filled in, then the second round, and when that still leaves the seat
// open the host leaves it vacant with v (twice).
func TestRunoffSecondRoundAndVacancy(t *testing.T) {
	sess := decidedWithRunoffAndSecond(t)
	m := newTestModel(t, sess, "zh", 120, 40)
	meta := session.Meta{At: t0, Actor: "host"}

	enter(m)
	enter(m) // open the runoff
	r := vote(sess).Current()
	if r.Kind != election.Runoff || len(r.Slate) != 3 || r.Seats["社团"] != 2 {
		t.Fatalf("round 2: %+v", r)
	}
	openCount(t, m, "118", "118")
	hostCmd(t, sess, session.EnterTally{Meta: meta, Tally: election.Tally{
		Counts:  []election.TallyCount{{Approve: 70, Disapprove: 40, Abstain: 8}, {Approve: 60, Disapprove: 50, Abstain: 8}, {Approve: 50, Disapprove: 60, Abstain: 8}},
		Invalid: []int{0, 0, 0}}})
	m.Update(ChangedMsg{})
	enter(m)
	enter(m) // decide the runoff
	if r := vote(sess).Current(); r.Result == nil || len(r.Result.Elected) != 2 {
		t.Fatalf("runoff result: %+v", r.Result)
	}

	enter(m)
	enter(m) // open the second round for 分院学生会
	r = vote(sess).Current()
	if r.Kind != election.Second || r.Seats["分院学生会"] != 1 {
		t.Fatalf("round 3: %+v", r)
	}
	openCount(t, m, "118", "118")
	counts := make([]election.TallyCount, len(r.Slate))
	for i := range counts {
		counts[i] = election.TallyCount{Approve: 40, Disapprove: 70, Abstain: 8} // nobody reaches 62
	}
	hostCmd(t, sess, session.EnterTally{Meta: meta, Tally: election.Tally{Counts: counts, Invalid: []int{0, 0, 0}}})
	m.Update(ChangedMsg{})
	enter(m)
	enter(m) // decide the second round
	if !vote(sess).CanVacate() {
		t.Fatalf("the seat should be open for the host's choice:\n%s", screen(m))
	}
	press(m, 'v')
	press(m, 'v')
	v := vote(sess)
	if v.Vacant["分院学生会"] != 1 || len(v.Pending) != 0 {
		t.Fatalf("vacant %v, pending %v\n%s", v.Vacant, v.Pending, screen(m))
	}
	if len(v.Elected()) != 12 {
		t.Fatalf("elected %d, want 12", len(v.Elected()))
	}
	checkFrame(t, m, 120, 40)
}

// TestTwoTellersOneKeyboard: with f3 the second teller of the same
// terminal keys the same stack; a difference keeps the round undecided
// until corrected.
func TestTwoTellersOneKeyboard(t *testing.T) {
	sess := electionSession(t, 118)
	m := newTestModel(t, sess, "zh", 120, 40)
	setupRound(t, m, "118", "2")
	press(m, 'b')
	for _, row := range []string{"ooo", "oxo"} {
		typeText(m, row)
		enter(m)
	}
	press(m, tea.KeyF3) // the second teller takes the keyboard
	for _, row := range []string{"ooo", "ooo"} {
		typeText(m, row)
		enter(m)
	}
	r := vote(sess).Current()
	if len(r.Tellers) != 2 || r.Tellers[1] != r.Tellers[0]+"/2" {
		t.Fatalf("tellers %v", r.Tellers)
	}
	if d := r.PendingDiffers(); len(d) != 1 || d[0] != 1 {
		t.Fatalf("differences %v", d)
	}
	if _, err := sess.Execute(session.DecideRound{Meta: session.Meta{At: t0, Actor: "host"}}); err == nil {
		t.Fatal("decided with a difference between the tellers")
	}
}

// TestWriteInTakesTheCategoryOfTheCross: w after a × offers the write-in in
// that candidate's category, so it is counted.
func TestWriteInTakesTheCategoryOfTheCross(t *testing.T) {
	sess := electionSession(t, 118)
	m := newTestModel(t, sess, "zh", 120, 40)
	setupRound(t, m, "118", "1")
	press(m, 'b')
	typeText(m, "oooooooooox") // ○ × 10, then × for the 11th (分院学生会)
	press(m, 'w')
	typeText(m, "王五")
	enter(m) // add the write-in
	enter(m) // save the ballot
	got := entries(sess, "desk-1")
	if len(got) != 1 || len(got[0].WriteIns) != 1 || got[0].WriteIns[0].Category != "分院学生会" {
		t.Fatalf("ballot %+v", got)
	}
}

// TestProjector: the projector's terminal shows the hall the results and
// takes no keys (TestGoldenProjector draws every phase).
func TestProjector(t *testing.T) {
	sess := decidedWithRunoffAndSecond(t)
	for _, sz := range [][2]int{{120, 40}, {80, 24}, {60, 15}} {
		m := newModel(sess, Options{Lang: "zh", Actor: "projector:hall", Role: session.RoleProjector, Now: func() time.Time { return t0 }})
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		before := vote(sess).Current().No
		press(m, tea.KeyEnter)
		press(m, tea.KeyEnter) // would open the runoff on the host's screen
		if vote(sess).Current().No != before {
			t.Fatal("the projector opened a round")
		}
		scr := screen(m)
		for _, want := range []string{"第1轮 选举结果", "黄美玲", "实到 118 / 应到 122"} {
			if !strings.Contains(scr, want) {
				t.Errorf("%dx%d: no %q in\n%s", sz[0], sz[1], want, scr)
			}
		}
		checkFrame(t, m, sz[0], sz[1])
	}
}

// decidedRunoff decides the runoff after decidedWithRunoffAndSecond, after
// a void first try (more ballots collected than issued): rounds 1 and 3
// are decided, round 2 was void.
func decidedRunoff(t *testing.T) *session.Session {
	sess := decidedWithRunoffAndSecond(t)
	meta := session.Meta{At: t0.Add(time.Minute), Actor: "host"}
	hostCmd(t, sess, session.OpenRound{Meta: meta})
	hostCmd(t, sess, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, sess, session.CollectBallots{Meta: meta, N: 119})
	hostCmd(t, sess, session.OpenRound{Meta: meta})
	hostCmd(t, sess, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, sess, session.CollectBallots{Meta: meta, N: 118})
	tally := election.Tally{Counts: []election.TallyCount{{Approve: 90}, {Approve: 85}, {Approve: 20}}, Invalid: []int{0, 0, 0}}
	for i := range tally.Counts {
		tally.Counts[i].Abstain = 118 - tally.Counts[i].Approve
	}
	hostCmd(t, sess, session.EnterTally{Meta: meta, Tally: tally})
	hostCmd(t, sess, session.DecideRound{Meta: meta})
	return sess
}

// TestResultsPagedByRound: ← and → turn the results page by page through
// the decided rounds, both ways, and the round names say what each round
// was, in both languages.
func TestResultsPagedByRound(t *testing.T) {
	for _, tc := range []struct{ lang, first, runoff, page1, page2 string }{
		{"zh", "第1轮 选举结果", "第3轮（重新投票，上轮无效重新进行） 选举结果", "第 1/2 页", "第 2/2 页"},
		{"en", "Results: Round 1", "Results: Runoff (round 3, revote after void)", "page 1 of 2", "page 2 of 2"},
	} {
		m := newTestModel(t, decidedRunoff(t), tc.lang, 120, 40)
		fkey(m, 3)
		want := func(what ...string) {
			t.Helper()
			for _, w := range what {
				if !strings.Contains(screen(m), w) {
					t.Fatalf("%s: no %q in\n%s", tc.lang, w, screen(m))
				}
			}
		}
		want(tc.runoff, tc.page2)
		press(m, tea.KeyLeft)
		want(tc.first, tc.page1)
		press(m, tea.KeyLeft) // the first page stays
		want(tc.first, tc.page1)
		press(m, tea.KeyRight)
		want(tc.runoff, tc.page2)
		press(m, tea.KeyLeft)
		want(tc.first)
	}
}
