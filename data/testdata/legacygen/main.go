// Command legacygen wrote, with podium as it was at commit d09bca4 (codec
// 1, before the stored history was versioned), the legacy database
// data/testdata/legacy-v1.db and one v1 fixture per event kind under
// session/testdata/events/v1/. It is kept for the record: it was run from
// a worktree of d09bca4 as `go run ./cmd/legacygen OUTDIR db` (OUTDIR
// the repository's root; without "db" it writes the fixtures only). It
// does not build against today's code and must never be run again: the
// files it wrote are the evidence of what old podiums wrote.
package main

import (
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"podium/data"
	"podium/files"
	"podium/model"
	"podium/session"
	"podium/session/election"
)

// t0 is 09:00 in Beijing on the demo congress's day.
var t0 = time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)

func by(actor string, role session.Role, min int) session.Meta {
	return session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor, Role: role}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "legacygen:", err)
		os.Exit(1)
	}
}

func main() {
	out := os.Args[1]
	if len(os.Args) > 2 && os.Args[2] == "db" {
		must(writeDB(filepath.Join(out, "data", "testdata", "legacy-v1.db")))
	}
	must(writeFixtures(filepath.Join(out, "session", "testdata", "events", "v1")))
}

func writeDB(path string) error {
	os.Remove(path)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	store, err := data.Open(path)
	if err != nil {
		return err
	}
	defer store.Close()
	setup := files.Demo()
	s, err := session.Create(store, session.Open{Meta: by("host", "", 0), Setup: setup})
	if err != nil {
		return err
	}
	run := func(cmds ...session.Command) {
		for _, c := range cmds {
			if _, err := s.Execute(c); err != nil {
				must(fmt.Errorf("%T: %w", c, err))
			}
		}
	}
	var formal []string
	for _, p := range setup.Roster {
		if p.Kind == model.Formal {
			formal = append(formal, p.ID)
		}
	}
	for i, id := range formal {
		st := session.Present
		switch id {
		case "D0005", "D0006":
			st = session.OnLeave
		case "D0007":
			continue
		}
		run(session.Mark{Meta: by("desk-1", session.RoleDesk, 1+i/40), Person: id, Status: st})
	}
	run(
		session.Mark{Meta: by("desk-2", session.RoleDesk, 4), Person: "D0123", Status: session.Present},
		session.Mark{Meta: by("desk-2", session.RoleDesk, 4), Person: "D0124", Status: session.Left},
		session.Undo{Meta: by("desk-2", session.RoleDesk, 4)},
		session.DeclareOpen{Meta: by("host", "", 5)},
		session.StartItem{Meta: by("host", "", 5), Index: 0},
		session.RecordVote{Meta: by("host", "", 12), Subject: "通过大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 119},
		session.SkipItem{Meta: by("host", "", 14), Index: 2, Reason: "国歌音响故障，改在闭幕式奏唱"},
		session.StartItem{Meta: by("host", "", 20), Index: 1},
		session.StartItem{Meta: by("host", "", 28), Index: 3},
		session.AddNote{Meta: by("secretary", session.RoleSecretary, 55), Text: "工作报告约25分钟。"},
		session.StartItem{Meta: by("host", "", 100), Index: 5},
		session.AskQuestion{Meta: by("secretary", session.RoleSecretary, 102), Delegate: "D0010", Target: "学生会主席团", Text: "去年社团经费为何没有公示？"},
		session.AnswerQuestion{Meta: by("secretary", session.RoleSecretary, 106), No: 1, By: "学生会主席", Text: "经费明细将于下月在校园网公示。"},
		session.AskQuestion{Meta: by("secretary", session.RoleSecretary, 110), Delegate: "D0011", Target: "生活部", Text: "食堂晚餐时间能否延长到八点？"},
		session.DeferQuestion{Meta: by("secretary", session.RoleSecretary, 112), No: 2},
		session.StartItem{Meta: by("host", "", 130), Index: 6},
		session.FileMotion{Meta: by("secretary", session.RoleSecretary, 131), Proposer: "D0012", CoSigners: []string{"D0013", "D0014"},
			Title: "关于在图书馆增设夜间自习室的提案", Text: "建议图书馆三楼开放至22:30。", Category: "学习"},
		session.FileMotion{Meta: by("secretary", session.RoleSecretary, 133), Proposer: "D0015", CoSigners: []string{"D0017", "D0018"},
			Title: "关于调整个人奖学金的提案", Text: "建议提高本人奖学金。", Category: "其他"},
		session.AcceptMotion{Meta: by("secretary", session.RoleSecretary, 136), No: 1},
		session.DeclineMotion{Meta: by("secretary", session.RoleSecretary, 137), No: 2, Reason: "纯属个人事项"},
		session.RecordVote{Meta: by("host", "", 142), Subject: "关于在图书馆增设夜间自习室的提案", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 100, Against: 12, Abstain: 6, Motion: 1},
		session.StartItem{Meta: by("host", "", 150), Index: 7},
		session.RecordVote{Meta: by("host", "", 155), Subject: "大会批准学生会工作报告。", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 110, Against: 3, Abstain: 5},
		session.StartItem{Meta: by("host", "", 160), Index: 8},
		session.AdoptMethod{Meta: by("host", "", 161), Method: setup.Election.Method},
		session.AdoptScrutineers{Meta: by("host", "", 163), Scrutineer: "D0001", Chief: "D0003", Counters: []string{"赵计票", "钱计票"}},
		session.OpenRound{Meta: by("host", "", 165)},
		session.IssueBallots{Meta: by("host", "", 166), N: 119},
		session.CollectBallots{Meta: by("host", "", 180), N: 118},
	)
	ballots := roundOneBallots(117)
	for _, teller := range []string{"teller-1", "teller-2"} {
		meta := by(teller, session.RoleTeller, 185)
		for i, b := range ballots {
			if teller == "teller-2" && i == 5 {
				// A slip, corrected in place, and one keyed twice and taken back.
				run(session.EnterBallot{Meta: meta, Index: -1, Ballot: election.Ballot{Marks: []election.Mark{2, 2, 2}}},
					session.EnterBallot{Meta: meta, Index: 5, Ballot: b},
					session.EnterBallot{Meta: meta, Index: -1, Ballot: b},
					session.RemoveBallot{Meta: meta})
				continue
			}
			run(session.EnterBallot{Meta: meta, Index: -1, Ballot: b})
		}
	}
	run(session.DecideRound{Meta: by("host", "", 190)})
	// Round 2: the runoff in 社团 between candidates 13 and 14, from a tally.
	run(session.OpenRound{Meta: by("host", "", 195)},
		session.IssueBallots{Meta: by("host", "", 196), N: 118},
		session.CollectBallots{Meta: by("host", "", 205), N: 118},
		session.EnterTally{Meta: by("teller-1", session.RoleTeller, 210), Tally: election.Tally{Counts: []election.TallyCount{
			{Approve: 75, Disapprove: 30, Abstain: 12}, {Approve: 40, Disapprove: 60, Abstain: 17}}, Invalid: []int{0, 0, 1}}},
		session.DecideRound{Meta: by("host", "", 212)},
		// Round 3: the second round in 分院学生会 for one seat; nobody passes.
		session.OpenRound{Meta: by("host", "", 214)},
		session.IssueBallots{Meta: by("host", "", 215), N: 118},
		session.CollectBallots{Meta: by("host", "", 218), N: 118},
		session.EnterTally{Meta: by("teller-1", session.RoleTeller, 222), Tally: election.Tally{Counts: []election.TallyCount{
			{Approve: 50, Disapprove: 60, Abstain: 8}, {Approve: 45, Disapprove: 65, Abstain: 8}}, Invalid: []int{0, 0, 0}}},
		session.DecideRound{Meta: by("host", "", 224)},
		session.DeclareVacant{Meta: by("host", "", 225)},
		session.EndItem{Meta: by("host", "", 226)},
		session.StartItem{Meta: by("host", "", 230), Index: 9},
		session.EndItem{Meta: by("host", "", 240), Note: ""},
	)
	return nil
}

// roundOneBallots returns n ballots on which 主席团 0–2 get 110 approvals,
// 分院学生会 3–8 get 100 and 9–10 get 40 (one seat missing: a second
// round), 社团 11 90, 12 80, 13 and 14 70 each (a tie across the cut-off:
// a runoff for one seat); one ballot writes in a name in 社团, one is
// spoiled. No ballot selects more than its category's seats.
func roundOneBallots(n int) []election.Ballot {
	approvals := []int{110, 110, 110, 100, 100, 100, 100, 100, 100, 40, 40, 90, 80, 70, 70}
	cats := [][]int{{0, 1, 2}, {3, 4, 5, 6, 7, 8, 9, 10}, {11, 12, 13, 14}}
	marks := make([][]election.Mark, n)
	for b := range marks {
		marks[b] = make([]election.Mark, 15)
		for i := range marks[b] {
			marks[b][i] = election.Disapprove
			if (b+i)%9 == 0 {
				marks[b][i] = election.Abstain
			}
		}
	}
	for _, cat := range cats {
		load := make([]int, n)
		for _, i := range cat {
			// Give candidate i its approvals on the least loaded ballots.
			for k := 0; k < approvals[i]; k++ {
				best := -1
				for b := 0; b < n; b++ {
					if marks[b][i] != election.Approve && (best < 0 || load[b] < load[best]) {
						best = b
					}
				}
				marks[best][i] = election.Approve
				load[best]++
			}
		}
	}
	out := make([]election.Ballot, n)
	for b := range out {
		out[b] = election.Ballot{Marks: marks[b]}
	}
	// A write-in in 社团 on a ballot with a × there and a seat to spare.
	for b := range out {
		sel := 0
		for _, i := range cats[2] {
			if out[b].Marks[i] == election.Approve {
				sel++
			}
		}
		if out[b].Marks[14] == election.Disapprove && sel < 3 {
			out[b].WriteIns = []election.WriteIn{{Name: "孙另选", Category: "社团"}}
			out[b].ID = fmt.Sprintf("No.%03d", b+1)
			break
		}
	}
	return append(out, election.Ballot{Spoiled: "字迹无法辨认"})
}

func writeFixtures(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	when := time.Date(2026, 11, 30, 1, 2, 3, 456789000, time.UTC)
	cnt := session.Count{Expected: 122, Present: 118}
	method := model.Method{Seats: 3, Quorum: model.Fraction{Num: 4, Den: 5, Strict: true}, Threshold: model.Fraction{Num: 1, Den: 2, Strict: true},
		ThresholdBase: model.BaseExpected, WriteIns: model.WriteInsWithDisapproval, OverSelection: model.OverSelectionBallot,
		Categories: []model.Category{{Name: "主席团", Seats: 1}, {Name: "社团", Seats: 2}}}
	setup := model.Setup{
		Meeting: model.Meeting{Name: "天山职业技术学院第一次学生代表大会", NameEn: "First Congress", Date: "2026-11-30", Place: "图书馆",
			Chair: "王芳", Recorder: "李·阿依", OpeningQuorum: model.Fraction{Num: 1, Den: 2, Strict: true},
			ElectionQuorum: model.Fraction{Num: 4, Den: 5, Strict: true}, Ordinary: model.Fraction{Num: 1, Den: 2},
			Charter: model.Fraction{Num: 2, Den: 3}, VoteBase: model.BasePresent, AnswerDays: 10},
		Roster: []model.Person{
			{ID: "D0001", Name: "王芳", Unit: "护理分院", Gender: "女", Ethnicity: "汉族", BirthDate: "2005-03-01", Kind: model.Formal,
				UnionCadre: true, LeagueCadre: true, Honoured: true},
			{ID: "D0002", Name: "阿依古丽·买买提", Unit: "机电工程分院", Kind: model.Formal},
			{ID: "G0001", Name: "来宾", Unit: "校团委", Kind: model.Guest},
		},
		Agenda: []model.Item{
			{Kind: model.ItemReport, Title: "工作报告", TitleEn: "Work report", Presenter: "王芳", Minutes: 30, Script: "请{presenter}作报告。", ScriptEn: "Report."},
			{Kind: model.ItemResolution, Title: "决议", Resolution: &model.ResolutionSpec{Text: "批准", TextEn: "Approve", Kind: model.VoteCharter, Method: model.VoteBallot}},
			{Kind: model.ItemReview, Title: "述职评议", Officers: []string{"主席 王芳", "副主席 李四"}},
		},
		Election: &model.Election{Method: method, Candidates: []model.Candidate{{Name: "王芳", Category: "主席团", PersonID: "D0001"}, {Name: "赵六", Category: "社团"}}},
		Demo:     true,
	}
	due := when.AddDate(0, 0, 14)
	ballot := election.Ballot{ID: "No.007", Marks: []election.Mark{1, 2, 0, 2}, WriteIns: []election.WriteIn{{Name: "孙另选", Category: "社团"}, {Name: "周七"}}, Spoiled: ""}
	tally := election.Tally{Counts: []election.TallyCount{{Approve: 100, Disapprove: 10, Abstain: 8}, {Approve: 60, Disapprove: 50, Abstain: 8}},
		WriteIns: []election.WriteInCount{{Name: "孙另选", Category: "社团", Approve: 3}}, Invalid: []int{0, 1}}
	events := map[string]session.Body{
		"opened":               session.Opened{Setup: setup},
		"marked":               session.Marked{Person: "D0002", Status: session.OnLeave, Undoes: 17},
		"item_started":         session.ItemStarted{Index: 4, Count: cnt},
		"declared_open":        session.DeclaredOpen{Count: session.Count{Expected: 122, Present: 62}},
		"method_adopted":       session.MethodAdopted{Method: method},
		"scrutineers_adopted":  session.ScrutineersAdopted{Scrutineer: "D0001", Chief: "D0003", Counters: []string{"赵计票", "钱计票"}, Count: cnt},
		"round_opened":         session.RoundOpened{Round: 2, Kind: election.Runoff, Slate: setup.Election.Candidates, Seats: map[string]int{"社团": 1, "主席团": 0}, Revote: true, Count: cnt},
		"ballots_issued":       session.BallotsIssued{Round: 1, N: 118, Count: cnt},
		"ballots_collected":    session.BallotsCollected{Round: 1, N: 117},
		"ballot_entered":       session.BallotEntered{Round: 1, Index: 6, Ballot: ballot},
		"ballot_removed":       session.BallotRemoved{Round: 1, Index: 41},
		"tally_entered":        session.TallyEntered{Round: 3, Tally: tally},
		"round_decided_legacy": session.RoundDecided{Round: 3, Count: cnt},
		"vacancy_declared":     session.VacancyDeclared{Round: 4, Seats: map[string]int{"社团": 1}},
		"item_ended":           session.ItemEnded{Index: 8, Note: "选举未完成：第二轮另行选举待定"},
		"item_skipped":         session.ItemSkipped{Index: 2, Reason: "音响故障"},
		"question_asked":       session.QuestionAsked{No: 3, Delegate: "D0010", Target: "学生会主席团", Text: "经费为何没有公示？", Item: 5},
		"question_answered":    session.QuestionAnswered{No: 3, By: "学生会主席", Text: "下月公示。"},
		"question_deferred":    session.QuestionDeferred{No: 4, Due: due},
		"motion_filed":         session.MotionFiled{No: 2, Proposer: "D0012", CoSigners: []string{"D0013", "D0014"}, Title: "夜间自习室", Text: "开放至22:30。", Category: "学习"},
		"motion_accepted":      session.MotionAccepted{No: 2},
		"motion_declined":      session.MotionDeclined{No: 3, Reason: "纯属个人事项", Due: due},
		"vote_recorded": session.VoteRecorded{No: 2, Item: 7, Motion: 1, Subject: "关于夜间自习室的提案", Kind: model.VoteCharter, Method: model.VoteBallot,
			For: 100, Against: 12, Abstain: 6, Count: cnt, Rule: model.Fraction{Num: 2, Den: 3}, Base: 122, Need: 82, Adopted: true},
		"note_added":    session.NoteAdded{Item: 3, Text: "报告约25分钟。"},
		"officer_rated": session.OfficerRated{Item: 9, Officer: "主席 王芳", Rating: model.RatingExcellent, Note: "继续保持"},
	}
	for name, b := range events {
		e := session.Event{Seq: 1234567, At: when, Actor: "ssh:desk-3 (签到台 3)", Body: b}
		data, err := session.Encode(e)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, name+".hex"), []byte(hexLines(data)), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// hexLines writes b in lowercase hex, 32 bytes a line.
func hexLines(b []byte) string {
	var s strings.Builder
	for len(b) > 0 {
		n := min(32, len(b))
		s.WriteString(hex.EncodeToString(b[:n]))
		s.WriteByte('\n')
		b = b[n:]
	}
	return s.String()
}
