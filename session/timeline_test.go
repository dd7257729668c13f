package session

import (
	"reflect"
	"testing"
	"time"
)

// TestTimelineByPerson: a person's history and arrival, found through the
// links between a person's changes, are those a scan of the whole
// timeline finds, on desks marking, undoing and excusing from terminals.
func TestTimelineByPerson(t *testing.T) {
	log := desksLog(t)
	replayed, err := Load(log)
	if err != nil {
		t.Fatal(err)
	}
	replayed.Read(func(st *State) {
		if st.Timeline.Len() != len(log.recs)-1 {
			t.Fatalf("%d changes for %d marks", st.Timeline.Len(), len(log.recs)-1)
		}
		for i := range st.Setup.Roster {
			var history []Change
			var arrived time.Time
			for j, c := range st.Timeline.All() {
				if !reflect.DeepEqual(c, st.Timeline.At(j)) {
					t.Fatalf("change %d: All and At differ", j)
				}
				if c.Person != i {
					continue
				}
				history = append(history, c)
				if arrived.IsZero() && c.To == Present && c.Undoes == 0 && c.UndoneBy == 0 {
					arrived = c.At
				}
			}
			if got := st.History(i); !reflect.DeepEqual(got, history) {
				t.Errorf("%s: history %+v, want %+v", st.Setup.Roster[i].ID, got, history)
			}
			if got := st.Presence(i).Arrived; !got.Equal(arrived) {
				t.Errorf("%s: arrived %v, want %v", st.Setup.Roster[i].ID, got, arrived)
			}
		}
	})
}
