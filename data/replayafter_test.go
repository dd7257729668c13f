package data

import (
	"bytes"
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"podium/session"
)

// TestReplayAfter: ReplayAfter gives the records after a seq, as Replay
// does, with its checks.
func TestReplayAfter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db")
	st, _ := newSession(t, path, 9)
	var all []session.Record
	collect := func(into *[]session.Record) func(session.Record) error {
		return func(r session.Record) error {
			*into = append(*into, session.Record{Seq: r.Seq, Data: bytes.Clone(r.Data)})
			return nil
		}
	}
	if err := st.Replay(collect(&all)); err != nil || len(all) != 10 {
		t.Fatal(len(all), err)
	}
	for after := uint64(0); after <= 10; after++ {
		var got []session.Record
		if err := st.ReplayAfter(after, collect(&got)); err != nil {
			t.Fatalf("after %d: %v", after, err)
		}
		if want := all[after:]; !reflect.DeepEqual(got, want) && len(got)+len(want) > 0 {
			t.Fatalf("after %d: %d records, want %d", after, len(got), len(want))
		}
	}
	if err := st.ReplayAfter(11, collect(new([]session.Record))); err == nil || errors.Is(err, ErrDamaged) {
		t.Fatalf("after the last event: %v", err)
	}
	st.Close()

	// The last event changed: caught even when no record is read after it.
	tamper(t, path, flip(10, hashLen+2))
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var bad *BadRecordError
	for _, after := range []uint64{10, 9} {
		if err := st.ReplayAfter(after, func(session.Record) error { return nil }); !errors.As(err, &bad) || bad.Seq != 10 {
			t.Fatalf("after %d: %v, want event 10 changed", after, err)
		}
	}
	st.Close()

	// A missing event in its place, before and after it.
	tamper(t, path, del(6))
	if st, err = Open(path); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	for _, after := range []uint64{6, 5, 3} {
		if err := st.ReplayAfter(after, func(session.Record) error { return nil }); !errors.As(err, &bad) || bad.Seq != 6 {
			t.Fatalf("after %d: %v, want event 6 missing", after, err)
		}
	}
}
