package session

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"podium/model"
)

// floorSetup is a congress of ten formal delegates of units 甲 and 乙, an
// observer and a guest; the agenda: the preparatory meeting, the
// deliberation of the report in groups (a four-minute speech, 90 seconds
// for the short ones), the questioning (the meeting's times), closing.
func floorSetup(fair bool) model.Setup {
	s := testSetup(10)
	s.Meeting.Floor = model.FloorRules{FairOrder: fair, ShortSeconds: 60}
	s.Agenda = []model.Item{
		{Kind: model.ItemPreparatory, Title: "预备会议"},
		{Kind: model.ItemDeliberation, Title: "分组审议工作报告", Minutes: 40,
			Floor: model.ItemFloor{SpeechSeconds: 240, ShortSeconds: 90, InGroups: true}},
		{Kind: model.ItemQuestioning, Title: "代表质询"},
		{Kind: model.ItemClosing, Title: "闭幕"},
	}
	return s
}

// sec is the host's command meta at n seconds after t0.
func sec(n int) Meta {
	return Meta{At: t0.Add(time.Duration(n) * time.Second), Actor: "host", Role: RoleHost}
}

// floorSession opens the floor congress with everyone present and starts
// the deliberation item.
func floorSession(t *testing.T, fair bool) (*Session, *MemoryLog) {
	t.Helper()
	log := &MemoryLog{}
	s, err := Create(log, Open{Meta: sec(0), Setup: floorSetup(fair)})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 10; i++ {
		exec(t, s, Mark{Meta: Meta{At: t0.Add(time.Second), Actor: "desk1", Role: RoleDesk}, Person: fmt.Sprintf("D%04d", i), Status: Present})
	}
	exec(t, s, StartItem{Meta: sec(2), Index: 1})
	return s, log
}

// step is one command of a table test of the list: add (person, kind),
// start, end, remove, move, undo, item (start item n); the clock moves on
// by dt seconds before it.
type step struct {
	op     string
	person string
	kind   SpeechKind
	no     int // remove, move, start: the request; item: the item
	pos    int // move: the place
	dt     int
}

// run executes the steps from the last event on; it returns the first
// refusal.
func run(s *Session, steps []step) error {
	var now int
	s.Read(func(st *State) { now = int(st.LastAt.Sub(t0) / time.Second) })
	for _, st := range steps {
		now += max(st.dt, 1)
		m := sec(now)
		var c Command
		switch st.op {
		case "add":
			k := st.kind
			if k == "" {
				k = SpeechOrdinary
			}
			c = AddSpeaker{Meta: m, Person: st.person, Kind: k}
		case "start":
			c = StartSpeech{Meta: m, No: st.no}
		case "end":
			c = EndSpeech{m}
		case "remove":
			c = RemoveSpeaker{Meta: m, No: st.no}
		case "move":
			c = MoveSpeaker{Meta: m, No: st.no, Position: st.pos}
		case "undo":
			c = UndoSpeakers{m}
		case "item":
			c = StartItem{Meta: m, Index: st.no}
		case "end item":
			c = EndItem{Meta: m}
		}
		if _, err := s.Execute(c); err != nil {
			return fmt.Errorf("%s %s %d: %w", st.op, st.person, st.no, err)
		}
	}
	return nil
}

// list is the current item's list as "D0003" (a point of order
// "D0003!"), with the speech under way first as "▶D0001".
func list(s *Session) string {
	var out []string
	s.Read(func(st *State) {
		f := st.Floors[st.Item]
		if sp := st.speech(f.Speaking); sp != nil {
			out = append(out, "▶"+sp.Person)
		}
		for _, no := range f.Waiting {
			sp := st.speech(no)
			tag := sp.Person
			if sp.Kind == SpeechOrder {
				tag += "!"
			}
			out = append(out, tag)
		}
	})
	return strings.Join(out, " ")
}

// speak is a speech given: its request, start and end.
func speak(person string) []step {
	return []step{{op: "add", person: person}, {op: "start"}, {op: "end", dt: 30}}
}

