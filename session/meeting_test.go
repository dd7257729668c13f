package session

import (
	"podium/files"

	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"podium/model"
)

// meetingSession is a congress of 122 formal delegates (plus an observer
// and a guest), n of them present, on the standard model.
func meetingSession(t *testing.T, present int) (*Session, *MemoryLog) {
	t.Helper()
	setup := testSetup(122)
	setup.Agenda = nil
	for _, k := range []model.ItemKind{model.ItemPreparatory, model.ItemOpening, model.ItemReport,
		model.ItemDeliberation, model.ItemQuestioning, model.ItemMotions, model.ItemResolution,
		model.ItemElection, model.ItemClosing} {
		setup.Agenda = append(setup.Agenda, model.Item{Kind: k, Title: string(k)})
	}
	setup.Election = files.Demo().Election
	for i := range setup.Election.Candidates {
		setup.Election.Candidates[i].PersonID = "" // candidates from another roster
	}
	log := &MemoryLog{}
	s, err := Create(log, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < present; i++ {
		exec(t, s, Mark{Meta: at(1), Person: fmt.Sprintf("D%04d", i+1), Status: Present})
	}
	if present > 61 { // the opening quorum: votes only after the declaration (RULES §2)
		exec(t, s, DeclareOpen{Meta: at(1)})
	}
	return s, log
}

// TestResolutionThresholds is RULES §9 example 10 and the boundaries of
// §3: ordinary matters need 二分之一以上 of all 122 delegates (61),
// charter amendments 三分之二以上 (82).
func TestResolutionThresholds(t *testing.T) {
	s, _ := meetingSession(t, 122)
	cases := []struct {
		kind          model.VoteKind
		forV, against int
		need          int
		adopted       bool
	}{
		{model.VoteOrdinary, 61, 50, 61, true},
		{model.VoteOrdinary, 60, 50, 61, false},
		{model.VoteCharter, 81, 20, 82, false},
		{model.VoteCharter, 82, 20, 82, true},
		{model.VoteOrdinary, 122, 0, 61, true},
	}
	for i, c := range cases {
		exec(t, s, RecordVote{Meta: by("host", 10+i), Subject: "议题", Kind: c.kind, Method: model.VoteHands, For: c.forV, Against: c.against})
		var r Resolution
		s.Read(func(st *State) { r = *st.Votes[len(st.Votes)-1] })
		if r.Need != c.need || r.Adopted != c.adopted || r.Base != 122 || r.Count != (Count{122, 122}) {
			t.Errorf("%s %d for: need %d adopted %v base %d count %+v; want need %d adopted %v",
				c.kind, c.forV, r.Need, r.Adopted, r.Base, r.Count, c.need, c.adopted)
		}
	}
}

func TestVoteRefusals(t *testing.T) {
	s, _ := meetingSession(t, 100)
	var vce *VoteCountError
	wantErr(t, s, RecordVote{Meta: by("host", 1), Subject: "x", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 90, Against: 10, Abstain: 1}, &vce)
	if vce.Sum != 101 || vce.Present != 100 {
		t.Fatalf("%+v", vce)
	}
	var fe *FieldError
	wantErr(t, s, RecordVote{Meta: by("host", 1), Subject: "x", Kind: "bylaw", Method: model.VoteHands}, &fe)
	wantErr(t, s, RecordVote{Meta: by("host", 1), Subject: " ", Kind: model.VoteOrdinary, Method: model.VoteHands}, &fe)
	// 100 of 100 present: fine.
	exec(t, s, RecordVote{Meta: by("host", 2), Subject: "x", Kind: model.VoteOrdinary, Method: model.VoteBallot, For: 100})
}

// TestVoteBasePresent: a school whose rules measure against those present.
func TestVoteBasePresent(t *testing.T) {
	setup := testSetup(122)
	setup.Meeting.VoteBase = model.BasePresent
	s, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 100; i++ {
		exec(t, s, Mark{Meta: at(1), Person: fmt.Sprintf("D%04d", i+1), Status: Present})
	}
	exec(t, s, DeclareOpen{Meta: by("host", 1)})
	exec(t, s, RecordVote{Meta: by("host", 2), Subject: "x", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 50})
	s.Read(func(st *State) {
		if r := st.Votes[0]; r.Base != 100 || r.Need != 50 || !r.Adopted {
			t.Fatalf("%+v", r)
		}
	})
}

// TestMotions is RULES §9 example 11 and the rest of §4.
func TestMotions(t *testing.T) {
	s, _ := meetingSession(t, 122)
	var me *MotionError
	wantErr(t, s, FileMotion{Meta: by("d1", 1), Proposer: "D0001", CoSigners: []string{"D0002"}, Title: "增设自习室"}, &me)
	if me.Reason != "cosigners" || me.Got != 1 || me.Need != 2 {
		t.Fatalf("one co-signer: %+v", me)
	}
	var nf *NotFormalError
	wantErr(t, s, FileMotion{Meta: by("d1", 1), Proposer: "D0001", CoSigners: []string{"D0002", "O1"}, Title: "增设自习室"}, &nf)
	if nf.Role != "cosigner" {
		t.Fatalf("observer co-signing: %+v", nf)
	}
	wantErr(t, s, FileMotion{Meta: by("d1", 1), Proposer: "D0001", CoSigners: []string{"D0002", "D0001"}, Title: "x"}, &me)
	wantErr(t, s, FileMotion{Meta: by("d1", 1), Proposer: "D0001", CoSigners: []string{"D0002", "D0002", "D0003"}, Title: "x"}, &me)
	wantErr(t, s, FileMotion{Meta: by("d1", 1), Proposer: "G1", CoSigners: []string{"D0002", "D0003"}, Title: "x"}, &nf)

	exec(t, s, FileMotion{Meta: by("d1", 2), Proposer: "D0001", CoSigners: []string{"D0002", "D0003"}, Title: "增设自习室", Text: "……", Category: "学习"})
	exec(t, s, FileMotion{Meta: by("d1", 3), Proposer: "D0004", CoSigners: []string{"D0005", "D0006"}, Title: "调整宿舍熄灯时间"})
	var se *StatusError
	wantErr(t, s, RecordVote{Meta: by("host", 4), Subject: "增设自习室", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 70, Motion: 1}, &se)
	exec(t, s, AcceptMotion{Meta: by("host", 5), No: 1})
	var fe *FieldError
	wantErr(t, s, DeclineMotion{Meta: by("host", 6), No: 2}, &fe)
	declineAt := t0.Add(6 * time.Minute)
	exec(t, s, DeclineMotion{Meta: Meta{At: declineAt, Actor: "host"}, No: 2, Reason: "属于学校行政职能"})
	wantErr(t, s, AcceptMotion{Meta: by("host", 7), No: 2}, &se)
	exec(t, s, RecordVote{Meta: by("host", 8), Subject: "增设自习室", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 70, Against: 40, Motion: 1})
	wantErr(t, s, RecordVote{Meta: by("host", 9), Subject: "增设自习室", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 70, Motion: 1}, &se)
	s.Read(func(st *State) {
		m1, m2 := st.Motions[0], st.Motions[1]
		if m1.Status != MotionAdmitted || m1.Vote != 1 || !st.Votes[0].Adopted {
			t.Errorf("motion 1 %+v", m1)
		}
		// Charter art. 18(3): an opinion is answered within two weeks.
		if m2.Status != MotionNotAdmitted || !m2.Due.Equal(declineAt.AddDate(0, 0, 14)) {
			t.Errorf("motion 2 %+v", m2)
		}
	})
}

func TestQuestions(t *testing.T) {
	s, _ := meetingSession(t, 122)
	var fe *FieldError
	wantErr(t, s, AskQuestion{Meta: by("sec", 1), Delegate: "D0007", Target: "学生会主席团", Text: ""}, &fe)
	var nf *NotFormalError
	wantErr(t, s, AskQuestion{Meta: by("sec", 1), Delegate: "O1", Target: "x", Text: "y"}, &nf)
	exec(t, s, AskQuestion{Meta: by("sec", 2), Delegate: "D0007", Target: "学生会主席团", Text: "社团经费如何公开？"})
	exec(t, s, AskQuestion{Meta: by("sec", 3), Delegate: "D0008", Target: "权益部", Text: "食堂价格"})
	exec(t, s, AnswerQuestion{Meta: by("sec", 4), No: 1, By: "学生会主席", Text: "每学期公示。"})
	var se *StatusError
	wantErr(t, s, AnswerQuestion{Meta: by("sec", 5), No: 1, By: "x", Text: "y"}, &se)
	wantErr(t, s, DeferQuestion{Meta: by("sec", 5), No: 3}, &se)
	exec(t, s, DeferQuestion{Meta: by("sec", 6), No: 2})
	exec(t, s, AnswerQuestion{Meta: by("sec", 60*24), No: 2, By: "权益部部长", Text: "已与后勤协商。"}) // answered later
	s.Read(func(st *State) {
		q1, q2 := st.Questions[0], st.Questions[1]
		if q1.Status != QuestionReplied || q1.AnsweredBy != "学生会主席" {
			t.Errorf("q1 %+v", q1)
		}
		if q2.Status != QuestionReplied || !q2.Due.Equal(t0.Add(6*time.Minute).AddDate(0, 0, 14)) {
			t.Errorf("q2 %+v", q2)
		}
	})
}

// TestWalkingTheAgenda: starting an item ends the one before; a
// resolution item is not left without its vote unless ended with a note;
// a pending item is skipped with a reason; notes go on the current item.
func TestWalkingTheAgenda(t *testing.T) {
	s, log := meetingSession(t, 97)
	wantErr(t, s, EndItem{Meta: by("host", 1)}, ErrNoCurrentItem)
	exec(t, s, StartItem{by("host", 1), 0})
	exec(t, s, AddNote{Meta: by("sec", 2), Text: "出席情况已报告"})
	exec(t, s, StartItem{by("host", 3), 2})
	exec(t, s, EndItem{Meta: by("host", 40)})
	var se *StatusError
	wantErr(t, s, SkipItem{Meta: by("host", 41), Index: 2, Reason: "x"}, &se)
	exec(t, s, SkipItem{Meta: by("host", 41), Index: 1, Reason: "开幕式与预备会议合并"})
	res := 6 // the resolution on the work report
	exec(t, s, StartItem{by("host", 42), res})
	var ue *UnfinishedError
	wantErr(t, s, StartItem{by("host", 43), res + 1}, &ue)
	if ue.Index != res || ue.Why != "no_vote" {
		t.Fatalf("%+v", ue)
	}
	wantErr(t, s, EndItem{Meta: by("host", 43)}, &ue)
	exec(t, s, RecordVote{Meta: by("host", 44), Subject: "批准学生会工作报告", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 97})
	// 97 present: the election item needs more than 4/5 (98).
	var qe *QuorumError
	wantErr(t, s, StartItem{by("host", 45), res + 1}, &qe)
	if qe.What != "election" || qe.Need != 98 {
		t.Fatalf("%+v", qe)
	}
	exec(t, s, StartItem{by("host", 45), res + 2})
	s.Read(func(st *State) {
		want := []ItemStatus{ItemDone, ItemPassedOver, ItemDone, ItemPending, ItemPending, ItemPending, ItemDone, ItemPending, ItemCurrent}
		for i, w := range want {
			if st.Items[i].Status != w {
				t.Errorf("item %d: %d, want %d", i+1, st.Items[i].Status, w)
			}
		}
		if r := st.Votes[0]; r.Item != res || !r.Adopted || r.Need != 61 {
			t.Errorf("vote %+v", r)
		}
		if len(st.Notes) != 1 || st.Notes[0].Item != 0 || st.Notes[0].By != "sec" {
			t.Errorf("notes %+v", st.Notes)
		}
		if it := st.Items[2]; !it.Started.Equal(t0.Add(3*time.Minute)) || !it.Ended.Equal(t0.Add(40*time.Minute)) {
			t.Errorf("report item times %+v", it)
		}
	})
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var live, replayed State
	s.Read(func(st *State) { live = *st })
	re.Read(func(st *State) { replayed = *st })
	if !reflect.DeepEqual(live, replayed) {
		t.Fatal("replayed state differs from the live one")
	}
	_ = errors.Is
}

// TestReviewRatings: officers who report in a review item are rated 优秀 /
// 合格 / 不合格 (seed section 八); a second rating replaces the first.
func TestReviewRatings(t *testing.T) {
	setup := testSetup(10)
	setup.Agenda = []model.Item{
		{Kind: model.ItemReport, Title: "工作报告"},
		{Kind: model.ItemReview, Title: "述职评议", Officers: []string{"主席 王芳", "学习部部长 李强"}},
	}
	s, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	var fe *FieldError
	wantErr(t, s, RateOfficer{Meta: by("host", 1), Officer: "主席 王芳", Rating: model.RatingPass}, &fe)
	exec(t, s, StartItem{by("host", 1), 1})
	wantErr(t, s, RateOfficer{Meta: by("host", 2), Officer: "秘书长", Rating: model.RatingPass}, &fe)
	wantErr(t, s, RateOfficer{Meta: by("host", 2), Officer: "主席 王芳", Rating: "good"}, &fe)
	exec(t, s, RateOfficer{Meta: by("host", 2), Officer: "主席 王芳", Rating: model.RatingPass})
	exec(t, s, RateOfficer{Meta: by("host", 3), Officer: "学习部部长 李强", Rating: model.RatingFail, Note: "制定整改计划"})
	exec(t, s, RateOfficer{Meta: by("host", 4), Officer: "主席 王芳", Rating: model.RatingExcellent})
	s.Read(func(st *State) {
		if len(st.Ratings) != 2 || st.Ratings[0].Rating != model.RatingExcellent || st.Ratings[1].Note != "制定整改计划" {
			t.Fatalf("%+v", st.Ratings)
		}
	})
}
