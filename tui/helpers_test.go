package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"podium/model"
	"podium/session"
)

// testZone is the desk's time zone in every test (China Standard Time).
var testZone = time.FixedZone("CST", 8*3600)

// t0 is the fixed clock of the tests.
var t0 = time.Date(2026, 5, 16, 9, 30, 0, 0, testZone)

// named are the people the tests search for: polyphonic surnames, "·"
// names, a duplicate name, Latin letters, a very long unit.
var named = []model.Person{
	{ID: "A001", Name: "张新龙", Unit: "护理分院"},
	{ID: "A002", Name: "张晓丽", Unit: "机电工程分院"},
	{ID: "A003", Name: "阿依古丽·买买提", Unit: "信息工程与大数据学院（含人工智能专业）"},
	{ID: "A004", Name: "单田芳", Unit: "财经分院"},
	{ID: "A005", Name: "王伟", Unit: "护理分院"},
	{ID: "A006", Name: "王伟", Unit: "建筑工程分院"},
	{ID: "A007", Name: "迪丽热巴·迪力木拉提·Anna-Maria", Unit: "Foreign Languages School of Applied Linguistics"},
	{ID: "A008", Name: "曾子墨", Unit: "财经分院"},
	{ID: "A009", Name: "吕布", Unit: "机电工程分院"},
	{ID: "O001", Name: "欧阳娜娜", Unit: "护理分院", Kind: model.Observer},
	{ID: "G001", Name: "Li Ming", Unit: "校团委", Kind: model.Guest},
}

// testSetup is a congress of 122 formal delegates in 8 units: the named
// people and generated fillers whose names match none of the test queries.
func testSetup() model.Setup {
	units := []string{"护理分院", "机电工程分院", "信息工程与大数据学院（含人工智能专业）", "财经分院",
		"建筑工程分院", "医学检验分院", "Foreign Languages School of Applied Linguistics", "农牧分院"}
	sur := []string{"陈", "何", "黄", "林", "罗", "高", "孙", "马", "胡", "郭", "阿布都", "古丽"}
	given := []string{"明", "华", "强", "芳", "敏", "静", "磊", "洋", "勇", "艳", "热依汗·吐尔逊", "海"}
	roster := append([]model.Person(nil), named...)
	formal := 0
	for _, p := range roster {
		if p.Kind == model.Formal {
			formal++
		}
	}
	for i := 0; formal < 122; i++ {
		roster = append(roster, model.Person{
			ID:   fmt.Sprintf("F%03d", i+1),
			Name: sur[i%len(sur)] + given[(i/len(sur)+i)%len(given)],
			Unit: units[i%len(units)],
		})
		formal++
	}
	return model.Setup{
		Meeting: model.DefaultMeeting("昌吉职业技术学院第一次学生代表大会"),
		Roster:  roster,
		Agenda: []model.Item{
			{Kind: model.ItemPreparatory, Title: "预备会议", TitleEn: "Preparatory meeting"},
			{Kind: model.ItemOpening, Title: "开幕式", TitleEn: "Opening"},
			{Kind: model.ItemReport, Title: "学生会工作报告", TitleEn: "Work report of the union"},
			{Kind: model.ItemElection, Title: "选举第一届学生会委员会", TitleEn: "Election of the first committee"},
			{Kind: model.ItemClosing, Title: "闭幕式", TitleEn: "Closing"},
		},
	}
}

// newSession opens a congress on a memory log.
func newSession(t testing.TB, s model.Setup) *session.Session {
	t.Helper()
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: t0.Add(-time.Hour), Actor: "setup"}, Setup: s})
	if err != nil {
		t.Fatal(err)
	}
	return sess
}

// newTestModel returns a model of size w×h at the fixed clock.
func newTestModel(t testing.TB, sess *session.Session, lang string, w, h int) *Model {
	t.Helper()
	m := newModel(sess, Options{Lang: lang, Actor: "desk-1", Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// typeText sends one key press per rune.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
}

func press(m *Model, code rune, mod ...tea.KeyMod) {
	k := tea.KeyPressMsg{Code: code}
	for _, x := range mod {
		k.Mod |= x
	}
	m.Update(k)
}

func ctrl(m *Model, r rune) { press(m, r, tea.ModCtrl) }

// screen returns the view content without ANSI codes.
func screen(m *Model) string { return ansi.Strip(m.View().Content) }

// status returns the attendance status of a person.
func status(t testing.TB, sess *session.Session, id string) session.Status {
	t.Helper()
	var s session.Status
	sess.Read(func(st *session.State) {
		i, ok := st.Person(id)
		if !ok {
			t.Fatalf("no person %s", id)
		}
		s = st.Attendance[i].Status
	})
	return s
}

// mark executes a mark at a time, as another terminal would.
func mark(t testing.TB, sess *session.Session, id string, s session.Status, at time.Time) {
	t.Helper()
	if _, err := sess.Execute(session.Mark{Meta: session.Meta{At: at, Actor: "desk-2"}, Person: id, Status: s}); err != nil {
		t.Fatal(err)
	}
}

// checkFrame checks that the view has exactly h lines, none wider than w.
func checkFrame(t *testing.T, m *Model, w, h int) {
	t.Helper()
	lines := strings.Split(screen(m), "\n")
	if len(lines) != h {
		t.Errorf("%d×%d: %d lines", w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%d×%d: line %d is %d columns wide: %q", w, h, i, lw, l)
		}
	}
}