func steps(parts ...[]step) []step {
	var out []step
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestSpeakersQueue: the order of the list (F3, F4, F5), removals, moves
// and undo, as table tests.
func TestSpeakersQueue(t *testing.T) {
	add := func(p string) step { return step{op: "add", person: p} }
	order := func(p string) step { return step{op: "add", person: p, kind: SpeechOrder} }
	cases := []struct {
		name  string
		fair  bool
		steps []step
		want  string
	}{
		{"the order of the requests", false, []step{add("D0001"), add("D0002"), add("D0003")}, "D0001 D0002 D0003"},
		{"points of order first, in their order", false,
			[]step{add("D0001"), add("D0002"), order("D0003"), order("D0004"), add("D0005")}, "D0003! D0004! D0001 D0002 D0005"},
		{"a point of order while a speech is under way waits for it", false,
			[]step{add("D0001"), add("D0002"), {op: "start"}, order("D0003")}, "▶D0001 D0003! D0002"},
		{"one who waits may ask for a point of order too", false,
			[]step{add("D0001"), order("D0001")}, "D0001! D0001"},
		{"without fairness who spoke waits in turn", false,
			steps(speak("D0001"), []step{add("D0001"), add("D0002")}), "D0001 D0002"},
		{"fairness: who has not spoken on the item first", true,
			steps(speak("D0001"), []step{add("D0001"), add("D0002"), add("D0003")}), "D0002 D0003 D0001"},
		{"fairness: ties keep the order of the requests", true,
			[]step{add("D0003"), add("D0001"), add("D0002")}, "D0003 D0001 D0002"},
		{"fairness: fewer speeches in the congress first", true,
			steps(speak("D0001"), speak("D0001"), speak("D0002"), []step{{op: "item", no: 2},
				add("D0001"), add("D0002"), add("D0003")}), "D0003 D0002 D0001"},
		{"fairness: on the item before the congress", true,
			steps(speak("D0002"), speak("D0002"), []step{{op: "item", no: 2}}, speak("D0001"),
				[]step{add("D0001"), add("D0002")}), "D0002 D0001"},
		{"fairness: points of order and answers do not count", true,
			steps([]step{order("D0001"), {op: "start"}, {op: "end"}}, []step{add("D0002"), add("D0001")}), "D0002 D0001"},
		{"fairness never passes a point of order", true,
			steps(speak("D0001"), []step{add("D0001"), order("D0004"), add("D0002")}), "D0004! D0002 D0001"},
		{"removed", false, []step{add("D0001"), add("D0002"), add("D0003"), {op: "remove", no: 2}}, "D0001 D0003"},
		{"moved forward", false, []step{add("D0001"), add("D0002"), add("D0003"), {op: "move", no: 3, pos: 0}}, "D0003 D0001 D0002"},
		{"moved back", false, []step{add("D0001"), add("D0002"), add("D0003"), {op: "move", no: 1, pos: 2}}, "D0002 D0003 D0001"},
		{"the head of the list speaks", false, []step{add("D0001"), add("D0002"), {op: "start"}}, "▶D0001 D0002"},
		{"another than the head may be called", false, []step{add("D0001"), add("D0002"), {op: "start", no: 2}}, "▶D0002 D0001"},
		{"undo an addition", false, []step{add("D0001"), add("D0002"), {op: "undo"}}, "D0001"},
		{"undo a removal: back in its place", false,
			[]step{add("D0001"), add("D0002"), add("D0003"), {op: "remove", no: 2}, {op: "undo"}}, "D0001 D0002 D0003"},
		{"undo a move", false, []step{add("D0001"), add("D0002"), add("D0003"), {op: "move", no: 3, pos: 0}, {op: "undo"}}, "D0001 D0002 D0003"},
		{"undo a start: back in its place", false,
			[]step{add("D0001"), add("D0002"), add("D0003"), {op: "start", no: 2}, {op: "undo"}}, "D0001 D0002 D0003"},
		{"undo an end: the speech goes on", false,
			[]step{add("D0001"), add("D0002"), {op: "start"}, {op: "end"}, {op: "undo"}}, "▶D0001 D0002"},
		{"undo twice", false,
			[]step{add("D0001"), add("D0002"), {op: "start"}, {op: "end"}, {op: "undo"}, {op: "undo"}}, "D0001 D0002"},
		{"undo all the way", false,
			[]step{add("D0001"), add("D0002"), {op: "remove", no: 1}, {op: "undo"}, {op: "undo"}, {op: "undo"}}, ""},
		{"an undone request's number is not used again", false,
			[]step{add("D0001"), {op: "undo"}, add("D0002"), {op: "start", no: 2}}, "▶D0002"},
		{"waiting requests stay when the item ends and resumes", false,
			[]step{add("D0001"), add("D0002"), {op: "item", no: 2}, {op: "item", no: 1}}, "D0001 D0002"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, log := floorSession(t, c.fair)
			if err := run(s, c.steps); err != nil {
				t.Fatal(err)
			}
			if got := list(s); got != c.want {
				t.Errorf("list %q, want %q", got, c.want)
			}
			// Replay gives the same list and the same speeches.
			again, err := Load(log)
			if err != nil {
				t.Fatal(err)
			}
			if got := list(again); got != c.want {
				t.Errorf("replayed list %q, want %q", got, c.want)
			}
			var a, b []Speech
			s.Read(func(st *State) { a = speechesOf(st) })
			again.Read(func(st *State) { b = speechesOf(st) })
			if !reflect.DeepEqual(a, b) {
				t.Errorf("replayed speeches differ:\n%+v\n%+v", a, b)
			}
		})
	}
}

