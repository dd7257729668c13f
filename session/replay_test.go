package session

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// loadSlow is Load without the fast path: every record decoded and
// applied as an event.
func loadSlow(log Log) (State, error) {
	var st State
	err := log.Replay(func(r Record) error {
		e, err := decode(r.Data, nil)
		if err != nil {
			return &CorruptError{r.Seq, err.Error()}
		}
		if e.Seq != r.Seq {
			return &CorruptError{r.Seq, "seq"}
		}
		return st.apply(e)
	})
	return st, err
}

// TestFastReplayMatches: Load (whose replay applies marks and ballots
// straight from their bytes, finds actors and terminals once, and shares
// the marks of ballots two tellers keyed alike) gives exactly the state
// that decoding and applying every event gives — the compact timeline, its
// undos and reasons, the undo stacks, the tellers' stacks — on a whole
// congress, on desks marking, undoing and excusing from terminals, and on
// logs with one byte changed here or there: the same state, or an error
// for both.
func TestFastReplayMatches(t *testing.T) {
	_, congress := decidedCongress(t)
	same := func(log Log, what string) { t.Helper(); sameReplay(t, log, what) }
	cut := &MemoryLog{} // the congress until its last keyed ballot
	for i, r := range congress.recs {
		if EventKind(r.Data[1]) == kindBallotEntered {
			cut.recs = congress.recs[:i+1]
		}
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	for name, log := range map[string]*MemoryLog{"the congress": congress, "the desks": desksLog(t), "the congress cut after a ballot": cut} {
		same(log, name)
		for i := 0; i < 300; i++ {
			bad := &MemoryLog{}
			for _, r := range log.recs {
				bad.recs = append(bad.recs, Record{Seq: r.Seq, Data: append([]byte(nil), r.Data...)})
			}
			r := bad.recs[1+rnd.IntN(len(bad.recs)-1)]
			r.Data[rnd.IntN(len(r.Data))] ^= byte(1 << rnd.IntN(8))
			same(bad, name+" with a changed byte")
		}
	}
}

// sameReplay fails t unless Load and loadSlow give the same state, or
// both an error.
func sameReplay(t *testing.T, log Log, what string) {
	t.Helper()
	fast, ferr := Load(log)
	slow, serr := loadSlow(log)
	if (ferr != nil) != (serr != nil) {
		t.Fatalf("%s: fast %v, slow %v", what, ferr, serr)
	}
	if ferr != nil {
		return
	}
	var st State
	fast.Read(func(s *State) { st = *s })
	if !reflect.DeepEqual(st, slow) {
		t.Fatalf("%s: the fast replay's state differs", what)
	}
}

// FuzzFastReplay: whatever bytes one record of a log holds — a mark, a
// ballot keyed by the second teller, anything — Load's fast path gives
// the state decoding and applying every event gives, or both refuse.
func FuzzFastReplay(f *testing.F) {
	desks := desksLog(f)
	_, congress := decidedCongress(f)
	var ballots []Record // the congress until the second teller's sixth ballot
	for i, r := range congress.recs {
		if e, _ := Decode(r.Data); ballots == nil && e.Actor == "t2" {
			ballots = congress.recs[:i+6]
		}
	}
	logs := [][]Record{desks.recs, ballots}
	for k, recs := range logs {
		for i := len(recs) - 8; i < len(recs); i++ {
			f.Add(uint8(k), uint16(i), recs[i].Data)
		}
	}
	f.Fuzz(func(t *testing.T, k uint8, at uint16, data []byte) {
		base := logs[int(k)%len(logs)]
		log := &MemoryLog{recs: append([]Record(nil), base...)}
		i := 1 + int(at)%(len(base)-1)
		log.recs[i] = Record{Seq: base[i].Seq, Data: data}
		sameReplay(t, log, "a record changed")
	})
}

// desksLog is a log of the attendance as desks make it: marks from three
// SSH terminals (two under one desk key) and from the host's console
// without one, each undone on its own terminal while others mark the same
// people, leaves with reasons, a leave's undo restoring the earlier reason.
func desksLog(t testing.TB) *MemoryLog {
	s, log := newSession(t, 12)
	min := 0
	m := func(actor, terminal string) Meta {
		min++
		return Meta{At: t0.Add(time.Duration(min) * time.Minute), Actor: actor, Role: RoleDesk, Terminal: terminal}
	}
	id := func(i int) string { return fmt.Sprintf("D%04d", i%12+1) }
	for i := 0; i < 60; i++ {
		term := []string{"ssh:0a1b", "ssh:0a1c", "ssh:77ff", ""}[i%4]
		actor := []string{"desk-1", "desk-1", "desk-2", "host"}[i%4]
		var st State
		s.Read(func(x *State) { st = *x })
		switch p := i % 12; {
		case i%7 == 3 && st.CanUndo(actor, term):
			exec(t, s, Undo{m(actor, term)})
		case st.Attendance[p].Status == Present:
			exec(t, s, Mark{Meta: m(actor, term), Person: id(p), Status: Left})
		case i%5 == 0:
			exec(t, s, Mark{Meta: m(actor, term), Person: id(p), Status: OnLeave, Reason: fmt.Sprintf("请假%d", i)})
		default:
			exec(t, s, Mark{Meta: m(actor, term), Person: id(p), Status: Present})
		}
	}
	exec(t, s, Mark{Meta: m("desk-2", "ssh:77ff"), Person: id(1), Status: OnLeave, Reason: "另一理由"})
	exec(t, s, Mark{Meta: m("desk-2", "ssh:77ff"), Person: id(1), Status: OnLeave, Reason: "第三理由"})
	exec(t, s, Undo{m("desk-2", "ssh:77ff")})
	var st State
	s.Read(func(x *State) { st = *x })
	undos, reasons := 0, 0
	for _, c := range st.Timeline.All() {
		if c.Undoes != 0 {
			undos++
		}
		if c.Reason != "" {
			reasons++
		}
	}
	if undos < 5 || reasons < 5 || st.Attendance[1].Reason != "另一理由" {
		t.Fatalf("the desks' log has %d undos and %d reasons; D0002 %+v", undos, reasons, st.Attendance[1])
	}
	return log
}
