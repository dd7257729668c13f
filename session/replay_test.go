package session

import (
	"math/rand/v2"
	"reflect"
	"testing"
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
// straight from their bytes) gives exactly the state that decoding and
// applying every event gives, on a whole congress and on logs with one
// byte changed here or there: the same state, or an error for both.
func TestFastReplayMatches(t *testing.T) {
	_, log := decidedCongress(t)
	same := func(log Log, what string) {
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
	same(log, "the congress")
	rnd := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 300; i++ {
		bad := &MemoryLog{}
		for _, r := range log.recs {
			bad.recs = append(bad.recs, Record{Seq: r.Seq, Data: append([]byte(nil), r.Data...)})
		}
		r := bad.recs[1+rnd.IntN(len(bad.recs)-1)]
		r.Data[rnd.IntN(len(r.Data))] ^= byte(1 << rnd.IntN(8))
		same(bad, "a changed byte")
	}
}