func speechesOf(st *State) []Speech {
	var out []Speech
	for _, s := range st.Speeches {
		out = append(out, *s)
	}
	return out
}

// TestSpeakersRefusals: what the list refuses, with its reasons; a
// refusal changes nothing.
func TestSpeakersRefusals(t *testing.T) {
	add := func(p string) step { return step{op: "add", person: p} }
	order := func(p string) step { return step{op: "add", person: p, kind: SpeechOrder} }
	cases := []struct {
		name   string
		steps  []step
		last   step
		target any
		code   Code
	}{
		{"F1: a speech starts only when none is under way", []step{add("D0001"), add("D0002"), {op: "start"}},
			step{op: "start"}, new(*SpeechRunningError), ""},
		{"F3: no ordinary speech while a point of order waits", []step{add("D0001"), order("D0002")},
			step{op: "start", no: 1}, new(*SpeakerError), CodeOrderFirst},
		{"F3: an ordinary request cannot pass a point of order", []step{order("D0002"), add("D0001")},
			step{op: "move", no: 2, pos: 0}, new(*SpeakerError), CodeOrderFirst},
		{"F3: a point of order cannot go back among the rest", []step{order("D0002"), add("D0001")},
			step{op: "move", no: 1, pos: 1}, new(*SpeakerError), CodeOrderFirst},
		{"the same place", []step{add("D0001"), add("D0002")}, step{op: "move", no: 1, pos: 0}, new(*SpeakerError), CodeBadPosition},
		{"no such place", []step{add("D0001"), add("D0002")}, step{op: "move", no: 1, pos: 2}, new(*SpeakerError), CodeBadPosition},
		{"twice on the list", []step{add("D0001")}, add("D0001"), new(*SpeakerError), CodeAlreadyWaiting},
		{"not on the roster", nil, add("D0011"), new(*UnknownPersonError), ""},
		{"an observer while guests may not speak", nil, add("O1"), new(*SpeakerError), CodeGuest},
		{"no such request", nil, step{op: "remove", no: 9}, new(*SpeakerError), CodeNoRequest},
		{"removed twice", []step{add("D0001"), {op: "remove", no: 1}}, step{op: "remove", no: 1}, new(*SpeakerError), CodeNotWaiting},
		{"a request spoken is not on the list", speak("D0001"), step{op: "start", no: 1}, new(*SpeakerError), CodeNotWaiting},
		{"an empty list", nil, step{op: "start"}, new(*SpeakerError), CodeListEmpty},
		{"no speech to end", nil, step{op: "end"}, ErrNoSpeech, ""},
		{"nothing to undo", nil, step{op: "undo"}, ErrFloorUnchanged, ""},
		{"nothing to undo once the item ended", []step{add("D0001"), {op: "item", no: 2}, {op: "item", no: 1}},
			step{op: "undo"}, ErrFloorUnchanged, ""},
		{"a request of another item", []step{add("D0001"), {op: "item", no: 2}}, step{op: "remove", no: 1}, new(*SpeakerError), CodeNoRequest},
		{"no item under way", []step{{op: "end item"}}, add("D0001"), ErrNoCurrentItem, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, log := floorSession(t, false)
			if err := run(s, c.steps); err != nil {
				t.Fatal(err)
			}
			before, n := list(s), log.Len()
			err := run(s, []step{c.last})
			switch tg := c.target.(type) {
			case error:
				if !errors.Is(err, tg) {
					t.Fatalf("err = %v, want %v", err, tg)
				}
			default:
				if err == nil || !errors.As(err, c.target) {
					t.Fatalf("err = %v, want %T", err, c.target)
				}
			}
			var se *SpeakerError
			if c.code != "" && (!errors.As(err, &se) || se.Reason != c.code) {
				t.Errorf("err = %v, want code %s", err, c.code)
			}
			if list(s) != before || log.Len() != n {
				t.Errorf("a refusal changed the list: %q → %q", before, list(s))
			}
		})
	}
}

