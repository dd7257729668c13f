package session

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"podium/files"
	"podium/model"
)

// replayed loads the log again and returns its state (replay must give
// what the commands gave).
func replayed(t *testing.T, log *MemoryLog) *Session {
	t.Helper()
	s, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// hands is a vote by show of hands.
func hands(f, a, b int) VoteCounts {
	return VoteCounts{Method: model.VoteHands, For: f, Against: a, Abstain: b}
}

func recordVote(m Meta, subject string, vc VoteCounts) RecordVote {
	return RecordVote{Meta: m, Subject: subject, Kind: model.VoteOrdinary, Method: vc.Method, For: vc.For, Against: vc.Against, Abstain: vc.Abstain}
}

// TestVoteRefusals: RULES §2 and §3. No vote before the meeting is
// declared valid (with the attendance and the need); nobody voting is not
// a vote; more votes than present is refused; each refusal carries its
// numbers and changes nothing.
func TestVoteRefusalsWithNumbers(t *testing.T) {
	setup := testSetup(122)
	s, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 70; i++ {
		exec(t, s, Mark{Meta: at(1), Person: fmt.Sprintf("D%04d", i+1), Status: Present})
	}
	cases := []struct {
		name string
		vc   VoteCounts
		want error
	}{
		{"before the declaration", hands(64, 3, 2), &NotDeclaredError{What: CodeVote, Count: Count{122, 70}, Need: 62}},
		{"nobody voted, before the declaration too", hands(0, 0, 0), &NotDeclaredError{What: CodeVote, Count: Count{122, 70}, Need: 62}},
	}
	for _, c := range cases {
		_, err := s.Execute(recordVote(by("host", 2), "议程", c.vc))
		if !reflect.DeepEqual(err, c.want) {
			t.Errorf("%s: %#v, want %#v", c.name, err, c.want)
		}
	}
	exec(t, s, DeclareOpen{Meta: by("host", 3)})
	for _, c := range []struct {
		name string
		vc   VoteCounts
		want error
	}{
		{"nobody voted", hands(0, 0, 0), &VoteCountError{Sum: 0, Present: 70, Reason: CodeNoVotes}},
		{"more than present", hands(64, 5, 2), &VoteCountError{Sum: 71, Present: 70, Reason: CodeTooMany}},
		{"negative", hands(-1, 0, 5), &FieldError{Field: "counts", Reason: "are negative", Code: CodeNegative}},
		{"no method", VoteCounts{For: 5}, &FieldError{Field: "method", Reason: "is not hands or ballot", Code: CodeBadMethod}},
	} {
		_, err := s.Execute(recordVote(by("host", 4), "议程", c.vc))
		if !reflect.DeepEqual(err, c.want) {
			t.Errorf("%s: %#v, want %#v", c.name, err, c.want)
		}
		if code := ErrorCode(err); code == "error" {
			t.Errorf("%s: no stable code", c.name)
		}
	}
	s.Read(func(st *State) {
		if len(st.Votes) != 0 {
			t.Fatalf("a refused vote was recorded: %+v", st.Votes[0])
		}
	})
	// The preview states what will be recorded, and changes nothing.
	evs, err := s.Preview(recordVote(by("host", 5), "议程", hands(64, 3, 2)))
	if err != nil {
		t.Fatal(err)
	}
	if v := evs[0].Body.(VoteRecorded); v.No != 1 || v.Need != 61 || !v.Adopted || v.For != 64 {
		t.Fatalf("preview: %+v", v)
	}
	if _, err := s.Preview(recordVote(by("host", 5), "议程", hands(0, 0, 0))); ErrorCode(err) != "vote_count" {
		t.Fatalf("preview of an empty vote: %v", err)
	}
	s.Read(func(st *State) {
		if len(st.Votes) != 0 || st.Seq != 72 {
			t.Fatalf("a preview changed the state: %d votes, seq %d", len(st.Votes), st.Seq)
		}
	})
}

// TestPreparatoryVotes: the meeting's preparatory_votes setting allows the
// votes of a preparatory item before the declaration, never ballots or
// rounds, and no vote outside that item.
func TestPreparatoryVotes(t *testing.T) {
	setup := files.Demo()
	setup.Meeting.PreparatoryVotes = true
	log := &MemoryLog{}
	s, err := Create(log, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, p := range setup.Roster {
		if p.Kind == model.Formal && n < 118 {
			exec(t, s, Mark{Meta: at(1), Person: p.ID, Status: Present})
			n++
		}
	}
	var nd *NotDeclaredError
	wantErr(t, s, recordVote(by("host", 2), "议程", hands(100, 0, 0)), &nd)
	exec(t, s, StartItem{Meta: by("host", 2), Index: 0}) // 预备会议
	exec(t, s, recordVote(by("host", 3), "大会议程", hands(100, 0, 0)))
	free := nonCandidates(s, setup)
	exec(t, s, AdoptMethod{Meta: by("host", 4), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 5), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	wantErr(t, s, OpenRound{Meta: by("host", 6)}, &nd)
	if nd.What != CodeRound || nd.Need != 62 || nd.Present != 118 {
		t.Fatalf("round before the declaration: %+v", nd)
	}
	exec(t, s, StartItem{Meta: by("host", 7), Index: 1}) // 开幕式
	wantErr(t, s, recordVote(by("host", 8), "x", hands(100, 0, 0)), &nd)
	exec(t, s, DeclareOpen{Meta: by("host", 9)})
	exec(t, s, OpenRound{Meta: by("host", 10)})
}

// TestStrikeVote: RULES §3. The chair strikes a vote recorded by mistake
// with a reason (host only); it stays in the record, struck with its
// reason and time, never counts; the item's outcome is its last vote not
// struck and numbering goes on. The state after replay is the same.
func TestStrikeVote(t *testing.T) {
	s, log := meetingSession(t, 100)
	const res = 6 // the resolution item
	exec(t, s, StartItem{Meta: by("host", 2), Index: res})
	exec(t, s, recordVote(by("host", 3), "工作报告的决议", hands(30, 60, 10)))
	wantErr(t, s, StrikeVote{Meta: Meta{At: t0.Add(4 * 60e9), Actor: "sec", Role: RoleSecretary}, No: 1, Reason: "误记"}, new(*RoleError))
	var fe *FieldError
	wantErr(t, s, StrikeVote{Meta: by("host", 4), No: 1, Reason: "  "}, &fe)
	var se *StatusError
	wantErr(t, s, StrikeVote{Meta: by("host", 4), No: 2, Reason: "误记"}, &se)
	if se.What != "vote" || se.Reason != CodeUnknown || se.No != 2 {
		t.Fatalf("unknown vote: %+v", se)
	}
	exec(t, s, StrikeVote{Meta: by("host", 5), No: 1, Reason: "计票有误，重新表决"})
	wantErr(t, s, StrikeVote{Meta: by("host", 6), No: 1, Reason: "again"}, &se)
	if se.Reason != CodeStruck {
		t.Fatalf("struck twice: %+v", se)
	}
	// The item has no vote that counts: it cannot end silently.
	var ue *UnfinishedError
	wantErr(t, s, EndItem{Meta: by("host", 6)}, &ue)
	exec(t, s, recordVote(by("host", 7), "工作报告的决议", hands(80, 10, 10)))
	check := func(s *Session) {
		s.Read(func(st *State) {
			if len(st.Votes) != 2 {
				t.Fatalf("%d votes", len(st.Votes))
			}
			struck, next := st.Votes[0], st.Votes[1]
			if struck.Struck == nil || struck.StruckReason != "计票有误，重新表决" || !struck.Struck.At.Equal(t0.Add(5*60e9)) || struck.For != 30 {
				t.Fatalf("struck vote: %+v", struck)
			}
			if next.No != 2 || next.Struck != nil || !next.Adopted {
				t.Fatalf("the vote after: %+v", next)
			}
			if out := st.ItemOutcome(res); out == nil || out.No != 2 {
				t.Fatalf("outcome %+v", out)
			}
		})
	}
	check(s)
	check(replayed(t, log))
	// Striking the last vote leaves the first struck one out too.
	exec(t, s, StrikeVote{Meta: by("host", 8), No: 2, Reason: "程序错误"})
	s.Read(func(st *State) {
		if st.ItemOutcome(res) != nil {
			t.Fatal("an item whose votes are all struck has an outcome")
		}
	})
}

// TestStrikeMotionVote: a motion whose vote was struck may be voted again.
func TestStrikeMotionVote(t *testing.T) {
	s, _ := meetingSession(t, 100)
	exec(t, s, FileMotion{Meta: by("sec", 2), Proposer: "D0012", CoSigners: []string{"D0013", "D0014"}, Title: "自习室"})
	exec(t, s, AcceptMotion{Meta: by("sec", 3), No: 1})
	v := recordVote(by("host", 4), "自习室", hands(70, 0, 0))
	v.Motion = 1
	exec(t, s, v)
	v.Meta = by("host", 5)
	wantErr(t, s, v, new(*StatusError))
	exec(t, s, StrikeVote{Meta: by("host", 6), No: 1, Reason: "误按"})
	v.Meta = by("host", 7)
	exec(t, s, v)
	s.Read(func(st *State) {
		if st.Motions[0].Vote != 2 {
			t.Fatalf("motion's vote %d", st.Motions[0].Vote)
		}
	})
}

// TestAdoptionGating: RULES §3, §10, 附件3 §8 §9. With adoption = "vote"
// the method and the scrutineer list are adopted by §3 votes recorded
// with their counts among the congress's votes, linked to the election;
// a vote that fails adopts nothing; round 1 cannot open before both.
// Striking an adoption vote before round 1 puts the adoption before it
// back; after, it is refused. adoption = "none" adopts without a vote.
func TestAdoptionGating(t *testing.T) {
	s, log, setup := demoVote(t, 118)
	free := nonCandidates(s, setup)
	m := setup.Election.Method
	var fe *FieldError
	wantErr(t, s, AdoptMethod{Meta: by("host", 2), Method: m}, &fe)
	if fe.Code != CodeNeedsVote || fe.Field != "vote" {
		t.Fatalf("no vote: %+v", fe)
	}
	nobody := hands(0, 0, 0)
	wantErr(t, s, AdoptMethod{Meta: by("host", 2), Method: m, Vote: &nobody}, new(*VoteCountError))
	fails := hands(60, 40, 18) // 60 < 61: not adopted
	exec(t, s, AdoptMethod{Meta: by("host", 3), Method: m, Vote: &fails})
	wantErr(t, s, OpenRound{Meta: by("host", 4)}, ErrMethodNotAdopted)
	passes := hands(100, 10, 8)
	exec(t, s, AdoptMethod{Meta: by("host", 5), Method: m, Vote: &passes})
	wantErr(t, s, OpenRound{Meta: by("host", 6)}, ErrNoScrutineers)
	wantErr(t, s, AdoptScrutineers{Meta: by("host", 6), Scrutineer: free[0], Chief: free[1]}, &fe)
	exec(t, s, AdoptScrutineers{Meta: by("host", 7), Scrutineer: free[0], Chief: free[1], Counters: []string{"赵计票"}, Vote: &passes})
	check := func(s *Session) {
		s.Read(func(st *State) {
			if len(st.Votes) != 3 {
				t.Fatalf("%d votes", len(st.Votes))
			}
			failed, method, list := st.Votes[0], st.Votes[1], st.Votes[2]
			if failed.Adopts != AdoptsMethod || failed.Adopted || failed.For != 60 || failed.Need != 61 {
				t.Fatalf("failed method vote: %+v", failed)
			}
			if method.Adopts != AdoptsMethod || !method.Adopted || method.ElectionMethod == nil || method.No != 2 {
				t.Fatalf("method vote: %+v", method)
			}
			if list.Adopts != AdoptsScrutineers || list.Scrutineers == nil || list.Scrutineers.Chief != free[1] || list.No != 3 {
				t.Fatalf("scrutineer vote: %+v", list)
			}
			v := st.Vote
			if v.MethodVote != 2 || v.ScrutineersVote != 3 || v.MethodAdopted == nil || v.Scrutineer != free[0] {
				t.Fatalf("the election's links: %+v", v)
			}
		})
	}
	check(s)
	check(replayed(t, log))

	// Struck before round 1: the method is no longer adopted.
	exec(t, s, StrikeVote{Meta: by("host", 8), No: 2, Reason: "票数清点有误"})
	wantErr(t, s, OpenRound{Meta: by("host", 9)}, ErrMethodNotAdopted)
	exec(t, s, AdoptMethod{Meta: by("host", 10), Method: m, Vote: &passes})
	exec(t, s, OpenRound{Meta: by("host", 11)})
	wantErr(t, s, StrikeVote{Meta: by("host", 12), No: 4, Reason: "x"}, ErrVoteStarted)

	// adoption = "none": no vote needed.
	setup.Meeting.Adoption = model.AdoptionNone
	s2, err := Create(&MemoryLog{}, Open{Meta: at(0), Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	exec(t, s2, AdoptMethod{Meta: by("host", 1), Method: m})
	s2.Read(func(st *State) {
		if st.Vote.MethodAdopted == nil || len(st.Votes) != 0 {
			t.Fatal("adoption none")
		}
	})
}

// TestNotPresent: RULES §1, §4, §5, §6.1. Who is not present cannot ask,
// propose, co-sign, be a scrutineer or leave; the refusal carries the
// status.
func TestNotPresent(t *testing.T) {
	s, _, setup := demoVote(t, 110)
	absent := formalIDs(s, setup, false)
	present := nonCandidates(s, setup)
	exec(t, s, Mark{Meta: at(2), Person: absent[1], Status: OnLeave})
	var np *NotPresentError
	wantErr(t, s, AskQuestion{Meta: by("sec", 3), Delegate: absent[0], Target: "主席团", Text: "问"}, &np)
	if np.Status != NotArrived || np.Role != CodeAsDelegate || np.ID != absent[0] {
		t.Fatalf("ask: %+v", np)
	}
	wantErr(t, s, FileMotion{Meta: by("sec", 3), Proposer: present[0], CoSigners: []string{present[1], absent[1]}, Title: "x"}, &np)
	if np.Status != OnLeave || np.Role != CodeAsCoSigner {
		t.Fatalf("co-sign: %+v", np)
	}
	var me *MotionError
	wantErr(t, s, FileMotion{Meta: by("sec", 3), Proposer: present[0], CoSigners: []string{present[0], present[1]}, Title: "x"}, &me)
	var se *ScrutineerError
	wantErr(t, s, AdoptScrutineers{Meta: by("host", 4), Scrutineer: absent[1], Chief: present[0], Vote: aye()}, &se)
	if se.Reason != ReasonNotPresent || se.Status != OnLeave {
		t.Fatalf("scrutineer: %+v", se)
	}
	wantErr(t, s, Mark{Meta: at(5), Person: absent[0], Status: Left}, &np)
	if np.Role != CodeAsLeaving {
		t.Fatalf("leaving: %+v", np)
	}
	// The pickers' checks are the core's.
	s.Read(func(st *State) {
		if err := st.CheckPerson(absent[0], CodeAsProposer); !errors.As(err, &np) {
			t.Fatalf("CheckPerson: %v", err)
		}
		if err := st.CheckScrutineer(setup.Election.Candidates[0].PersonID, RoleScrutineer, ""); !errors.As(err, &se) || se.Reason != ReasonCandidate {
			t.Fatalf("CheckScrutineer: %v", err)
		}
	})
}
