package session

import (
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"podium/model"
)

var t0 = time.Date(2026, 11, 30, 8, 30, 0, 0, time.FixedZone("CST", 8*3600))

// testSetup returns a setup with n formal delegates in two units, one
// observer and one guest.
func testSetup(n int) model.Setup {
	s := model.Setup{
		Meeting: model.DefaultMeeting("测试大会"),
		Agenda: []model.Item{
			{Kind: model.ItemPreparatory, Title: "预备会议"},
			{Kind: model.ItemElection, Title: "选举"},
		},
	}
	for i := 0; i < n; i++ {
		s.Roster = append(s.Roster, model.Person{ID: fmt.Sprintf("D%04d", i+1), Name: fmt.Sprintf("代表%d", i+1), Unit: []string{"甲", "乙"}[i%2]})
	}
	s.Roster = append(s.Roster,
		model.Person{ID: "O1", Name: "列席甲", Unit: "甲", Kind: model.Observer},
		model.Person{ID: "G1", Name: "特邀乙", Unit: "乙", Kind: model.Guest})
	return s
}

func at(min int) Meta { return Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: "desk1"} }

func newSession(t testing.TB, n int) (*Session, *MemoryLog) {
	t.Helper()
	log := &MemoryLog{}
	s, err := Create(log, Open{Meta: at(0), Setup: testSetup(n)})
	if err != nil {
		t.Fatal(err)
	}
	return s, log
}

func exec(t testing.TB, s *Session, c Command) {
	t.Helper()
	if _, err := s.Execute(c); err != nil {
		t.Fatalf("%T: %v", c, err)
	}
}

func count(s *Session) (c Count) {
	s.Read(func(st *State) { c = st.Count() })
	return
}

func TestCommandsToEventsToState(t *testing.T) {
	s, log := newSession(t, 10)
	if c := count(s); c != (Count{Expected: 10, Present: 0}) {
		t.Fatalf("after open: %+v", c)
	}
	steps := []struct {
		name    string
		cmd     Command
		wantErr any // pointer to the typed error, or a sentinel
		present int
		events  int // log length after the step
	}{
		{"mark D0001 present", Mark{Meta: at(1), Person: "D0001", Status: Present}, nil, 1, 2},
		{"mark D0002 present", Mark{Meta: at(2), Person: "D0002", Status: Present}, nil, 2, 3},
		{"again present refused", Mark{Meta: at(3), Person: "D0002", Status: Present}, new(*SameStatusError), 2, 3},
		{"unknown person refused", Mark{Meta: at(3), Person: "D9999", Status: Present}, new(*UnknownPersonError), 2, 3},
		{"observer present does not count", Mark{Meta: at(3), Person: "O1", Status: Present}, nil, 2, 4},
		{"D0002 leaves", Mark{Meta: at(4), Person: "D0002", Status: Left}, nil, 1, 5},
		{"D0003 on leave", Mark{Meta: at(5), Person: "D0003", Status: OnLeave}, nil, 1, 6},
		{"undo on leave", Undo{at(6)}, nil, 1, 7},
		{"undo left → present again", Undo{at(7)}, nil, 2, 8},
		{"undo observer", Undo{at(8)}, nil, 2, 9},
		{"other actor has nothing to undo", Undo{Meta{At: at(8).At, Actor: "desk2"}}, new(*NothingToUndoError), 2, 9},
		{"declare open without quorum", DeclareOpen{at(9)}, new(*QuorumError), 2, 9},
		{"bad agenda item", StartItem{at(9), 5}, new(*ItemError), 2, 9},
		{"start item 1", StartItem{at(9), 0}, nil, 2, 10},
		{"open twice refused", Open{Meta: at(9), Setup: testSetup(3)}, &ErrAlreadyOpen, 2, 10},
	}
	for _, st := range steps {
		_, err := s.Execute(st.cmd)
		switch want := st.wantErr.(type) {
		case nil:
			if err != nil {
				t.Fatalf("%s: %v", st.name, err)
			}
		case *error:
			if !errors.Is(err, *want) {
				t.Fatalf("%s: err = %v, want %v", st.name, err, *want)
			}
		default:
			if err == nil || !errors.As(err, want) {
				t.Fatalf("%s: err = %v, want %T", st.name, err, want)
			}
		}
		if got := count(s).Present; got != st.present {
			t.Fatalf("%s: present = %d, want %d", st.name, got, st.present)
		}
		if log.Len() != uint64(st.events) {
			t.Fatalf("%s: log has %d events, want %d", st.name, log.Len(), st.events)
		}
	}
	s.Read(func(st *State) {
		if st.Attendance[2].Status != NotArrived || len(st.History(2)) != 2 {
			t.Errorf("D0003 after undo: %+v %+v", st.Attendance[2], st.History(2))
		}
		if st.Item != 0 || st.ItemAt != at(9).At.UTC() {
			t.Errorf("item %d at %v", st.Item, st.ItemAt)
		}
	})
}