// TestSpeakersWho: formal delegates present, observers and guests when
// the host allows them, marked; answers by the reporter by name.
func TestSpeakersWho(t *testing.T) {
	s, _ := floorSession(t, false)
	exec(t, s, Mark{Meta: Meta{At: t0.Add(3 * time.Second), Actor: "desk1", Role: RoleDesk}, Person: "D0003", Status: Left})
	var se *SpeakerError
	wantErr(t, s, AddSpeaker{Meta: sec(10), Person: "D0003", Kind: SpeechOrdinary}, &se)
	if se.Reason != CodeAbsent || se.Name != "代表3" {
		t.Errorf("left: %+v", se)
	}
	wantErr(t, s, AddSpeaker{Meta: sec(10), Person: "G1", Kind: SpeechOrdinary}, &se)
	wantErr(t, s, SetFloorRules{Meta: sec(11)}, ErrSameFloorRules)
	exec(t, s, SetFloorRules{Meta: sec(11), GuestsSpeak: true})
	exec(t, s, AddSpeaker{Meta: sec(12), Person: "G1", Kind: SpeechOrdinary})
	exec(t, s, AddSpeaker{Meta: sec(13), Person: "O1", Kind: SpeechSupplement})
	var fe *FieldError
	for _, c := range []struct {
		cmd  AddSpeaker
		code Code
	}{
		{AddSpeaker{Meta: sec(14), Kind: SpeechReply}, CodeEmpty},
		{AddSpeaker{Meta: sec(14), Kind: SpeechOrdinary, Name: "学生会主席"}, CodeNameNotReply},
		{AddSpeaker{Meta: sec(14), Person: "D0001", Kind: SpeechReply, Name: "学生会主席"}, CodeNameNotReply},
		{AddSpeaker{Meta: sec(14), Person: "D0001", Kind: "debate"}, CodeBadSpeechKind},
	} {
		wantErr(t, s, c.cmd, &fe)
		if fe.Code != c.code {
			t.Errorf("%+v: %s, want %s", c.cmd, fe.Code, c.code)
		}
	}
	exec(t, s, AddSpeaker{Meta: sec(15), Kind: SpeechReply, Name: " 学生会主席 "})
	wantErr(t, s, AddSpeaker{Meta: sec(16), Kind: SpeechReply, Name: "学生会主席"}, &se)
	if se.Reason != CodeAlreadyWaiting {
		t.Errorf("the same answer twice: %+v", se)
	}
	s.Read(func(st *State) {
		r := st.Speeches[2]
		if r.Name != "学生会主席" || r.Person != "" || st.speakerName(r) != "学生会主席" || r.By != "host" {
			t.Errorf("answer: %+v", r)
		}
	})
	// The secretary keeps the list too; a desk may not.
	exec(t, s, AddSpeaker{Meta: Meta{At: t0.Add(17 * time.Second), Actor: "sec", Role: RoleSecretary}, Person: "D0001", Kind: SpeechOrdinary})
	var re *RoleError
	wantErr(t, s, AddSpeaker{Meta: Meta{At: t0.Add(18 * time.Second), Actor: "desk1", Role: RoleDesk}, Person: "D0002", Kind: SpeechOrdinary}, &re)
}

