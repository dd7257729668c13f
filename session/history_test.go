package session

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"podium/model"
	"podium/session/election"
)

// decidedCongress runs the demo's election to two decided rounds: the
// regular round from ballots keyed by two tellers (a runoff in 社团: two
// candidates tie across the cut-off) and the runoff from a tally; and the
// business around it (a note, a question, a vote).
func decidedCongress(t testing.TB) (*Session, *MemoryLog) {
	t.Helper()
	s, log, setup := demoVote(t, 118)
	free := nonCandidates(s, setup)
	n := len(setup.Election.Candidates)
	exec(t, s, AddNote{Meta: by("sec", 2), Text: "开始"})
	exec(t, s, AskQuestion{Meta: by("sec", 3), Delegate: free[2], Target: "主席团", Text: "问"})
	exec(t, s, RecordVote{Meta: by("host", 4), Subject: "议程", Kind: model.VoteOrdinary, Method: model.VoteHands, For: 100})
	exec(t, s, AdoptMethod{Meta: by("host", 10), Method: setup.Election.Method, Vote: aye()})
	exec(t, s, AdoptScrutineers{Meta: by("host", 11), Scrutineer: free[0], Chief: free[1], Vote: aye()})
	exec(t, s, OpenRound{by("host", 12)})
	exec(t, s, IssueBallots{Meta: by("host", 13), N: 118})
	exec(t, s, CollectBallots{Meta: by("host", 14), N: 118})
	// Everyone approves 主席团 0–2, 分院学生会 3–9 and 其其格 (11); each
	// ballot approves two of 12–14 (社团 has 3 seats): 12 on 94, 13 and 14
	// on 70 each, a tie across the cut-off; the last ballot is spoiled.
	var ballots []election.Ballot
	for i := 0; i < 117; i++ {
		b := ballot(n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11)
		switch {
		case i < 23:
			b.Marks[13], b.Marks[14] = election.Approve, election.Approve
		case i < 70:
			b.Marks[12], b.Marks[14] = election.Approve, election.Approve
		default:
			b.Marks[12], b.Marks[13] = election.Approve, election.Approve
		}
		ballots = append(ballots, b)
	}
	ballots = append(ballots, election.Ballot{Spoiled: "字迹无法辨认"})
	for _, teller := range []string{"t1", "t2"} {
		m := Meta{At: by("", 15).At, Actor: teller, Role: RoleTeller}
		if teller == "t2" { // a slip corrected, and one keyed twice taken back
			exec(t, s, EnterBallot{Meta: m, Index: -1, Ballot: ballot(n, 14)})
			exec(t, s, EnterBallot{Meta: m, Index: 0, Ballot: ballots[0]})
			exec(t, s, EnterBallot{Meta: m, Index: -1, Ballot: ballots[1]})
			exec(t, s, RemoveBallot{m})
			exec(t, s, RemoveBallot{m})
		}
		for _, b := range ballots {
			exec(t, s, EnterBallot{Meta: m, Index: -1, Ballot: b})
		}
	}
	exec(t, s, DecideRound{by("host", 16)})
	v := vote(s)
	if len(v.Pending) == 0 || v.Pending[0].Kind != election.Runoff {
		t.Fatalf("no runoff: %+v", v.Rounds[0].Result)
	}
	exec(t, s, OpenRound{by("host", 17)})
	exec(t, s, IssueBallots{Meta: by("host", 18), N: 118})
	exec(t, s, CollectBallots{Meta: by("host", 19), N: 118})
	exec(t, s, EnterTally{Meta: by("t1", 20), Tally: election.Tally{Counts: []election.TallyCount{
		{Approve: 60, Disapprove: 40, Abstain: 18}, {Approve: 40, Disapprove: 60, Abstain: 18}}, Invalid: []int{0, 0, 0}}})
	exec(t, s, DecideRound{by("host", 21)})
	return s, log
}