// TestQuorumBoundaries is RULES §9 example 1 on a live session, and the
// opening quorum at its boundary.
func TestQuorumBoundaries(t *testing.T) {
	s, _ := newSession(t, 122)
	markN := func(from, to int) {
		for i := from; i < to; i++ {
			exec(t, s, Mark{Meta: at(i), Person: fmt.Sprintf("D%04d", i+1), Status: Present})
		}
	}
	markN(0, 61)
	var q Quorum
	s.Read(func(st *State) { q = st.Quorum() })
	if q.Opening || q.OpeningNeed != 62 || q.ElectionNeed != 98 {
		t.Fatalf("61 present: %+v", q)
	}
	_, err := s.Execute(DeclareOpen{at(61)})
	var qe *QuorumError
	if !errors.As(err, &qe) || qe.Present != 61 || qe.Expected != 122 || qe.Need != 62 {
		t.Fatalf("declare with 61: %v", err)
	}
	markN(61, 62)
	exec(t, s, DeclareOpen{at(62)})
	s.Read(func(st *State) {
		if st.Declared == nil || st.Declared.Count != (Count{122, 62}) {
			t.Fatalf("declared stamp %+v", st.Declared)
		}
	})
	markN(62, 97)
	s.Read(func(st *State) { q = st.Quorum() })
	if q.Present != 97 || q.Election {
		t.Fatalf("97 present: %+v", q)
	}
	markN(97, 98)
	s.Read(func(st *State) { q = st.Quorum() })
	if q.Present != 98 || !q.Election {
		t.Fatalf("98 present: %+v", q)
	}
	// Someone leaves: the election quorum is lost at once.
	exec(t, s, Mark{Meta: at(200), Person: "D0001", Status: Left})
	s.Read(func(st *State) { q = st.Quorum() })
	if q.Election || !q.ElectionLost || q.OpeningLost || q.Peak != 98 {
		t.Fatalf("after one left: %+v", q)
	}
	exec(t, s, Mark{Meta: at(201), Person: "D0001", Status: Present})
	s.Read(func(st *State) { q = st.Quorum() })
	if !q.Election || q.ElectionLost {
		t.Fatalf("back again: %+v", q)
	}
}

func TestElevenOfThirteen(t *testing.T) {
	s, _ := newSession(t, 13)
	for i := 0; i < 11; i++ {
		exec(t, s, Mark{Meta: at(i), Person: fmt.Sprintf("D%04d", i+1), Status: Present})
		var q Quorum
		s.Read(func(st *State) { q = st.Quorum() })
		if q.Election != (i+1 >= 11) {
			t.Fatalf("%d of 13: election quorum %v", i+1, q.Election)
		}
	}
}

func TestReplayGivesLiveState(t *testing.T) {
	s, log := newSession(t, 40)
	for i := 0; i < 300; i++ {
		id := fmt.Sprintf("D%04d", i%40+1)
		st := Status(i%3 + 1)
		if _, err := s.Execute(Mark{Meta: Meta{At: t0.Add(time.Duration(i) * time.Second), Actor: []string{"desk1", "desk2"}[i%2]}, Person: id, Status: st}); err != nil {
			var same *SameStatusError
			var absent *NotPresentError // leaving needs being present
			if !errors.As(err, &same) && !errors.As(err, &absent) {
				t.Fatal(err)
			}
		}
		if i%7 == 0 {
			s.Execute(Undo{Meta{At: t0.Add(time.Duration(i) * time.Second), Actor: "desk1"}})
		}
		if i == 150 {
			exec(t, s, StartItem{Meta{At: t0.Add(time.Duration(i) * time.Second), Actor: "desk1"}, 1})
		}
	}
	re, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	var live, replayed State
	s.Read(func(st *State) { live = *st })
	re.Read(func(st *State) { replayed = *st })
	if !reflect.DeepEqual(live, replayed) {
		t.Fatalf("replayed state differs from live state")
	}
	if replayed.PresentAt(t0.Add(time.Hour)) != live.Count().Present {
		t.Fatalf("PresentAt(end) = %d, live %d", replayed.PresentAt(t0.Add(time.Hour)), live.Count().Present)
	}
}