// TestSpeechTiming: F2 and F6 — the limits of each kind, the durations
// from the commands' times in whole seconds, the overtime, the end of the
// item ending the speech, and a replay giving exactly the same times.
func TestSpeechTiming(t *testing.T) {
	s, log := floorSession(t, false)
	base := 100
	cmds := []Command{
		AddSpeaker{Meta: sec(base), Person: "D0001", Kind: SpeechOrdinary},
		AddSpeaker{Meta: sec(base), Person: "D0002", Kind: SpeechSupplement},
		AddSpeaker{Meta: sec(base), Person: "D0003", Kind: SpeechOrdinary},
		StartSpeech{Meta: sec(base + 1)},
		// 4 minutes allowed; 4:12.9 spoken: 252 seconds, 12 over.
		EndSpeech{Meta{At: t0.Add(time.Duration(base+1+252)*time.Second + 900*time.Millisecond), Actor: "host"}},
		StartSpeech{Meta: sec(base + 300)},
		EndSpeech{sec(base + 300 + 45)},
		StartSpeech{Meta: sec(base + 400)},
		// Moving on to the next item ends the speech (F2).
		StartItem{Meta: sec(base + 400 + 61), Index: 2},
		AddSpeaker{Meta: sec(base + 500), Person: "D0004", Kind: SpeechOrdinary},
		StartSpeech{Meta: sec(base + 501)},
		EndItem{Meta: sec(base + 501 + 200)},
	}
	for _, c := range cmds {
		exec(t, s, c)
	}
	want := []struct {
		limit, seconds, over int
	}{{240, 252, 12}, {90, 45, 0}, {240, 61, 0}, {180, 200, 20}}
	check := func(s *Session) {
		s.Read(func(st *State) {
			for i, w := range want {
				sp := st.Speeches[i]
				if sp.Status != SpeechSpoken || sp.Limit != w.limit || sp.Seconds != w.seconds || sp.Over() != w.over {
					t.Errorf("speech %d: %+v, want %+v", i+1, sp, w)
				}
				if got := sp.Ended.Sub(sp.Started); int(got/time.Second) != w.seconds {
					t.Errorf("speech %d: ran %v", i+1, got)
				}
			}
			if st.Items[1].Ended != st.Speeches[2].Ended || st.Items[2].Ended != st.Speeches[3].Ended {
				t.Errorf("the items' ends are not their speeches' ends")
			}
			if st.Speaking() != nil {
				t.Errorf("a speech under way after the item ended")
			}
		})
	}
	check(s)
	again, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	check(again)
	var a, b []Speech
	s.Read(func(st *State) { a = speechesOf(st) })
	again.Read(func(st *State) { b = speechesOf(st) })
	if !reflect.DeepEqual(a, b) {
		t.Errorf("replay differs:\n%+v\n%+v", a, b)
	}
	checkRoundTrip(t, s, log)
}

// TestSpeechPhase: the countdown's phases from the times given (no
// clock): green, amber in the last 30 seconds, over after the limit.
func TestSpeechPhase(t *testing.T) {
	start := t0
	sp := Speech{Started: start, Limit: 60}
	for _, c := range []struct {
		at    int
		left  time.Duration
		phase Phase
	}{
		{0, 60 * time.Second, PhaseGreen}, {29, 31 * time.Second, PhaseGreen}, {30, 30 * time.Second, PhaseAmber},
		{60, 0, PhaseAmber}, {61, -time.Second, PhaseOver}, {95, -35 * time.Second, PhaseOver},
		{-5, 60 * time.Second, PhaseGreen},
	} {
		now := start.Add(time.Duration(c.at) * time.Second)
		if l, p := sp.Left(now), sp.Phase(now); l != c.left || p != c.phase {
			t.Errorf("at %d s: left %v phase %d, want %v %d", c.at, l, p, c.left, c.phase)
		}
	}
	done := Speech{Started: start, Ended: start.Add(70 * time.Second), Limit: 60, Seconds: 70}
	if done.Elapsed(start.Add(time.Hour)) != 70*time.Second || done.Over() != 10 {
		t.Errorf("a speech given: %v over %d", done.Elapsed(start.Add(time.Hour)), done.Over())
	}
}

