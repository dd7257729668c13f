package data

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"podium/session"
)

var updateFixture = flag.Bool("update-fixture", false, "rewrite testdata/fixture.db")

// fixtureEvents is the number of events in testdata/fixture.db.
const fixtureEvents = 400

// fixturePath is the committed log that the damage tests and the fuzz
// targets cut and flip: testSetup (its Opened event spans overflow pages)
// and marks by a realistic actor, enough for a branch page over a dozen
// leaves, with the free pages that earlier commits left.
const fixturePath = "testdata/fixture.db"

// TestFixture rewrites the fixture with -update-fixture, and checks that
// the committed one verifies whole.
func TestFixture(t *testing.T) {
	if *updateFixture {
		tmp := filepath.Join(t.TempDir(), "fixture.db")
		st, err := Open(tmp)
		if err != nil {
			t.Fatal(err)
		}
		s, err := session.Create(st, session.Open{Meta: meta(0, realisticActor), Setup: testSetup()})
		if err != nil {
			t.Fatal(err)
		}
		for i := 1; i < fixtureEvents; i++ {
			if _, err := s.Execute(toggle(s, i, realisticActor)); err != nil {
				t.Fatal(err)
			}
		}
		st.Close()
		b, err := os.ReadFile(tmp)
		if err != nil {
			t.Fatal(err)
		}
		// The pages past the high-water mark are bbolt's room to grow:
		// zeros the fixture need not carry.
		pf, err := readHeader(tmp, bytes.NewReader(b), int64(len(b)))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(fixturePath, b[:pf.meta.pgid*pf.ps], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	n, _, err := verifyFile(fixturePath)
	if err != nil || n != fixtureEvents {
		t.Fatalf("the fixture verifies %d %v; want %d events", n, err, fixtureEvents)
	}
}
