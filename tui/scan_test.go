package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/internal/fixture"
)

// scan types an id as a barcode scanner does, every key at once, and
// Enter.
func scan(m *Model, id string) {
	typeText(m, id)
	enter(m)
}

// TestScanCheckIn: an exact id (any case, full-width too) and Enter checks
// that person in at once, even when a name matches the same letters
// better and whatever the list's filter; the status line answers with
// the name and unit; a second scan answers calmly that the person is
// already present.
func TestScanCheckIn(t *testing.T) {
	setup := testSetup()
	// An id that is also 张新龙's initials: the name ranks first in the
	// search, the scan checks in the id's owner.
	setup.Roster = append(setup.Roster, model.Person{ID: "ZXL", Name: "赵小路", Unit: "财经分院"})
	sess := newSession(t, setup)
	m := newTestModel(t, sess, "zh", 120, 40)
	typeText(m, "zxl")
	if r := att(m).Results(); len(r) < 2 || setup.Roster[r[0]].Name != "张新龙" {
		t.Fatalf("zxl: the name does not rank first: %v", r)
	}
	enter(m)
	if status(t, sess, "ZXL") != session.Present || status(t, sess, "A001") == session.Present {
		t.Fatal("zxl + Enter did not check in ZXL alone")
	}
	if s := screen(m); !strings.Contains(s, "赵小路（财经分院）") {
		t.Errorf("the status line does not name 赵小路 and the unit:\n%s", s)
	}
	// Any case, full width, the filter showing the present only.
	ctrl(m, 'u')
	press(m, tea.KeyTab)
	press(m, tea.KeyTab)
	for _, c := range []struct{ typed, id string }{{"a006", "A006"}, {"F003", "F003"}, {"ｆ００４", "F004"}} {
		scan(m, c.typed)
		if status(t, sess, c.id) != session.Present {
			t.Errorf("scanning %q did not check in %s", c.typed, c.id)
		}
		if q := att(m).Query(); q != "" {
			t.Errorf("after the scan of %q the box holds %q", c.typed, q)
		}
	}
	// A005 shares the name 王伟 with A006: the id alone decides.
	if status(t, sess, "A005") == session.Present {
		t.Error("A005 was checked in by A006's scan")
	}
	scan(m, "A006")
	if s := screen(m); !strings.Contains(s, "王伟（建筑工程分院）已是「已到") {
		t.Errorf("a second scan is not answered calmly:\n%s", s)
	}
	// An id on no one's card: nothing is marked, the desk is told.
	scan(m, "Q9999")
	if s := screen(m); !strings.Contains(s, "没有找到「Q9999」") {
		t.Errorf("an unknown id:\n%s", s)
	}
}

// scanBench is a desk of 3,000 delegates on a memory log (no fsync): the
// check-in screen at 120×40.
func scanBench(b *testing.B) (*Model, *session.Session, []model.Person) {
	setup := testSetup()
	setup.Roster = fixture.Roster(3000)
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: t0.Add(-time.Hour), Actor: "setup"}, Setup: setup})
	if err != nil {
		b.Fatal(err)
	}
	m := newModel(sess, Options{Lang: "zh", Actor: "desk-1", Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m, sess, setup.Roster
}

// BenchmarkScanCheckIn: the keys of an id and Enter, as a scanner types
// them, through the check-in model (the root's Update, the frame's
// layout and the desk's screen) of a desk of 3,000 delegates: one
// delegate checked in per op, on a memory log (the fsync excluded).
// Drawing the screen is not in it: Bubble Tea draws at its frame rate,
// not per key, and BenchmarkViewCheckIn3000 measures a drawing. Its floor is
// BenchmarkScanCheckInFloor.
func BenchmarkScanCheckIn(b *testing.B) {
	m, _, roster := scanBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i > 0 && i%len(roster) == 0 {
			b.StopTimer()
			m, _, _ = scanBench(b)
			b.StartTimer()
		}
		scan(m, roster[i%len(roster)].ID)
	}
}

// BenchmarkScanCheckInFloor is the floor of BenchmarkScanCheckIn: the same
// check-ins given straight to the session, without the screen.
func BenchmarkScanCheckInFloor(b *testing.B) {
	_, sess, roster := scanBench(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i > 0 && i%len(roster) == 0 {
			b.StopTimer()
			_, sess, _ = scanBench(b)
			b.StartTimer()
		}
		p := roster[i%len(roster)]
		if _, err := sess.Execute(session.Mark{Meta: session.Meta{At: t0, Actor: "desk-1"}, Person: p.ID, Status: session.Present}); err != nil {
			b.Fatal(fmt.Errorf("%s: %w", p.ID, err))
		}
	}
}