// TestReplayRefusesBadTimes: a stored duration that is not the
// difference of the stored times is damage.
func TestReplayRefusesBadTimes(t *testing.T) {
	s, log := floorSession(t, false)
	exec(t, s, AddSpeaker{Meta: sec(10), Person: "D0001", Kind: SpeechOrdinary})
	exec(t, s, StartSpeech{Meta: sec(11)})
	exec(t, s, EndSpeech{sec(71)})
	e, err := Decode(log.recs[len(log.recs)-1].Data)
	if err != nil {
		t.Fatal(err)
	}
	e.Body = SpeechEnded{No: 1, Seconds: 59}
	log.recs[len(log.recs)-1].Data, _ = Encode(e)
	var ce *CorruptError
	if _, err := Load(log); !errors.As(err, &ce) || ce.Seq != e.Seq {
		t.Fatalf("a changed duration: %v", err)
	}
}

// TestGroupReports: the groups of an item (one per unit by default), the
// reports with their counts, corrections, the convener and secretary, and
// the terminal limited to a group.
func TestGroupReports(t *testing.T) {
	s, log := floorSession(t, false)
	var groups []model.Group
	s.Read(func(st *State) { groups = st.Setup.ItemGroups(1) })
	if len(groups) != 2 || groups[0].Name != "甲" || groups[1].Name != "乙" {
		t.Fatalf("groups %+v", groups)
	}
	g1 := Meta{At: t0.Add(time.Minute), Actor: "secretary:甲组", Role: RoleSecretary, OnlyGroup: "甲"}
	exec(t, s, ReportGroup{Meta: g1, Item: 1, Group: "甲", Speakers: 4, Text: "同意报告。", Convener: "代表1", Secretary: "代表3"})
	var ge *GroupError
	for _, c := range []struct {
		cmd  ReportGroup
		code Code
	}{
		{ReportGroup{Meta: sec(70), Item: 2, Group: "甲", Text: "x"}, CodeNotInGroups},
		{ReportGroup{Meta: sec(70), Item: 1, Group: "丙", Text: "x"}, CodeUnknownGroup},
		{ReportGroup{Meta: sec(70), Item: 1, Group: "乙", Speakers: 7, Text: "x"}, CodeTooManySpeakers},
	} {
		wantErr(t, s, c.cmd, &ge)
		if ge.Reason != c.code {
			t.Errorf("%+v: %s, want %s", c.cmd, ge.Reason, c.code)
		}
	}
	if ge.Got != 7 || ge.Members != 6 { // 乙: five formal delegates and the guest
		t.Errorf("too many: %+v", ge)
	}
	var fe *FieldError
	wantErr(t, s, ReportGroup{Meta: sec(70), Item: 1, Group: "乙", Speakers: -1, Text: "x"}, &fe)
	wantErr(t, s, ReportGroup{Meta: sec(70), Item: 1, Group: "乙", Text: " "}, &fe)
	// The group's own terminal reports its group only.
	var gl *GroupLimitError
	wantErr(t, s, ReportGroup{Meta: g1, Item: 1, Group: "乙", Text: "x"}, &gl)
	if gl.Asked != "乙" {
		t.Errorf("%+v", gl)
	}
	wantErr(t, s, AddNote{Meta: g1, Text: "x"}, &gl)
	wantErr(t, s, AddSpeaker{Meta: g1, Person: "D0001", Kind: SpeechOrdinary}, &gl)
	host := g1
	host.Role = RoleHost
	wantErr(t, s, ReportGroup{Meta: host, Item: 1, Group: "甲", Text: "x"}, &gl)
	if !PermittedIn(RoleSecretary, "甲", ReportGroup{}) || PermittedIn(RoleSecretary, "甲", AddNote{}) || !PermittedIn(RoleSecretary, "", AddNote{}) {
		t.Error("PermittedIn")
	}
	// A correction keeps the convener and secretary already named.
	exec(t, s, ReportGroup{Meta: Meta{At: t0.Add(2 * time.Minute), Actor: "secretary:甲组", Role: RoleSecretary, OnlyGroup: "甲"},
		Item: 1, Group: "甲", Speakers: 5, Text: "同意报告；建议公开经费。"})
	exec(t, s, StartItem{Meta: sec(200), Index: 2})
	exec(t, s, ReportGroup{Meta: sec(201), Item: 1, Group: "乙", Speakers: 6, Text: "同意。"}) // after the item: still taken
	s.Read(func(st *State) {
		if len(st.Reports) != 2 {
			t.Fatalf("reports %+v", st.Reports)
		}
		r := st.Reports[0]
		if r.Revision != 2 || r.Speakers != 5 || r.Convener != "代表1" || r.Secretary != "代表3" || r.By != "secretary:甲组" || r.Text != "同意报告；建议公开经费。" {
			t.Errorf("甲: %+v", r)
		}
		if _, ok := st.Report(1, "乙"); !ok {
			t.Error("乙 not reported")
		}
	})
	checkRoundTrip(t, s, log)
}