func TestPresentAtTimeline(t *testing.T) {
	s, _ := newSession(t, 5)
	exec(t, s, Mark{Meta: at(10), Person: "D0001", Status: Present})
	exec(t, s, Mark{Meta: at(20), Person: "D0002", Status: Present})
	exec(t, s, Mark{Meta: at(30), Person: "D0001", Status: Left})
	s.Read(func(st *State) {
		for _, c := range []struct{ min, want int }{{5, 0}, {10, 1}, {15, 1}, {20, 2}, {29, 2}, {30, 1}, {99, 1}} {
			if got := st.PresentAt(t0.Add(time.Duration(c.min) * time.Minute)); got != c.want {
				t.Errorf("PresentAt(+%dm) = %d, want %d", c.min, got, c.want)
			}
		}
	})
}

func TestSetupRefused(t *testing.T) {
	bad := []struct {
		name  string
		edit  func(*model.Setup)
		field string
	}{
		{"no name", func(s *model.Setup) { s.Meeting.Name = "" }, "meeting.name"},
		{"dup id", func(s *model.Setup) { s.Roster[1].ID = s.Roster[0].ID }, "roster[1].id"},
		{"empty unit", func(s *model.Setup) { s.Roster[2].Unit = "" }, "roster[2].unit"},
		{"no formal", func(s *model.Setup) {
			for i := range s.Roster {
				s.Roster[i].Kind = model.Observer
			}
		}, "roster"},
		{"no agenda", func(s *model.Setup) { s.Agenda = nil }, "agenda"},
		{"bad quorum", func(s *model.Setup) { s.Meeting.ElectionQuorum.Den = 0 }, "meeting.election_quorum"},
	}
	for _, b := range bad {
		s := testSetup(4)
		b.edit(&s)
		log := &MemoryLog{}
		_, err := Create(log, Open{Meta: at(0), Setup: s})
		var se *SetupError
		if !errors.As(err, &se) || se.Field != b.field {
			t.Errorf("%s: err = %v, want setup error on %s", b.name, err, b.field)
		}
		if log.Len() != 0 {
			t.Errorf("%s: a refused open wrote %d events", b.name, log.Len())
		}
	}
}

func TestLoadEmptyAndNotOpen(t *testing.T) {
	if _, err := Load(&MemoryLog{}); !errors.Is(err, ErrEmpty) {
		t.Fatalf("Load(empty) = %v", err)
	}
	s := &Session{log: &MemoryLog{}}
	if _, err := s.Execute(Mark{Meta: at(1), Person: "D0001", Status: Present}); !errors.Is(err, ErrNotOpen) {
		t.Fatalf("mark before open = %v", err)
	}
}

type failLog struct{ MemoryLog }

func (f *failLog) Append([]Record) error { return errors.New("disk full") }

func TestFailedAppendChangesNothing(t *testing.T) {
	s, _ := newSession(t, 3)
	s.log = &failLog{}
	if _, err := s.Execute(Mark{Meta: at(1), Person: "D0001", Status: Present}); err == nil {
		t.Fatal("append failure not reported")
	}
	if c := count(s); c.Present != 0 {
		t.Fatalf("state changed after a failed append: %+v", c)
	}
}

func TestSubscribersHearCommittedEvents(t *testing.T) {
	s, _ := newSession(t, 3)
	var got []uint64
	cancel := s.Subscribe(func(e Event) { got = append(got, e.Seq) })
	exec(t, s, Mark{Meta: at(1), Person: "D0001", Status: Present})
	s.Execute(Mark{Meta: at(1), Person: "D0001", Status: Present}) // refused: no event
	exec(t, s, Mark{Meta: at(2), Person: "D0002", Status: Present})
	cancel()
	exec(t, s, Mark{Meta: at(3), Person: "D0003", Status: Present})
	if !reflect.DeepEqual(got, []uint64{2, 3}) {
		t.Fatalf("subscriber heard %v", got)
	}
}
