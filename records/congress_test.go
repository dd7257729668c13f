package records

import (
	"crypto/sha256"
	"strings"
	"testing"
	"time"

	"podium/files"
	"podium/model"
	"podium/session"
	"podium/session/election"
)

// t0 is 09:00 in Beijing on the congress's day.
var t0 = time.Date(2026, 11, 30, 1, 0, 0, 0, time.UTC)

func by(actor string, min int) session.Meta {
	return session.Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor}
}

func run(t testing.TB, s *session.Session, cmds ...session.Command) {
	t.Helper()
	for _, c := range cmds {
		if _, err := s.Execute(c); err != nil {
			t.Fatalf("%T: %v", c, err)
		}
	}
}

// digestOf chains the log as package data does: each record's hash is the
// SHA-256 of the previous hash and the record.
func digestOf(t testing.TB, log *session.MemoryLog) Digest {
	t.Helper()
	var d Digest
	err := log.Replay(func(r session.Record) error {
		d.Events++
		d.Head = sha256.Sum256(append(d.Head[:], r.Data...))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// smallRoster is the small congress's roster: 12 formal delegates in three
// units (two of them named 张伟, in different units), the recorder as an
// observer and a guest.
const smallRoster = `编号,姓名,选举单位,性别,民族,出生日期,代表类别,学生会骨干,团干部,受表彰
D01,张伟,机电工程分院,男,汉族,2005-04-01,正式,是,否,否
D02,王芳,机电工程分院,女,汉族,2005-09-12,正式,是,是,是
D03,阿依古丽·买买提,机电工程分院,女,维吾尔族,2006-01-20,正式,否,否,是
D04,李强,机电工程分院,男,回族,2004-11-03,正式,否,否,否
D05,张伟,护理分院,女,汉族,2006-03-15,正式,否,否,否
D06,刘洋,护理分院,男,哈萨克族,2005-07-07,正式,是,否,是
D07,陈静,护理分院,女,汉族,2006-05-30,正式,否,否,否
D08,马小梅,护理分院,女,回族,2005-12-01,正式,否,是,否
D09,赵磊,经济管理分院,男,汉族,2005-02-14,正式,否,否,是
D10,孙丽,经济管理分院,女,汉族,2006-08-08,正式,否,否,否
D11,周杰,经济管理分院,男,蒙古族,2005-10-10,正式,否,否,否
D12,吴敏,经济管理分院,女,汉族,2005-06-06,正式,否,否,否
D13,周记录,学生会,女,汉族,2004-01-01,列席,是,否,否
D14,郑老师,校团委,男,汉族,1990-01-01,特邀,否,否,否
`

// smallSetup is a congress small enough to read whole in a golden diff:
// eight items, a 4-seat election in two categories.
func smallSetup(t testing.TB) model.Setup {
	t.Helper()
	roster, err := files.ReadRosterCSV("small.csv", strings.NewReader(smallRoster))
	if err != nil {
		t.Fatal(err)
	}
	m := model.DefaultMeeting("天山职业技术学院第一次学生代表大会")
	m.NameEn = "First Student Congress of Tianshan Vocational College"
	m.Date, m.Place, m.Chair, m.Recorder = "2026-11-30", "图书馆三楼会议中心", "吴敏", "周记录"
	method := model.DefaultMethod(4)
	method.Categories = []model.Category{{Name: "主席团", Seats: 1}, {Name: "委员", Seats: 3}}
	return model.Setup{
		Meeting: m,
		Roster:  roster,
		Agenda: []model.Item{
			{Kind: model.ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting", Minutes: 15},
			{Kind: model.ItemReport, Title: "听取学生会工作报告", TitleEn: "Work report of the student union", Presenter: "王芳", Minutes: 20},
			{Kind: model.ItemDeliberation, Title: "分组审议工作报告", TitleEn: "Deliberation of the work report in groups", Minutes: 3,
				Floor: model.ItemFloor{SpeechSeconds: 60, ShortSeconds: 30, InGroups: true}},
			{Kind: model.ItemQuestioning, Title: "代表质询", TitleEn: "Questions from delegates", Minutes: 15},
			{Kind: model.ItemMotions, Title: "代表提案", TitleEn: "Motions of delegates", Minutes: 15},
			{Kind: model.ItemResolution, Title: "关于学生会工作报告的决议", TitleEn: "Resolution on the work report", Minutes: 5,
				Resolution: &model.ResolutionSpec{Text: "大会批准学生会工作报告。\n大会要求新一届委员会在一个月内公布社团经费明细。",
					TextEn: "The congress approves the work report of the student union.\nIt asks the new committee to publish the clubs' accounts within a month.",
					Kind:   model.VoteOrdinary, Method: model.VoteHands}},
			{Kind: model.ItemElection, Title: "选举学生会第一届委员会", TitleEn: "Election of the first committee of the student union", Minutes: 40},
			{Kind: model.ItemClosing, Title: "闭幕式", TitleEn: "Closing session", Minutes: 5},
		},
		Election: &model.Election{Method: method, Candidates: []model.Candidate{
			{Name: "刘洋", Category: "主席团", PersonID: "D06"},
			{Name: "张伟", Category: "委员", PersonID: "D01"}, {Name: "孙丽", Category: "委员", PersonID: "D10"},
			{Name: "李强", Category: "委员", PersonID: "D04"}, {Name: "赵磊", Category: "委员", PersonID: "D09"},
		}},
	}
}

// smallCongress runs the small congress to its close: D07 on leave (with
// its reason), D11 never comes, D08 arrives and leaves after the election,
// D06 is marked as left by mistake and the desk undoes it; a vote recorded
// by mistake and struck with its reason; the method and the scrutineers
// adopted by the congress's votes; a question from each 张伟; a motion
// accepted and voted, one declined; the resolution; the election counted
// from a paper tally (one category has an invalid part and the other
// none: that ballot is partly invalid, exactly) with a runoff among three
// for two seats, keyed by two tellers who agree; the satisfaction survey
// recorded before the close (item 16 met, item 17 not), and the staff
// audit (items 3 and 5 met, 4 not, 6 not verified).
func smallCongress(t testing.TB, upTo int) (*session.Session, *session.MemoryLog) {
	t.Helper()
	log := &session.MemoryLog{}
	s, err := session.Create(log, session.Open{Meta: by("secretary", -60), Setup: smallSetup(t)})
	if err != nil {
		t.Fatal(err)
	}
	steps := [][]session.Command{}
	var marks []session.Command
	for i, id := range []string{"D01", "D02", "D03", "D04", "D05", "D06", "D08", "D09", "D10", "D12", "D13", "D14"} {
		marks = append(marks, session.Mark{Meta: by("desk", 1+i/4), Person: id, Status: session.Present})
	}
	marks = append(marks, session.Mark{Meta: by("desk", 4), Person: "D07", Status: session.OnLeave, Reason: "参加省运动会"})
	steps = append(steps, marks)
	tally := election.Tally{Counts: []election.TallyCount{
		{Approve: 8, Disapprove: 1}, // 刘洋, 主席团: 9 valid
		{Approve: 8, Disapprove: 2}, {Approve: 7, Disapprove: 2, Abstain: 1}, {Approve: 7, Disapprove: 3}, {Approve: 7, Disapprove: 2, Abstain: 1},
	}, Invalid: []int{1, 0}}
	ballots := []string{"○○×", "○○×", "○○×", "○×○", "○×○", "○○ ", "×○○", "×○○", "○○○", "   "}
	steps = append(steps, []session.Command{
		session.DeclareOpen{Meta: by("host", 5)},
		session.StartItem{Meta: by("host", 5), Index: 0},
		session.RecordVote{Meta: by("host", 9), Subject: "通过大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 1},
		session.StrikeVote{Meta: by("host", 9), No: 1, Reason: "误按 表决尚未进行"},
		session.RecordVote{Meta: by("host", 10), Subject: "通过大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 10},
		session.AdoptMethod{Meta: by("host", 12), Method: smallSetup(t).Election.Method,
			Vote: &session.VoteCounts{Method: model.VoteHands, For: 9, Abstain: 1}},
		session.AdoptScrutineers{Meta: by("host", 14), Scrutineer: "D03", Chief: "D02", Counters: []string{"赵计票", "钱计票"},
			Vote: &session.VoteCounts{Method: model.VoteHands, For: 9, Against: 1}},
		session.StartItem{Meta: by("host", 20), Index: 1},
		session.AddNote{Meta: by("secretary", 35), Text: "报告分“工作回顾”“存在问题”“明年打算”三部分。"},
	}, floorSteps(), []session.Command{
		session.StartItem{Meta: by("host", 40), Index: 3},
		session.AskQuestion{Meta: by("secretary", 42), Delegate: "D05", Target: "学生会主席团", Text: "社团经费为何没有公示？"},
		session.AnswerQuestion{Meta: by("secretary", 45), No: 1, By: "王芳", Text: "下月在校园网公示。"},
		session.AskQuestion{Meta: by("secretary", 47), Delegate: "D01", Target: "生活部", Text: "食堂晚餐能否延长到八点？"},
		session.DeferQuestion{Meta: by("secretary", 48), No: 2},
		session.Mark{Meta: by("desk", 50), Person: "D06", Status: session.Left},
		session.Undo{Meta: by("desk", 51)},
	}, []session.Command{
		session.StartItem{Meta: by("host", 55), Index: 4},
		session.FileMotion{Meta: by("secretary", 56), Proposer: "D02", CoSigners: []string{"D03", "D04"},
			Title: "关于图书馆夜间开放的提案", Text: "建议图书馆三楼开放至22:30。", Category: "学习"},
		session.FileMotion{Meta: by("secretary", 57), Proposer: "D09", CoSigners: []string{"D10", "D12"},
			Title: "关于提高本人奖学金的提案", Text: "建议提高本人奖学金。", Category: "其他"},
		session.AcceptMotion{Meta: by("secretary", 60), No: 1},
		session.DeclineMotion{Meta: by("secretary", 61), No: 2, Reason: "纯属个人事项"},
		session.RecordVote{Meta: by("host", 64), Subject: "关于图书馆夜间开放的提案", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 8, Against: 1, Abstain: 1, Motion: 1},
		session.StartItem{Meta: by("host", 70), Index: 5},
		session.RecordVote{Meta: by("host", 74), Subject: "关于学生会工作报告的决议", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 9, Abstain: 1},
		session.StartItem{Meta: by("host", 80), Index: 6},
		session.OpenRound{Meta: by("host", 82)},
		session.IssueBallots{Meta: by("host", 83), N: 10},
		session.CollectBallots{Meta: by("host", 90), N: 10},
		session.EnterTally{Meta: by("t1", 100), Tally: tally},
		session.DecideRound{Meta: by("host", 101)},
		session.OpenRound{Meta: by("host", 103)},
		session.IssueBallots{Meta: by("host", 104), N: 10},
		session.CollectBallots{Meta: by("host", 110), N: 10},
	})
	var keyed []session.Command
	for k, teller := range []string{"t1", "t2"} {
		for i, b := range ballots {
			var marks []election.Mark
			for _, r := range b {
				marks = append(marks, map[rune]election.Mark{'○': election.Approve, '×': election.Disapprove, ' ': election.Abstain}[r])
			}
			keyed = append(keyed, session.EnterBallot{Meta: by(teller, 112+2*k+i/5), Index: -1,
				Ballot: election.Ballot{ID: itoa(i + 1), Marks: marks}})
		}
	}
	steps = append(steps, keyed, []session.Command{
		session.DecideRound{Meta: by("host", 118)},
		session.EndItem{Meta: by("host", 120)},
		session.Mark{Meta: by("desk", 121), Person: "D08", Status: session.Left},
		session.StartItem{Meta: by("host", 122), Index: 7},
		session.AddNote{Meta: by("secretary", 125), Text: "大会在《团结就是力量》歌声中闭幕。"},
		session.RecordSurvey{Meta: session.Meta{At: t0.Add(126 * time.Minute), Actor: "podium check survey", Role: session.RoleSecretary},
			File: "满意度调查.xlsx", Respondents: 40, Items: []model.SurveyCount{
				{Item: 16, Question: 7, Header: "7、您对学生会组织整体工作的满意度", Satisfied: 20, Basically: 8, Neutral: 6, Less: 2, Dissatisfied: 1, Blank: 3,
					Mapped: []model.SurveyMapped{{Answer: "非常满意", Option: model.SurveySatisfied, Count: 3, By: "map"}}},
				{Item: 17, Question: 14, Header: "14、您对学生会组织工作人员的满意度", Satisfied: 10, Basically: 11, Neutral: 10, Less: 4, Dissatisfied: 3, Blank: 2}}},
		session.RecordStaffAudit{Meta: session.Meta{At: t0.Add(126 * time.Minute), Actor: "podium check staff", Role: session.RoleSecretary},
			File: "工作人员名单.csv", Staff: 12, Checks: []session.StaffAuditCheck{
				{Item: "3.1", Status: session.StaffPass, Count: 12, Limit: 40},
				{Item: "3.2", Status: session.StaffPass, Count: 3, Limit: 5},
				{Item: "3.3", Status: session.StaffPass, Count: 2, Limit: 6, Departments: []string{"学习部", "宣传部"}},
				{Item: "4", Status: session.StaffFail, Count: 11, Findings: []session.StaffAuditFinding{
					{Row: 5, Name: "钱多多", Status: session.StaffFail, Code: model.StaffBadTitle, Value: "秘书长"}}},
				{Item: "5", Status: session.StaffPass, Count: 12},
				{Item: "6", Status: session.StaffCannotVerify, Count: 8, Findings: []session.StaffAuditFinding{
					{Row: 9, Name: "阿依古丽·买买提", Status: session.StaffCannotVerify, Code: model.StaffNoMajorSize, Value: "5/专业"}}}}},
		session.EndItem{Meta: by("host", 127)},
	})
	for i, st := range steps {
		if upTo >= 0 && i >= upTo {
			break
		}
		run(t, s, st...)
	}
	return s, log
}

// floorSteps deliberate the report (item 3) from 36:00 to 39:55: a
// speech over its one-minute limit, a point of order asked meanwhile and
// heard next, a speech, a supplementary speech, the reporter's answer, a
// request taken off and one not reached when the item ends; two of the
// three groups report (one from its own terminal), the third does not.
func floorSteps() []session.Command {
	at := func(actor string, min, sec int) session.Meta {
		return session.Meta{At: t0.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second), Actor: actor}
	}
	add := func(min, sec int, person string, k session.SpeechKind) session.Command {
		return session.AddSpeaker{Meta: at("secretary", min, sec), Person: person, Kind: k}
	}
	start := func(min, sec int) session.Command { return session.StartSpeech{Meta: at("host", min, sec)} }
	end := func(min, sec int) session.Command { return session.EndSpeech{Meta: at("host", min, sec)} }
	nursing := at("secretary:护理分院组", 39, 55)
	nursing.Role, nursing.OnlyGroup = session.RoleSecretary, "护理分院"
	return []session.Command{
		session.StartItem{Meta: at("host", 36, 0), Index: 2},
		add(36, 0, "D05", session.SpeechOrdinary), add(36, 5, "D09", session.SpeechOrdinary), add(36, 10, "D10", session.SpeechSupplement),
		start(36, 10),
		add(37, 0, "D12", session.SpeechOrder),
		end(37, 25), start(37, 30), end(37, 50), start(37, 50),
		add(38, 0, "D01", session.SpeechOrdinary), session.RemoveSpeaker{Meta: at("secretary", 38, 10), No: 5},
		end(38, 40), start(38, 40),
		add(38, 45, "D02", session.SpeechReply),
		end(39, 5), start(39, 5),
		add(39, 30, "D06", session.SpeechOrdinary),
		end(39, 50),
		session.ReportGroup{Meta: at("secretary", 39, 52), Item: 2, Group: "机电工程分院", Speakers: 3,
			Text: "同意工作报告。建议社团经费每学期公示一次。", Convener: "李强", Secretary: "阿依古丽·买买提"},
		session.ReportGroup{Meta: nursing, Item: 2, Group: "护理分院", Speakers: 2, Text: "同意工作报告。", Convener: "刘洋"},
	}
}

// small builds the small congress's record, whole (upTo -1) or up to a
// step (0: only opened; 1: checked in; 2: through the questions …).
func small(t testing.TB, lang string, upTo int) *Record {
	t.Helper()
	s, log := smallCongress(t, upTo)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, digestOf(t, log), lang) })
	return r
}

// congress runs the demo congress (122 delegates): long tables that print
// over several pages. Two on leave, one not arrived, one who leaves; a
// question answered and one on notice; a motion voted and one declined;
// the resolution; the election with a runoff in 社团 from paper tallies.
func congress(t *testing.T) (*session.Session, Digest) {
	t.Helper()
	setup := files.Demo()
	log := &session.MemoryLog{}
	s, err := session.Create(log, session.Open{Meta: by("secretary", -1440), Setup: setup})
	if err != nil {
		t.Fatal(err)
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
		run(t, s, session.Mark{Meta: by("desk", 1+i/40), Person: id, Status: st})
	}
	run(t, s,
		session.Mark{Meta: by("desk", 4), Person: "D0123", Status: session.Present},
		session.Mark{Meta: by("desk", 4), Person: "D0124", Status: session.Present},
		session.DeclareOpen{Meta: by("host", 5)},
		session.StartItem{Meta: by("host", 5), Index: 0},
		session.RecordVote{Meta: by("host", 12), Subject: "通过大会议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 119},
		session.StartItem{Meta: by("host", 20), Index: 1},
		session.StartItem{Meta: by("host", 25), Index: 2},
		session.StartItem{Meta: by("host", 28), Index: 3},
		session.AddNote{Meta: by("secretary", 55), Text: "工作报告分“过去一年的工作”“存在的问题”“明年的打算”三部分，约25分钟。"},
		session.StartItem{Meta: by("host", 58), Index: 4},
		session.StartItem{Meta: by("host", 100), Index: 5},
		session.AskQuestion{Meta: by("secretary", 102), Delegate: "D0010", Target: "学生会主席团", Text: "去年社团经费为何没有公示？"},
		session.AnswerQuestion{Meta: by("secretary", 106), No: 1, By: "学生会主席", Text: "经费明细将于下月在校园网公示。"},
		session.AskQuestion{Meta: by("secretary", 110), Delegate: "D0011", Target: "生活部", Text: "食堂晚餐时间能否延长到八点？"},
		session.DeferQuestion{Meta: by("secretary", 112), No: 2},
		session.StartItem{Meta: by("host", 130), Index: 6},
		session.FileMotion{Meta: by("secretary", 131), Proposer: "D0012", CoSigners: []string{"D0013", "D0014"},
			Title: "关于在图书馆增设夜间自习室的提案", Text: "建议图书馆三楼开放至22:30。", Category: "学习"},
		session.FileMotion{Meta: by("secretary", 133), Proposer: "D0015", CoSigners: []string{"D0017", "D0018"},
			Title: "关于调整个人奖学金的提案", Text: "建议提高本人奖学金。", Category: "其他"},
		session.AcceptMotion{Meta: by("secretary", 136), No: 1},
		session.DeclineMotion{Meta: by("secretary", 137), No: 2, Reason: "纯属个人事项"},
		session.Mark{Meta: by("desk", 140), Person: "D0008", Status: session.Left},
		session.RecordVote{Meta: by("host", 142), Subject: "关于在图书馆增设夜间自习室的提案", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 100, Against: 12, Abstain: 6, Motion: 1},
		session.StartItem{Meta: by("host", 150), Index: 7},
		session.RecordVote{Meta: by("host", 155), Subject: "大会批准学生会工作报告。", Kind: model.VoteOrdinary,
			Method: model.VoteHands, For: 110, Against: 3, Abstain: 5},
		session.StartItem{Meta: by("host", 160), Index: 8},
		session.AdoptMethod{Meta: by("host", 161), Method: setup.Election.Method,
			Vote: &session.VoteCounts{Method: model.VoteHands, For: 112, Against: 2, Abstain: 4}},
		session.AdoptScrutineers{Meta: by("host", 163), Scrutineer: "D0001", Chief: "D0003", Counters: []string{"赵计票", "钱计票"},
			Vote: &session.VoteCounts{Method: model.VoteHands, For: 115, Abstain: 3}},
		session.OpenRound{Meta: by("host", 165)},
		session.IssueBallots{Meta: by("host", 166), N: 118},
		session.CollectBallots{Meta: by("host", 180), N: 118},
	)
	// 118 collected; invalid per category 0, 1, 2. 主席团 all pass;
	// 分院学生会 3-9 pass, 10 not; 社团 11, 12 pass, 13 and 14 tie at 70
	// across the cut-off: a runoff for one seat.
	counts := make([]election.TallyCount, 15)
	for i := range counts {
		switch {
		case i < 3:
			counts[i] = election.TallyCount{Approve: 110, Disapprove: 5, Abstain: 3}
		case i < 10:
			counts[i] = election.TallyCount{Approve: 100, Disapprove: 10, Abstain: 7}
		case i == 10:
			counts[i] = election.TallyCount{Approve: 40, Disapprove: 70, Abstain: 7}
		case i == 11:
			counts[i] = election.TallyCount{Approve: 90, Disapprove: 20, Abstain: 6}
		case i == 12:
			counts[i] = election.TallyCount{Approve: 80, Disapprove: 30, Abstain: 6}
		default:
			counts[i] = election.TallyCount{Approve: 70, Disapprove: 40, Abstain: 6}
		}
	}
	run(t, s,
		session.EnterTally{Meta: by("t1", 190), Tally: election.Tally{Counts: counts,
			WriteIns: []election.WriteInCount{{Name: "孙另选", Category: "社团", Approve: 3}}, Invalid: []int{0, 1, 2}}},
		session.DecideRound{Meta: by("host", 192)},
		session.OpenRound{Meta: by("host", 195)},
		session.IssueBallots{Meta: by("host", 196), N: 118},
		session.CollectBallots{Meta: by("host", 205), N: 118},
		session.EnterTally{Meta: by("t1", 210), Tally: election.Tally{Counts: []election.TallyCount{
			{Approve: 75, Disapprove: 30, Abstain: 12}, {Approve: 40, Disapprove: 60, Abstain: 17}}, Invalid: []int{0, 0, 1}}},
		session.DecideRound{Meta: by("host", 212)},
		session.EndItem{Meta: by("host", 215)},
		session.StartItem{Meta: by("host", 220), Index: 9},
		session.AddNote{Meta: by("secretary", 225), Text: "大会在国际歌声中闭幕。"},
		session.EndItem{Meta: by("host", 230)},
	)
	return s, digestOf(t, log)
}

func build(t *testing.T, lang string) *Record {
	t.Helper()
	s, d := congress(t)
	var r *Record
	s.Read(func(st *session.State) { r = Build(st, d, lang) })
	return r
}
