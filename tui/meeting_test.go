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
	"podium/tui/common"
)

// congressSetup is the test congress (122 formal delegates, the named
// people) with the standard agenda: the report has a presenter and
// planned minutes.
func congressSetup() model.Setup {
	s := testSetup()
	s.Agenda = model.StandardAgenda()
	for i := range s.Agenda {
		s.Agenda[i].Minutes = 10
		if s.Agenda[i].Kind == model.ItemReport {
			s.Agenda[i].Presenter, s.Agenda[i].Minutes = "白凯文", 30
		}
	}
	return s
}

// itemOf is the index of the first agenda item of kind k.
func itemOf(t testing.TB, s model.Setup, k model.ItemKind) int {
	t.Helper()
	for i, it := range s.Agenda {
		if it.Kind == k {
			return i
		}
	}
	t.Fatalf("no %s item", k)
	return -1
}

// congress opens the test congress with 118 of 122 formal delegates
// present and the meeting declared valid.
func congress(t testing.TB) *session.Session {
	t.Helper()
	return congressOf(t, congressSetup())
}

// startAt starts item i on the session, as the host did at time at.
func startAt(t testing.TB, sess *session.Session, i int, at time.Time) {
	t.Helper()
	if _, err := sess.Execute(session.StartItem{Meta: session.Meta{At: at, Actor: "host"}, Index: i}); err != nil {
		t.Fatal(err)
	}
}

