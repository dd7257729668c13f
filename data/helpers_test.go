package data

import (
	"fmt"
	"testing"
	"time"

	"podium/model"
	"podium/session"
)

var t0 = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// testSetup is a congress like the demo's (122 formal delegates in 8
// units), built here so that the tests do not depend on the demo data.
func testSetup() model.Setup {
	units := []string{"护理分院", "机电工程分院", "财经分院", "信息技术分院", "建筑工程分院", "农业分院", "艺术分院", "师范分院"}
	var roster []model.Person
	for i := range 122 {
		roster = append(roster, model.Person{ID: fmt.Sprintf("D%04d", i+1), Name: fmt.Sprintf("代表%d", i+1),
			Unit: units[i%len(units)], Kind: model.Formal})
	}
	roster = append(roster, model.Person{ID: "G0001", Name: "来宾", Unit: "校团委", Kind: model.Guest})
	return model.Setup{
		Meeting: model.DefaultMeeting("示例学院第一次学生代表大会"),
		Roster:  roster,
		Agenda: []model.Item{
			{Kind: model.ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting"},
			{Kind: model.ItemOpening, Title: "开幕", TitleEn: "Opening"},
		},
	}
}

// meta is the command metadata of the i-th command of a test.
func meta(i int, actor string) session.Meta {
	return session.Meta{At: t0.Add(time.Duration(i) * time.Second), Actor: actor}
}

// toggle returns the Mark that flips roster person i%n between present and
// left.
func toggle(s *session.Session, i int, actor string) session.Mark {
	var m session.Mark
	s.Read(func(st *session.State) {
		p := i % len(st.Setup.Roster)
		to := session.Present
		if st.Attendance[p].Status == session.Present {
			to = session.Left
		}
		m = session.Mark{Meta: meta(i, actor), Person: st.Setup.Roster[p].ID, Status: to}
	})
	return m
}

// newSession creates a log at path with testSetup and n marks.
func newSession(t testing.TB, path string, n int) (*Store, *session.Session) {
	t.Helper()
	st, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Create(st, session.Open{Meta: meta(0, "chair"), Setup: testSetup()})
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= n; i++ {
		if _, err := s.Execute(toggle(s, i, "desk-1")); err != nil {
			t.Fatal(err)
		}
	}
	return st, s
}

// state returns a shallow copy of the session's state.
func state(s *session.Session) session.State {
	var c session.State
	s.Read(func(st *session.State) { c = *st })
	return c
}

// realisticActor is a terminal's identity as it might be logged: it brings
// an encoded Marked to about 150 bytes.
const realisticActor = "ssh:desk-3@192.168.10.23:52144 ed25519 SHA256:q3L0x8VtJ0h2cJxkq3kA1Q9i8pC0UzH1Ff0x7oZr5bE (签到台 3, 主会场东门入口)"