// TestDecisionStoresItsResult: the decision event carries the complete
// result as the counter gave it then, with the rule version; replay
// restores it.
func TestDecisionStoresItsResult(t *testing.T) {
	s, log := decidedCongress(t)
	var decisions []RoundDecided
	if err := log.Replay(func(r Record) error {
		e, err := Decode(r.Data)
		if d, ok := e.Body.(RoundDecided); ok {
			decisions = append(decisions, d)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	v := vote(s)
	if len(decisions) != 2 || len(v.Rounds) != 2 {
		t.Fatalf("%d decisions, %d rounds", len(decisions), len(v.Rounds))
	}
	for i, d := range decisions {
		r := v.Rounds[i]
		if d.Rules != election.RulesVersion || r.Rules != d.Rules || r.Recounted {
			t.Errorf("round %d: rules %d / %d, recounted %v", i+1, d.Rules, r.Rules, r.Recounted)
		}
		if !reflect.DeepEqual(d.Result, *r.Result) {
			t.Errorf("round %d: the state's result is not the stored one", i+1)
		}
		if len(d.Result.Candidates) == 0 || d.Result.Method.Seats == 0 || d.Result.QuorumNeed == 0 {
			t.Errorf("round %d: the stored result is not complete: %+v", i+1, d.Result)
		}
	}
	if len(decisions[0].Result.Runoffs) != 1 || len(decisions[0].Result.InvalidBallots) != 1 {
		t.Errorf("round 1: runoffs %v, invalid ballots %d", decisions[0].Result.Runoffs, len(decisions[0].Result.InvalidBallots))
	}
}

// TestAuditSeesChangedCounter: a counter changed after the rounds were
// decided (a "fix" that counts one more approval for the first candidate)
// leaves replay exactly as it was — the stored results are applied, never
// recounted — while Audit reports the difference in both rounds.
func TestAuditSeesChangedCounter(t *testing.T) {
	s, log := decidedCongress(t)
	var before State
	s.Read(func(st *State) {
		before = *st
		for _, a := range Audit(st) {
			if !a.Same() {
				t.Fatalf("round %d differs before any change: %v %v", a.Round, a.Diffs, a.Err)
			}
		}
	})
	oldBallots, oldSheet := countBallots, countSheet
	defer func() { countBallots, countSheet = oldBallots, oldSheet }()
	bump := func(r election.Result) election.Result {
		r.Candidates = append([]election.CandidateCount(nil), r.Candidates...)
		r.Candidates[0].Approve++
		return r
	}
	countBallots = func(r election.Round) election.Result { return bump(oldBallots(r)) }
	countSheet = func(r election.Round, n int, t election.Tally) (election.Result, error) {
		res, err := oldSheet(r, n, t)
		return bump(res), err
	}

	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var after State
	re.Read(func(st *State) { after = *st })
	if !reflect.DeepEqual(after.Vote.Rounds, before.Vote.Rounds) || !reflect.DeepEqual(after.Vote.Pending, before.Vote.Pending) {
		t.Fatal("replay changed with the counter: it recounted")
	}
	re.Read(func(st *State) {
		audits := Audit(st)
		if len(audits) != 2 {
			t.Fatalf("%d audits", len(audits))
		}
		for _, a := range audits {
			if a.Same() || len(a.Diffs) != 1 || !strings.Contains(a.Diffs[0], "candidates[0 ") || !strings.Contains(a.Diffs[0], ".approve: stored ") {
				t.Errorf("round %d: %v %v", a.Round, a.Diffs, a.Err)
			}
		}
	})
}

// TestClockNeverRunsBackwards: a command dated before the last event is
// refused with both times (by more than ClockTolerance), changing nothing;
// one dated within the tolerance (two terminals racing) is recorded at the
// last event's time; the same instant is fine.
func TestClockNeverRunsBackwards(t *testing.T) {
	s, log := newSession(t, 10)
	exec(t, s, StartItem{at(30), 0})
	last := at(30).At
	before := log.Len()

	_, err := s.Execute(EndItem{Meta: at(29)})
	var ce *ClockError
	if !errors.As(err, &ce) || !ce.Last.Equal(last) || !ce.Given.Equal(at(29).At) {
		t.Fatalf("a minute back: %v", err)
	}
	if log.Len() != before || ErrorCode(err) != "clock" {
		t.Fatal("a refused command wrote an event")
	}
	for _, s := range []string{"2026-11-30T00:59:00Z", "2026-11-30T01:00:00Z"} {
		if !strings.Contains(err.Error(), s) {
			t.Errorf("%q does not name %s", err, s)
		}
	}

	race := Meta{At: last.Add(-ClockTolerance / 2), Actor: "desk2"}
	evs, err := s.Execute(Mark{Meta: race, Person: "D0001", Status: Present})
	if err != nil || !evs[0].At.Equal(last) {
		t.Fatalf("within the tolerance: %v, at %v", err, evs)
	}
	if _, err := s.Execute(Mark{Meta: at(30), Person: "D0002", Status: Present}); err != nil {
		t.Fatalf("the same instant: %v", err)
	}
	if _, err := s.Execute(Mark{Meta: Meta{At: last.Add(-ClockTolerance - time.Nanosecond), Actor: "desk2"}, Person: "D0003", Status: Present}); !errors.As(err, &ce) {
		t.Fatalf("just beyond the tolerance: %v", err)
	}
	// The first command (Open) has no event before it to compare with.
	if _, err := Create(&MemoryLog{}, Open{Meta: Meta{At: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}, Setup: testSetup(2)}); err != nil {
		t.Fatal(err)
	}
}

// TestCommandsRoundTrip: the commands behind a congress's events, written
// as command lines and read back, executed on an empty log give the same
// events, byte for byte, and the same state.
func TestCommandsRoundTrip(t *testing.T) {
	s, log := decidedCongress(t)
	exec(t, s, Undo{Meta{At: by("", 30).At, Actor: "desk1"}}) // an undo, by the desk that marked
	checkRoundTrip(t, s, log)
}

// checkRoundTrip: the commands behind the events of s (in log), as lines
// read back and executed on an empty log, give the same events byte for
// byte and the same state.
func checkRoundTrip(t *testing.T, s *Session, log *MemoryLog) {
	t.Helper()
	replayed := &MemoryLog{}
	var fresh *Session
	err := ReplayCommands(log, func(cmd Command) error {
		line, err := MarshalCommand(cmd)
		if err != nil {
			return err
		}
		back, err := ParseCommand(line)
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		if fresh == nil {
			fresh, err = Create(replayed, back.(Open))
		} else {
			_, err = fresh.Execute(back)
		}
		if err != nil {
			t.Fatalf("%s: %v", line, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	a, b := log.recs, replayed.recs
	if len(a) != len(b) {
		t.Fatalf("%d events, replayed %d", len(a), len(b))
	}
	for i := range a {
		if string(a[i].Data) != string(b[i].Data) {
			t.Fatalf("event %d differs", i+1)
		}
	}
	var x, y State
	s.Read(func(st *State) { x = *st })
	fresh.Read(func(st *State) { y = *st })
	if !reflect.DeepEqual(x, y) {
		t.Fatal("the replayed congress differs")
	}
}

// TestParseCommandBadLines: a line that cannot be read names the field.
func TestParseCommandBadLines(t *testing.T) {
	ok := `{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"desk-1","role":"desk","person":"D0001","status":"present"}`
	if c, err := ParseCommand([]byte(ok)); err != nil || c.(Mark).Status != Present || c.(Mark).Role != RoleDesk {
		t.Fatalf("%v %v", c, err)
	}
	for _, c := range []struct{ line, field string }{
		{`not json`, ""},
		{`[1,2]`, ""},
		{`{"cmd":"mark"} {}`, ""},
		{`{"at":"2026-11-30T09:00:00+08:00"}`, "cmd"},
		{`{"cmd":7}`, "cmd"},
		{`{"cmd":"dance","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"host"}`, "cmd"},
		{`{"cmd":"mark","at":"9 o'clock","actor":"a","role":"desk","person":"D0001","status":"present"}`, "at"},
		{`{"cmd":"mark","actor":"a","role":"desk","person":"D0001","status":"present"}`, "at"},
		{`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","role":"desk","person":"D0001","status":"present"}`, "actor"},
		{`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"janitor","person":"D0001","status":"present"}`, "role"},
		{`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"desk","person":"D0001","status":"here"}`, "status"},
		{`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"desk","person":"D0001"}`, "status"},
		{`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"desk","person":"D0001","status":"present","colour":"red"}`, "colour"},
		{`{"cmd":"enter_ballot","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"teller","ballot":{"marks":[1,3]}}`, "ballot"},
		{`{"cmd":"enter_ballot","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"teller","ballot":{"markz":[1]}}`, "ballot"},
		{`{"cmd":"issue_ballots","at":"2026-11-30T09:00:00+08:00","actor":"a","role":"host","n":"ten"}`, "n"},
	} {
		_, err := ParseCommand([]byte(c.line))
		var le *LineError
		if !errors.As(err, &le) || le.Field != c.field {
			t.Errorf("%s: %v, want field %q", c.line, err, c.field)
		}
	}
	// Optional fields may be left out: an enter_ballot without index appends.
	c, err := ParseCommand([]byte(`{"cmd":"enter_ballot","at":"2026-11-30T09:00:00+08:00","actor":"t1","role":"teller","ballot":{"id":"","marks":[1,2,0],"write_ins":null,"spoiled":""}}`))
	if err != nil || c.(EnterBallot).Index != -1 || len(c.(EnterBallot).Ballot.Marks) != 3 {
		t.Fatalf("enter_ballot: %+v %v", c, err)
	}
}

// FuzzParseCommand: any line reads as a command or a *LineError, never a
// panic; a command read writes back to a line that reads the same.
func FuzzParseCommand(f *testing.F) {
	for _, l := range []string{
		`{"cmd":"mark","at":"2026-11-30T09:00:00+08:00","actor":"desk-1","role":"desk","person":"D0001","status":"present"}`,
		`{"cmd":"enter_ballot","at":"2026-11-30T09:00:00+08:00","actor":"t1","role":"teller","ballot":{"id":"","marks":[1,2,0],"write_ins":[{"name":"孙","category":"社团"}],"spoiled":""}}`,
		`{"cmd":"record_vote","at":"2026-11-30T09:00:00Z","actor":"host","role":"host","subject":"s","vote_kind":"ordinary","method":"hands","for":1,"against":0,"abstain":0}`,
		`{"cmd":"undo","at":"2026-11-30T09:00:00+08:00","actor":"d","role":""}`,
		`{"cmd":"record_staff_audit","at":"2026-11-30T09:00:00+08:00","actor":"s","role":"secretary","file":"s.tsv","staff":2,"data_errors":0,` +
			`"checks":[{"item":"6","status":"fail","count":2,"findings":[{"row":1,"name":"甲","status":"fail","code":"outside_top","value":"4/10"}]},` +
			`{"item":"3.1","status":"pass","count":2,"limit":40,"departments":[]}]}`,
	} {
		f.Add([]byte(l))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		cmd, err := ParseCommand(line)
		if err != nil {
			var le *LineError
			if !errors.As(err, &le) {
				t.Fatalf("not a LineError: %v", err)
			}
			return
		}
		out, err := MarshalCommand(cmd)
		if err != nil {
			return // e.g. a mark that JSON cannot write; Execute refuses it anyway
		}
		again, err := ParseCommand(out)
		if err != nil {
			t.Fatalf("%s → %s: %v", line, out, err)
		}
		if !reflect.DeepEqual(normal(again), normal(cmd)) {
			t.Fatalf("%s → %s reads differently", line, out)
		}
	})
}

// normal sets a command's time to UTC, so that two commands at the same
// instant in different zones compare equal.
func normal(c Command) Command {
	v := reflect.New(reflect.TypeOf(c)).Elem()
	v.Set(reflect.ValueOf(c))
	at := v.FieldByName("Meta").FieldByName("At")
	at.Set(reflect.ValueOf(at.Interface().(time.Time).UTC()))
	return v.Interface().(Command)
}