// clockModel is a model whose clock the test moves.
func clockModel(t testing.TB, sess *session.Session, lang string, w, h int, now *time.Time) *Model {
	t.Helper()
	m := newModel(sess, Options{Lang: lang, Actor: "desk-1", Now: func() time.Time { return *now }})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func fkey(m *Model, n int) { press(m, tea.KeyF1+rune(n-1)) }

func state(sess *session.Session) (st session.State) {
	sess.Read(func(s *session.State) {
		st.Item = s.Item
		st.Items = append(st.Items, s.Items...)
		for _, q := range s.Questions {
			c := *q
			st.Questions = append(st.Questions, &c)
		}
		for _, m := range s.Motions {
			c := *m
			st.Motions = append(st.Motions, &c)
		}
		for _, r := range s.Votes {
			c := *r
			st.Votes = append(st.Votes, &c)
		}
		st.Notes = append(st.Notes, s.Notes...)
	})
	return st
}

func wantScreen(t *testing.T, m *Model, want ...string) {
	t.Helper()
	out := screen(m)
	for _, w := range want {
		if !strings.Contains(out, w) {
			t.Fatalf("screen lacks %q:\n%s", w, out)
		}
	}
}

// TestWalkAgenda starts the next items (each ends the one before), goes
// back, jumps and skips from the agenda screen, and shows the timer.
func TestWalkAgenda(t *testing.T) {
	sess := congress(t)
	now := t0
	m := clockModel(t, sess, "zh", 120, 40, &now)
	ctrl(m, 'n')
	ctrl(m, 'n')
	if st := state(sess); st.Item != 0 || st.Items[0].Status != session.ItemCurrent {
		t.Fatalf("after ctrl+n twice: item %d %+v", st.Item, st.Items[0])
	}
	if m.cur.id != screenAttendance {
		t.Fatalf("the preparatory meeting shows screen %s, want the check-in desk", m.cur.id)
	}
	now = now.Add(5 * time.Minute)
	ctrl(m, 'n')
	ctrl(m, 'n')
	st := state(sess)
	if st.Item != 1 || st.Items[0].Status != session.ItemDone || st.Items[1].Status != session.ItemCurrent {
		t.Fatalf("after the second start: item %d, %v %v", st.Item, st.Items[0].Status, st.Items[1].Status)
	}
	if m.cur.id != screenItem {
		t.Fatalf("the opening shows screen %s, want the item screen", m.cur.id)
	}
	wantScreen(t, m, "✓  1 预备会议", "▶  2 开幕式", "›  3 奏唱国歌", "主持词", "本次大会应到正式代表122名，实到118名")

	// Back to the preparatory meeting, and forward to the report.
	ctrl(m, 'p')
	ctrl(m, 'p')
	if st := state(sess); st.Item != 0 || st.Items[1].Status != session.ItemDone {
		t.Fatalf("ctrl+p: item %d", st.Item)
	}
	report := itemOf(t, congressSetup(), model.ItemReport)
	fkey(m, 6)
	for agendaOf(m).Cursor() < report {
		press(m, tea.KeyDown)
	}
	enter(m)
	if m.c.Note.Kind != common.NoteAsk {
		t.Fatalf("enter on the agenda: %+v, want a confirmation", m.c.Note)
	}
	enter(m)
	if st := state(sess); st.Item != report {
		t.Fatalf("jump: item %d, want %d", st.Item, report)
	}
	wantScreen(t, m, "报告人：白凯文", "下面请白凯文代表学生会作工作报告，时间约30分钟", "用时 0:00 / 30 分钟")

	// The timer against the plan, in the header on one line; over time it
	// says by how much. The agenda (f6) shows it too.
	now = now.Add(31*time.Minute + 5*time.Second)
	m.Update(tickMsg(now))
	wantScreen(t, m, "用时 31:05 / 30 分钟 · 超时 1:05")
	fkey(m, 6)
	wantScreen(t, m, "用时 31:05 / 30 分钟 · 超时 1:05")

	// Skip the deliberation with a reason; ctrl+n passes over it.
	delib := itemOf(t, congressSetup(), model.ItemDeliberation)
	fkey(m, 6)
	press(m, tea.KeyDown)
	if agendaOf(m).Cursor() != delib {
		t.Fatalf("agenda cursor %d, want %d", agendaOf(m).Cursor(), delib)
	}
	typeText(m, "s")
	if m.ask == nil {
		t.Fatal("s does not ask for the reason")
	}
	enter(m) // empty: refused, still asking
	if m.ask == nil || m.c.Note.Kind != common.NoteErr {
		t.Fatalf("empty reason: ask %v note %+v", m.ask != nil, m.c.Note)
	}
	typeText(m, "时间不足，并入质询")
	enter(m)
	if st := state(sess); st.Items[delib].Status != session.ItemPassedOver || st.Items[delib].Note != "时间不足，并入质询" {
		t.Fatalf("skip: %+v", st.Items[delib])
	}
	wantScreen(t, m, "↷  5 分组审议工作报告", "已跳过 · 时间不足，并入质询")
	ctrl(m, 'n')
	ctrl(m, 'n')
	if st := state(sess); st.Item != itemOf(t, congressSetup(), model.ItemQuestioning) {
		t.Fatalf("ctrl+n after a skipped item: item %d", st.Item)
	}
	if m.cur.id != screenQuestions {
		t.Fatalf("questioning shows screen %s", m.cur.id)
	}
}

// TestEndUnfinishedResolution: leaving a resolution item without a vote is
// refused with the core's reason; ending it asks for a note and records it.
func TestEndUnfinishedResolution(t *testing.T) {
	sess := congress(t)
	res := itemOf(t, congressSetup(), model.ItemResolution)
	startAt(t, sess, res, t0.Add(-time.Minute))
	m := newTestModel(t, sess, "zh", 120, 40)
	if m.cur.id != screenResolution {
		t.Fatalf("resolution item shows screen %s", m.cur.id)
	}
	ctrl(m, 'n')
	ctrl(m, 'n')
	want := fmt.Sprintf("第 %d 项尚未表决：请先完成，或按 ctrl+e 结束并写明原因", res+1)
	if m.c.Note.Text != want || state(sess).Item != res {
		t.Fatalf("moving on: %+v, item %d", m.c.Note, state(sess).Item)
	}
	ctrl(m, 'e')
	ctrl(m, 'e')
	if m.ask == nil || m.c.Note.Text != want {
		t.Fatalf("ending: ask %v, note %+v", m.ask != nil, m.c.Note)
	}
	wantScreen(t, m, "未完成原因 › ", want)
	typeText(m, "报告另行书面表决")
	enter(m)
	st := state(sess)
	if is := st.Items[res]; is.Status != session.ItemDone || is.Note != "报告另行书面表决" {
		t.Fatalf("ended: %+v", is)
	}
	if !strings.HasPrefix(m.c.Note.Text, fmt.Sprintf("议程第 %d 项「关于学生会工作报告的决议」结束", res+1)) {
		t.Fatalf("note %+v", m.c.Note)
	}
	wantScreen(t, m, fmt.Sprintf("第 %d 项 关于学生会工作报告的决议 已结束", res+1))
}

// TestQuestions asks two questions through the screen, answers one and
// takes the other on notice: the due date is the core's, two weeks on.
func TestQuestions(t *testing.T) {
	sess := congress(t)
	startAt(t, sess, itemOf(t, congressSetup(), model.ItemQuestioning), t0.Add(-time.Minute))
	m := newTestModel(t, sess, "zh", 120, 40)
	typeText(m, "a")
	typeText(m, "zzm") // 曾子墨
	enter(m)
	typeText(m, "学习部")
	enter(m)
	typeText(m, "讲座为什么减少了一半?") // "?" is text here, not the help
	enter(m)
	st := state(sess)
	if len(st.Questions) != 1 {
		t.Fatalf("questions %d (%+v)", len(st.Questions), m.c.Note)
	}
	if q := st.Questions[0]; q.Delegate != "A008" || q.Target != "学习部" || q.Text != "讲座为什么减少了一半?" {
		t.Fatalf("question %+v", q)
	}
	typeText(m, "r")
	typeText(m, "经费调整，下学期恢复")
	enter(m)
	if q := state(sess).Questions[0]; q.Status != session.QuestionReplied || q.AnsweredBy != "学习部" || q.Answer != "经费调整，下学期恢复" {
		t.Fatalf("answered %+v", q)
	}
	typeText(m, "a")
	typeText(m, "lb") // 吕布
	enter(m)
	typeText(m, "主席团")
	enter(m)
	typeText(m, "换届为何推迟")
	enter(m)
	typeText(m, "w")
	if m.c.Note.Kind != common.NoteAsk {
		t.Fatalf("w: %+v, want a confirmation", m.c.Note)
	}
	typeText(m, "w")
	q := state(sess).Questions[1]
	if q.Status != session.QuestionOnNotice || !q.Due.Equal(t0.AddDate(0, 0, 14)) {
		t.Fatalf("on notice %+v", q)
	}
	wantScreen(t, m, "质询 2 件 · 待答复 0 · 已答复 1 · 书面答复 1", "已答复 09:30", "书面答复 2026-05-30 前",
		"会后书面答复，2026-05-30 前答复")
	// Answering an answered question is said calmly.
	press(m, tea.KeyUp)
	typeText(m, "r")
	if m.c.Note.Text != "第 1 件质询已答复" {
		t.Fatalf("answer again: %+v", m.c.Note)
	}
}

// fileMotion files a motion through the form with the given co-signers'
// initials.
func fileMotion(m *Model, proposer string, cosigners ...string) {
	typeText(m, "a")
	typeText(m, proposer)
	enter(m)
	for _, c := range cosigners {
		typeText(m, c)
		enter(m)
	}
	press(m, tea.KeyTab)
	typeText(m, "增设自习室")
	enter(m)
	typeText(m, "在图书馆增设24小时自习室")
	enter(m)
	typeText(m, "学习")
	enter(m)
}

// TestMotions: one co-signer is refused with the numbers; with two the
// motion is filed, accepted and voted unanimously.
func TestMotions(t *testing.T) {
	sess := congress(t)
	startAt(t, sess, itemOf(t, congressSetup(), model.ItemMotions), t0.Add(-time.Minute))
	m := newTestModel(t, sess, "zh", 120, 40)
	if m.cur.id != screenMotions {
		t.Fatalf("motions item shows screen %s", m.cur.id)
	}
	fileMotion(m, "zzm", "lb")
	if want := "提案需要至少 2 名附议人，现有 1 名"; m.c.Note.Text != want || m.c.Note.Kind != common.NoteErr {
		t.Fatalf("one co-signer: %+v", m.c.Note)
	}
	if len(state(sess).Motions) != 0 || motionsOf(m).OpenForm() == nil || motionsOf(m).OpenForm().At() != 1 {
		t.Fatal("refused motion: the form should stay open on the co-signers")
	}
	typeText(m, "aygl") // 阿依古丽·买买提
	enter(m)
	press(m, tea.KeyTab)
	press(m, tea.KeyTab)
	press(m, tea.KeyTab)
	enter(m)
	st := state(sess)
	if len(st.Motions) != 1 {
		t.Fatalf("motions %d: %+v", len(st.Motions), m.c.Note)
	}
	if mo := st.Motions[0]; mo.Proposer != "A008" || strings.Join(mo.CoSigners, ",") != "A009,A003" || mo.Title != "增设自习室" || mo.Category != "学习" {
		t.Fatalf("motion %+v", mo)
	}
	typeText(m, "v")
	if m.c.Note.Text != "第 1 件提案未立案，不能表决" {
		t.Fatalf("vote before accepting: %+v", m.c.Note)
	}
	typeText(m, "y")
	typeText(m, "y")
	if state(sess).Motions[0].Status != session.MotionAdmitted {
		t.Fatalf("not accepted: %+v", m.c.Note)
	}
	typeText(m, "v")
	if m.cur.id != screenResolution || res(m).Motion() != 1 {
		t.Fatalf("v: screen %s motion %d", m.cur.id, res(m).Motion())
	}
	typeText(m, "u")
	enter(m)
	st = state(sess)
	if len(st.Votes) != 1 || st.Votes[0].Motion != 1 || st.Votes[0].For != 118 || !st.Votes[0].Adopted {
		t.Fatalf("votes %+v", st.Votes)
	}
	wantScreen(t, m, "需 61 票，赞成 118 票，通过")
	press(m, tea.KeyEscape)
	if m.cur.id != screenMotions {
		t.Fatalf("esc after the vote: screen %s", m.cur.id)
	}
	wantScreen(t, m, "提案 1 件 · 待审查 0 · 立案 1 · 不予立案 0", "需 61 票，赞成 118 票，通过")
}

// TestDeclineMotion declines a motion with a reason; the due date is the
// core's.
func TestDeclineMotion(t *testing.T) {
	sess := congress(t)
	m := newTestModel(t, sess, "en", 120, 40)
	fkey(m, 5)
	fileMotion(m, "zzm", "lb", "aygl")
	typeText(m, "n")
	enter(m)
	if m.c.Note.Text != "Please fill in the reason" {
		t.Fatalf("empty reason: %+v", m.c.Note)
	}
	typeText(m, "outside the union's remit")
	enter(m)
	mo := state(sess).Motions[0]
	if mo.Status != session.MotionNotAdmitted || !mo.Due.Equal(t0.AddDate(0, 0, 14)) {
		t.Fatalf("declined %+v", mo)
	}
	wantScreen(t, m, "declined, due 2026-05-30", "Declined: outside the union's remit; kept as an opinion, answer due 2026-05-30")
}

// TestVote: counts above the present delegates are refused by the core;
// the outcome is shown with its derivation; u is unanimous.
func TestVote(t *testing.T) {
	for _, tc := range []struct {
		lang, tooMany, adopted, rejected string
	}{
		{"zh", "票数合计 150 超过实到正式代表 118 人，请核对", "需 61 票，赞成 64 票，通过", "需 61 票，赞成 60 票，未通过"},
		{"en", "150 votes counted but only 118 formal delegates present: please check", "needs 61, 64 for: adopted", "needs 61, 60 for: not adopted"},
	} {
		t.Run(tc.lang, func(t *testing.T) {
			sess := congress(t)
			res := itemOf(t, congressSetup(), model.ItemResolution)
			startAt(t, sess, res, t0.Add(-time.Minute))
			m := newTestModel(t, sess, tc.lang, 120, 40)
			typeText(m, "150")
			enter(m)
			enter(m)
			if m.c.Note.Text != tc.tooMany || len(state(sess).Votes) != 0 {
				t.Fatalf("150 for: %+v", m.c.Note)
			}
			press(m, tea.KeyBackspace)
			press(m, tea.KeyBackspace)
			press(m, tea.KeyBackspace)
			counts(m, "64", "3", "2")
			enter(m)
			enter(m)
			st := state(sess)
			if len(st.Votes) != 1 {
				t.Fatalf("no vote: %+v", m.c.Note)
			}
			if r := st.Votes[0]; r.For != 64 || r.Against != 3 || r.Abstain != 2 || r.Item != res || r.Subject != "关于学生会工作报告的决议" ||
				r.Kind != model.VoteOrdinary || r.Method != model.VoteHands {
				t.Fatalf("vote %+v", r)
			}
			wantScreen(t, m, tc.adopted)
			typeText(m, "v")
			typeText(m, "60")
			enter(m)
			enter(m)
			wantScreen(t, m, tc.rejected)
			typeText(m, "v")
			typeText(m, "u")
			enter(m)
			if r := state(sess).Votes[2]; r.For != 118 || r.Against != 0 || r.Abstain != 0 {
				t.Fatalf("unanimous %+v", r)
			}
			// Now the item may be left.
			ctrl(m, 'n')
			ctrl(m, 'n')
			if state(sess).Item != res+1 {
				t.Fatalf("after the vote: %+v", m.c.Note)
			}
		})
	}
}

// counts types the counts of a vote, tab between them.
func counts(m *Model, c ...string) {
	for i, s := range c {
		if i > 0 {
			press(m, tea.KeyTab)
		}
		typeText(m, s)
	}
}

// TestNotes adds a secretary's note on the current item from any screen.
func TestNotes(t *testing.T) {
	sess := congress(t)
	report := itemOf(t, congressSetup(), model.ItemReport)
	startAt(t, sess, report, t0.Add(-10*time.Minute))
	m := newTestModel(t, sess, "zh", 80, 24)
	fkey(m, 1)
	fkey(m, 7)
	typeText(m, "报告人超时?请注意")
	enter(m)
	st := state(sess)
	if len(st.Notes) != 1 || st.Notes[0].Item != report || st.Notes[0].Text != "报告人超时?请注意" || st.Notes[0].By != "desk-1" {
		t.Fatalf("notes %+v", st.Notes)
	}
	if m.cur.id != screenAttendance || m.c.Note.Text != "已记录 09:30" {
		t.Fatalf("screen %s note %+v", m.cur.id, m.c.Note)
	}
	fkey(m, 2)
	wantScreen(t, m, "会议记录（1 条）", "09:30  报告人超时?请注意")
	checkFrame(t, m, 80, 24)
}

// goldenCongress is the test congress run to item kind k with some
// business done: two questions (one answered, one on notice), two motions
// (one accepted and voted, one declined), the resolution voted, a note.
func goldenCongress(t *testing.T, k model.ItemKind) *session.Session {
	// The test congress, declared valid at 08:30, when the first item
	// starts (the core refuses a command dated before the last event).
	s := congressSetup()
	sess := newSession(t, s)
	n := 0
	for _, p := range s.Roster {
		if p.Kind == model.Formal && n < 118 {
			mark(t, sess, p.ID, session.Present, t0.Add(-time.Hour))
			n++
		}
	}
	if _, err := sess.Execute(session.DeclareOpen{Meta: session.Meta{At: t0.Add(-time.Hour), Actor: "host"}}); err != nil {
		t.Fatal(err)
	}
	meta := func(min int) session.Meta {
		return session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: "host"}
	}
	do := func(cmd session.Command) {
		t.Helper()
		if _, err := sess.Execute(cmd); err != nil {
			t.Fatalf("%T: %v", cmd, err)
		}
	}
	target := itemOf(t, s, k)
	for i := 0; i <= target; i++ {
		do(session.StartItem{Meta: meta(-60 + i*5), Index: i})
		switch s.Agenda[i].Kind {
		case model.ItemReport:
			do(session.AddNote{Meta: meta(-58 + i*5), Text: "报告人介绍了一年来的八项主要工作"})
		case model.ItemQuestioning:
			do(session.AskQuestion{Meta: meta(-59 + i*5), Delegate: "A008", Target: "学习部", Text: "今年的讲座为什么减少了一半？"})
			do(session.AskQuestion{Meta: meta(-59 + i*5), Delegate: "A009", Target: "主席团", Text: "换届为何推迟了两个月？"})
			do(session.AnswerQuestion{Meta: meta(-58 + i*5), No: 1, By: "学习部部长", Text: "经费调整，下学期恢复。"})
			if k != model.ItemQuestioning {
				do(session.DeferQuestion{Meta: meta(-58 + i*5), No: 2})
			}
		case model.ItemMotions:
			do(session.FileMotion{Meta: meta(-59 + i*5), Proposer: "A008", CoSigners: []string{"A009", "A003"},
				Title: "增设24小时自习室", Text: "在图书馆增设24小时自习室。", Category: "学习"})
			do(session.FileMotion{Meta: meta(-59 + i*5), Proposer: "A001", CoSigners: []string{"A002", "A004"},
				Title: "延长食堂营业时间", Text: "食堂晚间营业至22点。", Category: "生活"})
			do(session.AcceptMotion{Meta: meta(-58 + i*5), No: 1})
			do(session.RecordVote{Meta: meta(-58 + i*5), Subject: "增设24小时自习室", Kind: model.VoteOrdinary,
				Method: model.VoteHands, For: 100, Against: 10, Abstain: 8, Motion: 1})
			if k != model.ItemMotions {
				do(session.DeclineMotion{Meta: meta(-58 + i*5), No: 2, Reason: "属于后勤处职权"})
			}
		case model.ItemResolution:
			if k != model.ItemResolution {
				do(session.RecordVote{Meta: meta(-58 + i*5), Subject: s.Agenda[i].Title, Kind: model.VoteOrdinary,
					Method: model.VoteHands, For: 64, Against: 3, Abstain: 2})
			}
		}
	}
	return sess
}