// TestGroupsFromTheFile: an item's own groups; a setup's bad groups and
// times are refused.
func TestGroupsFromTheFile(t *testing.T) {
	s := floorSetup(false)
	s.Agenda[1].Floor.Groups = []model.Group{{Name: "第一组", Units: []string{"甲", "乙"}, Convener: "王", Secretary: "李"}}
	if err := CheckSetup(s); err != nil {
		t.Fatal(err)
	}
	if g := s.ItemGroups(1); len(g) != 1 || g[0].Convener != "王" {
		t.Errorf("%+v", g)
	}
	for _, c := range []struct {
		change func(*model.Setup)
		field  string
	}{
		{func(s *model.Setup) { s.Meeting.Floor.SpeechSeconds = 5 }, "meeting.floor.speech_seconds"},
		{func(s *model.Setup) { s.Agenda[1].Floor.ShortSeconds = 3601 }, "agenda[1].floor.short_seconds"},
		{func(s *model.Setup) { s.Agenda[1].Floor.InGroups = false }, "agenda[1].floor.groups"},
		{func(s *model.Setup) { s.Agenda[1].Floor.Groups[0].Name = "" }, "agenda[1].floor.groups[0].name"},
		{func(s *model.Setup) { s.Agenda[1].Floor.Groups[0].Units = []string{"丙"} }, "agenda[1].floor.groups[0].units"},
		{func(s *model.Setup) {
			s.Agenda[1].Floor.Groups = append(s.Agenda[1].Floor.Groups, model.Group{Name: "第一组", Units: []string{"甲"}})
		}, "agenda[1].floor.groups[1].name"},
		{func(s *model.Setup) {
			s.Agenda[1].Floor.Groups = append(s.Agenda[1].Floor.Groups, model.Group{Name: "第二组", Units: []string{"甲"}})
		}, "agenda[1].floor.groups[1].units"},
	} {
		bad := floorSetup(false)
		bad.Agenda[1].Floor.Groups = []model.Group{{Name: "第一组", Units: []string{"甲", "乙"}}}
		c.change(&bad)
		var se *SetupError
		if err := CheckSetup(bad); !errors.As(err, &se) || se.Field != c.field {
			t.Errorf("%s: %v", c.field, err)
		}
	}
}

// TestSetupAdditionsInOrder: the setup's additions (the time zone, the
// rehearsal flag, then the floor) round-trip in every combination; the
// earlier are written empty only before a later one; an empty time zone
// or a 0 rehearsal flag at the end, or a floor with nothing set, is
// damage.
func TestSetupAdditionsInOrder(t *testing.T) {
	floor := model.FloorRules{FairOrder: true}
	for _, c := range []struct {
		tz        string
		rehearsal bool
		floor     bool
	}{{"", false, false}, {"+06:00", false, false}, {"", false, true}, {"+06:00", false, true},
		{"", true, false}, {"", true, true}, {"+06:00", true, true}} {
		s := fixtureSetup()
		s.Meeting.TimeZone = c.tz
		s.Rehearsal = c.rehearsal
		if c.floor {
			s.Meeting.Floor = floor
		}
		e := fixtureEvent(Opened{Setup: s})
		data, err := Encode(e)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Decode(data)
		if err != nil || !reflect.DeepEqual(got, e) {
			t.Errorf("%+v: %v", c, err)
		}
	}
	base, _ := Encode(fixtureEvent(Opened{Setup: fixtureSetup()}))
	for name, tail := range map[string][]byte{
		"an empty time zone at the end": {0},
		"a 0 rehearsal at the end":      {0, 0},
		"a floor with nothing set":      {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0},
		"a floor's bad flags":           {0, 0, 0, 0, 4, 2, 0, 0, 0, 0, 0, 0, 0, 0},
		"a floor of another agenda":     {0, 0, 0, 0, 1, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
	} {
		if _, err := Decode(append(append([]byte(nil), base...), tail...)); err == nil {
			t.Errorf("%s: read", name)
		}
	}
}