// TestMeetingResize renders every meeting screen at the sizes the frame
// supports, in both languages, with the full help open.
func TestMeetingResize(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		m := newTestModel(t, goldenCongress(t, model.ItemClosing), lang, 80, 24)
		for _, sz := range [][2]int{{80, 24}, {95, 30}, {120, 40}, {200, 24}} {
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			for _, f := range []int{1, 2, 4, 5, 6} {
				fkey(m, f)
				checkFrame(t, m, sz[0], sz[1])
				typeText(m, "?")
				checkFrame(t, m, sz[0], sz[1])
				typeText(m, "?")
			}
		}
	}
}

// TestScreenKeys: f2 is the current item's screen, and the election
// before the agenda starts; f3 is the election from anywhere; f1 the
// check-in desk.
func TestScreenKeys(t *testing.T) {
	sess := newSession(t, files.Demo())
	m := newTestModel(t, sess, "zh", 120, 40)
	fkey(m, 2)
	if m.cur.id != screenElection {
		t.Fatalf("f2 before the agenda: screen %s, want the election", m.cur.id)
	}
	fkey(m, 1)
	if m.cur.id != screenAttendance {
		t.Fatalf("f1: screen %s", m.cur.id)
	}
	startAt(t, sess, itemOf(t, files.Demo(), model.ItemReport), t0)
	m.Update(ChangedMsg{})
	if m.cur.id != screenItem {
		t.Fatalf("the report shows screen %s, want the item screen", m.cur.id)
	}
	fkey(m, 3)
	if m.cur.id != screenElection {
		t.Fatalf("f3: screen %s", m.cur.id)
	}
	fkey(m, 2)
	if m.cur.id != screenItem {
		t.Fatalf("f2: screen %s", m.cur.id)
	}
	for f, want := range map[int]common.ScreenID{4: screenQuestions, 5: screenMotions, 6: screenAgenda} {
		fkey(m, f)
		if m.cur.id != want {
			t.Fatalf("f%d: screen %s, want %s", f, m.cur.id, want)
		}
	}
}
