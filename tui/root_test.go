package tui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/mozillazg/go-pinyin"

	"podium/files"
	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// goldensUsed are the golden files the tests of this run compared.
var goldensUsed sync.Map

// TestMain runs the tests and then, when all of them ran (no -run, no
// -short), fails on a golden file no test compared: a stale one, left by
// a test renamed or gone.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && flag.Lookup("test.run").Value.String() == "" && !testing.Short() {
		des, err := os.ReadDir("testdata")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		for _, de := range des {
			if _, ok := goldensUsed.Load(de.Name()); !ok && strings.HasSuffix(de.Name(), ".golden") {
				fmt.Fprintf(os.Stderr, "testdata/%s: no test compares it (a stale golden: remove it)\n", de.Name())
				code = 1
			}
		}
	}
	os.Exit(code)
}

// golden compares got with testdata/name.golden, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name+".golden")
	goldensUsed.Store(name+".golden", true)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./tui/ -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./tui/ -update rewrites it)\n--- got\n%s\n--- want\n%s", path, got, want)
	}
}

// demoSession is the demo congress with a morning's check-in: 60% of the
// formal delegates present, one on leave, one who came and left; the
// preparatory item started and the meeting declared valid when it may be.
func demoSession(t *testing.T) *session.Session {
	t.Helper()
	sess := newSession(t, files.Demo())
	var formal []string
	sess.Read(func(st *session.State) {
		for _, p := range st.Setup.Roster {
			if p.Kind == model.Formal {
				formal = append(formal, p.ID)
			}
		}
	})
	n := (len(formal)*3 + 4) / 5
	at := t0.Add(-40 * time.Minute)
	// In the order of their times: the core refuses a command dated
	// before the last event.
	if n+1 < len(formal) {
		mark(t, sess, formal[n], session.OnLeave, at)
	}
	for i := 0; i < n && i < len(formal); i++ {
		if i == 10 && n+1 < len(formal) { // 130 s after the first
			mark(t, sess, formal[n+1], session.Present, at.Add(2*time.Minute))
		}
		mark(t, sess, formal[i], session.Present, at.Add(time.Duration(i)*13*time.Second))
	}
	meta := session.Meta{At: t0.Add(-20 * time.Minute), Actor: "host"}
	if _, err := sess.Execute(session.StartItem{Meta: meta, Index: 0}); err != nil {
		t.Fatal(err)
	}
	if _, err := sess.Execute(session.DeclareOpen{Meta: meta}); err != nil {
		t.Logf("demo: not declared open: %v", err)
	}
	if n+1 < len(formal) {
		mark(t, sess, formal[n+1], session.Left, t0.Add(-5*time.Minute))
	}
	return sess
}

// TestGolden renders the frame on the demo congress at 80×24 and 120×40 in
// Chinese and English, and the long test names at 80×24.
func TestGolden(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range [][2]int{{80, 24}, {120, 40}} {
			name := fmt.Sprintf("demo_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, demoSession(t), lang, sz[0], sz[1])
				checkFrame(t, m, sz[0], sz[1])
				golden(t, name, screen(m))
			})
		}
	}
	t.Run("long_names_zh_80x24", func(t *testing.T) {
		sess := newSession(t, testSetup())
		mark(t, sess, "A003", session.Present, t0.Add(-3*time.Minute))
		mark(t, sess, "A007", session.OnLeave, t0.Add(-2*time.Minute))
		mark(t, sess, "O001", session.Present, t0.Add(-1*time.Minute))
		m := newTestModel(t, sess, "zh", 80, 24)
		checkFrame(t, m, 80, 24)
		golden(t, "long_names_zh_80x24", screen(m))
	})
}

// TestGoldenSearch renders the attendance list after typing the initials
// of the first person's name on the demo congress.
func TestGoldenSearch(t *testing.T) {
	sess := demoSession(t)
	var first string
	sess.Read(func(st *session.State) { first = st.Setup.Roster[0].Name })
	q := strings.Join(pinyin.LazyPinyin(first, pinyin.Args{Style: pinyin.FirstLetter}), "")
	if len(q) > 2 {
		q = q[:2]
	}
	for _, lang := range []string{"zh", "en"} {
		m := newTestModel(t, sess, lang, 120, 40)
		typeText(m, q)
		if !strings.Contains(screen(m), first) {
			t.Fatalf("searching %q does not show %s", q, first)
		}
		checkFrame(t, m, 120, 40)
		golden(t, "search_"+lang+"_120x40", screen(m))
	}
}

func TestInitialsEnterMarksPresent(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 80, 24)
	typeText(m, "zxl")
	if att(m).Query() != "zxl" {
		t.Fatalf("query %q", att(m).Query())
	}
	press(m, tea.KeyEnter)
	if got := status(t, sess, "A001"); got != session.Present {
		t.Fatalf("张新龙 is %v, want present", got)
	}
	if got := status(t, sess, "A002"); got != session.NotArrived {
		t.Fatalf("张晓丽 is %v, want untouched", got)
	}
	if att(m).Query() != "" {
		t.Fatalf("search not cleared: %q", att(m).Query())
	}
	if !strings.Contains(m.c.Note.Text, "张新龙") || m.c.Note.Kind != common.NoteOK {
		t.Fatalf("note %+v", m.c.Note)
	}
	if !strings.Contains(screen(m), "已到 09:30") {
		t.Fatal("the list does not show 已到 09:30")
	}
	// The same again: a calm common.Note, no new event.
	var seq uint64
	sess.Read(func(st *session.State) { seq = st.Seq })
	typeText(m, "zxl")
	press(m, tea.KeyEnter)
	sess.Read(func(st *session.State) {
		if st.Seq != seq {
			t.Fatalf("marking again executed an event")
		}
	})
	if m.c.Note.Kind != common.NoteInfo || !strings.Contains(m.c.Note.Text, "已是") {
		t.Fatalf("second mark: note %+v, want a calm 已是", m.c.Note)
	}
}

func TestDotNameAndPaste(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 80, 24)
	typeText(m, "aygl")
	press(m, tea.KeyEnter)
	if got := status(t, sess, "A003"); got != session.Present {
		t.Fatalf("阿依古丽·买买提 is %v", got)
	}
	m.Update(tea.PasteMsg{Content: "单田芳\n"})
	ctrl(m, 'l') // a leave asks its reason, which may be left out
	if got := status(t, sess, "A004"); got != session.NotArrived {
		t.Fatalf("单田芳 is %v before the reason is asked", got)
	}
	typeText(m, "参加\u202e省运动会") // a bidi override typed is never stored (Rule C)
	press(m, tea.KeyEnter)
	if got := status(t, sess, "A004"); got != session.OnLeave {
		t.Fatalf("单田芳 is %v, want on leave", got)
	}
	sess.Read(func(st *session.State) {
		i, _ := st.Person("A004")
		if st.Attendance[i].Reason != "参加省运动会" {
			t.Fatalf("the reason %q", st.Attendance[i].Reason)
		}
	})
}

func TestUndoRestores(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 80, 24)
	ctrl(m, 'z')
	if m.c.Note.Kind != common.NoteInfo || m.c.Note.Text != m.c.Texts.NothingUndo {
		t.Fatalf("undo with nothing: %+v", m.c.Note)
	}
	typeText(m, "stf")
	press(m, tea.KeyEnter)
	typeText(m, "stf")
	ctrl(m, 'x')
	if got := status(t, sess, "A004"); got != session.Left {
		t.Fatalf("单田芳 is %v, want left", got)
	}
	ctrl(m, 'z')
	if got := status(t, sess, "A004"); got != session.Present {
		t.Fatalf("after one undo 单田芳 is %v, want present", got)
	}
	ctrl(m, 'z')
	if got := status(t, sess, "A004"); got != session.NotArrived {
		t.Fatalf("after two undos 单田芳 is %v, want not arrived", got)
	}
	if !strings.Contains(m.c.Note.Text, "已撤销") || !strings.Contains(m.c.Note.Text, "未到") {
		t.Fatalf("note %+v", m.c.Note)
	}
}

func TestSameNameAsks(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 80, 24)
	typeText(m, "ww")
	press(m, tea.KeyEnter)
	if status(t, sess, "A005") != session.NotArrived || status(t, sess, "A006") != session.NotArrived {
		t.Fatal("Enter marked one of two people of the same name without a choice")
	}
	if m.c.Note.Kind != common.NoteAsk || !strings.Contains(m.c.Note.Text, "2 位「王伟」") {
		t.Fatalf("note %+v", m.c.Note)
	}
	press(m, tea.KeyDown)
	press(m, tea.KeyEnter)
	if status(t, sess, "A006") != session.Present || status(t, sess, "A005") != session.NotArrived {
		t.Fatal("the chosen 王伟 (建筑工程分院) was not the one marked")
	}
}

func TestDeclareOpenNeedsQuorum(t *testing.T) {
	for _, tc := range []struct{ lang, want string }{
		{"zh", "开会法定人数不足：实到 0 人，应到 122 人，需超过半数即 62 人"},
		{"en", "No opening quorum: 0 present of 122 expected; more than half needed, i.e. 62"},
	} {
		sess := newSession(t, testSetup())
		m := newTestModel(t, sess, tc.lang, 80, 24)
		// The check that would refuse runs before asking to confirm: the
		// first ctrl+o says why at once, and asks nothing.
		ctrl(m, 'o')
		if m.c.Note.Kind != common.NoteErr || m.c.Note.Text != tc.want {
			t.Fatalf("note %+v, want %q", m.c.Note, tc.want)
		}
		if !strings.Contains(screen(m), tc.want) {
			t.Fatalf("the refusal is not on screen:\n%s", screen(m))
		}
		sess.Read(func(st *session.State) {
			if st.Declared != nil {
				t.Fatal("declared without quorum")
			}
		})
	}
	// With 62 present it is declared; esc cancels a pending confirmation.
	s := testSetup()
	sess := newSession(t, s)
	n := 0
	for _, p := range s.Roster {
		if p.Kind == model.Formal && n < 62 {
			mark(t, sess, p.ID, session.Present, t0)
			n++
		}
	}
	m := newTestModel(t, sess, "zh", 80, 24)
	ctrl(m, 'o')
	press(m, tea.KeyEscape)
	ctrl(m, 'o')
	if m.c.Note.Kind != common.NoteAsk {
		t.Fatalf("esc then ctrl+o: %+v, want a new confirmation", m.c.Note)
	}
	ctrl(m, 'o')
	sess.Read(func(st *session.State) {
		if st.Declared == nil || st.Declared.Count.Present != 62 {
			t.Fatalf("not declared with 62 present: %+v", st.Declared)
		}
	})
	if !strings.Contains(screen(m), "已宣布有效 09:30") {
		t.Fatal("header does not show the declaration")
	}
}

func TestNextItem(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "en", 120, 40)
	ctrl(m, 'n')
	typeText(m, "x") // any other key cancels
	ctrl(m, 'n')
	ctrl(m, 'n')
	sess.Read(func(st *session.State) {
		if st.Item != 0 {
			t.Fatalf("item %d, want 0", st.Item)
		}
	})
	if !strings.Contains(screen(m), "now 1 Preparatory meeting") {
		t.Fatalf("header does not show the item:\n%s", screen(m))
	}
}

func TestFilterAndOtherTerminal(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 120, 40)
	press(m, tea.KeyTab) // not arrived
	n := len(att(m).Results())
	mark(t, sess, "A001", session.Present, t0) // another desk
	m.Update(ChangedMsg{})
	if len(att(m).Results()) != n-1 || strings.Contains(screen(m), "张新龙") {
		t.Fatalf("not-arrived filter still shows 张新龙 (%d → %d)", n, len(att(m).Results()))
	}
	press(m, tea.KeyTab) // present
	if len(att(m).Results()) != 1 || !strings.Contains(screen(m), "张新龙") {
		t.Fatalf("present filter: %d results", len(att(m).Results()))
	}
	if !strings.Contains(screen(m), "实到 1 / 应到 122") {
		t.Fatal("header count not updated")
	}
}

func TestQuorumLostBanner(t *testing.T) {
	s := testSetup()
	sess := newSession(t, s)
	var formal []string
	for _, p := range s.Roster {
		if p.Kind == model.Formal {
			formal = append(formal, p.ID)
		}
	}
	for _, id := range formal[:98] {
		mark(t, sess, id, session.Present, t0)
	}
	m := newTestModel(t, sess, "zh", 80, 24)
	if strings.Contains(screen(m), "注意") || !strings.Contains(screen(m), "选举 ✓ 98") {
		t.Fatalf("98 present:\n%s", screen(m))
	}
	mark(t, sess, formal[0], session.Left, t0)
	m.Update(ChangedMsg{})
	if !strings.Contains(screen(m), "注意：实到已降至 97 人，低于选举法定人数（需 98 人）") {
		t.Fatalf("no banner:\n%s", screen(m))
	}
	if !strings.Contains(screen(m), "选举 ✗ 98") {
		t.Fatal("election badge not red")
	}
	checkFrame(t, m, 80, 24)
}

func TestScrolling(t *testing.T) {
	s := testSetup()
	s.Roster = append(s.Roster, fixture.Roster(3000)...)
	sess := newSession(t, s)
	m := newTestModel(t, sess, "zh", 80, 24)
	_, _, rows := att(m).Window()
	press(m, tea.KeyPgDown)
	press(m, tea.KeyPgDown)
	if cursor, offset, _ := att(m).Window(); cursor != 2*rows || cursor < offset || cursor >= offset+rows {
		t.Fatalf("pgdn: cursor %d offset %d rows %d", cursor, offset, rows)
	}
	press(m, tea.KeyEnd)
	want := s.Roster[len(s.Roster)-1].Name
	if !strings.Contains(screen(m), want) {
		t.Fatalf("end does not show the last person %s", want)
	}
	press(m, tea.KeyHome)
	if cursor, offset, _ := att(m).Window(); cursor != 0 || offset != 0 {
		t.Fatalf("home: cursor %d offset %d", cursor, offset)
	}
	press(m, tea.KeyUp)
	if cursor, _, _ := att(m).Window(); cursor != 0 {
		t.Fatal("up from the top moved")
	}
	checkFrame(t, m, 80, 24)
}

func TestResizeAndWidths(t *testing.T) {
	sess := newSession(t, testSetup())
	mark(t, sess, "A003", session.Present, t0)
	mark(t, sess, "A007", session.Present, t0)
	mark(t, sess, "A007", session.Left, t0)
	for _, lang := range []string{"zh", "en"} {
		m := newTestModel(t, sess, lang, 80, 24)
		for _, sz := range [][2]int{{80, 24}, {81, 25}, {95, 30}, {109, 24}, {110, 33}, {120, 40}, {160, 50}, {200, 24}} {
			m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			checkFrame(t, m, sz[0], sz[1])
			typeText(m, "a")
			checkFrame(t, m, sz[0], sz[1])
			press(m, tea.KeyEscape)
			typeText(m, "?")
			checkFrame(t, m, sz[0], sz[1])
			typeText(m, "?")
			ctrl(m, 't')
			checkFrame(t, m, sz[0], sz[1])
			ctrl(m, 'o')
			checkFrame(t, m, sz[0], sz[1])
			press(m, tea.KeyEscape)
		}
		m.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
		if !strings.Contains(screen(m), "80×24") {
			t.Fatalf("60×20 does not ask for 80×24:\n%s", screen(m))
		}
		checkFrame(t, m, 60, 20)
		typeText(m, "zxl")
		m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
		if att(m).Query() != "" || !strings.Contains(screen(m), "阿依古丽·买买提") {
			t.Fatal("after growing back the list is wrong")
		}
	}
}

// TestFullHelpFits checks that the full help shows every column, host
// keys included, at 80 columns.
func TestFullHelpFits(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		m := newTestModel(t, newSession(t, testSetup()), lang, 80, 24)
		typeText(m, "?")
		out := screen(m)
		for _, k := range []string{"ctrl+r", "pgup/pgdn", "ctrl+o", "ctrl+c"} {
			if !strings.Contains(out, k) {
				t.Errorf("%s: full help at 80 columns lacks %s:\n%s", lang, k, out)
			}
		}
		checkFrame(t, m, 80, 24)
	}
}

// TestColumnsAlign checks that the status column starts at the same
// display column on every row, whatever the mix of CJK, "·" and Latin.
func TestColumnsAlign(t *testing.T) {
	sess := newSession(t, testSetup())
	mark(t, sess, "A003", session.Present, t0)
	mark(t, sess, "A007", session.Present, t0)
	mark(t, sess, "G001", session.Present, t0)
	for _, sz := range [][2]int{{80, 24}, {120, 40}} {
		m := newTestModel(t, sess, "zh", sz[0], sz[1])
		col := -1
		for _, l := range strings.Split(screen(m), "\n") {
			i := strings.Index(l, "已到 09:30")
			if i < 0 {
				continue
			}
			c := common.Width(l[:i])
			if col >= 0 && c != col {
				t.Fatalf("%d×%d: status at column %d, earlier %d: %q", sz[0], sz[1], c, col, l)
			}
			col = c
		}
		if col < 0 {
			t.Fatal("no present row on screen")
		}
	}
}

func TestWelcome(t *testing.T) {
	for _, tc := range []struct {
		key  tea.KeyPressMsg
		demo bool
	}{
		{tea.KeyPressMsg{Code: tea.KeyEnter}, true},
		{tea.KeyPressMsg{Code: 'd', Text: "d"}, true},
		{tea.KeyPressMsg{Code: 'q', Text: "q"}, false},
	} {
		w := newWelcome(Options{})
		w.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		out := screen2(w.View())
		if !strings.Contains(out, "podium new --roster") || !strings.Contains(out, "本机还没有大会") {
			t.Fatalf("welcome:\n%s", out)
		}
		_, cmd := w.Update(tc.key)
		if cmd == nil || w.demo != tc.demo {
			t.Fatalf("%v: demo %v, cmd %v", tc.key, w.demo, cmd)
		}
	}
}

func screen2(v tea.View) string { return v.Content }

func TestChainVerifiedInBackground(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newTestModel(t, sess, "zh", 120, 40)
	if strings.Contains(screen(m), "记录链 ✓") {
		t.Fatal("chain shown verified before it was")
	}
	m.Update(chainMsg{})
	if !strings.Contains(screen(m), "记录链 ✓") {
		t.Fatalf("verified chain not shown:\n%s", screen(m))
	}
	m.Update(chainMsg{err: fmt.Errorf("event 5: changed after it was written")})
	if !strings.Contains(screen(m), "记录链校验失败") || !strings.Contains(screen(m), "event 5") {
		t.Fatalf("broken chain not raised:\n%s", screen(m))
	}
	checkFrame(t, m, 120, 40)
}

func TestExportKey(t *testing.T) {
	sess := newSession(t, testSetup())
	calls := 0
	m := newModel(sess, Options{Lang: "zh", Actor: "host", Now: func() time.Time { return t0 },
		Export: func() (string, []string, error) {
			calls++
			return "/data/records", []string{"a.html", "b.json", "c.xlsx"}, nil
		}})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	_, cmd := m.Update(tea.KeyPressMsg{Code: tea.KeyF8})
	if cmd == nil || !strings.Contains(screen(m), "正在导出会议记录") {
		t.Fatalf("f8 started nothing:\n%s", screen(m))
	}
	m.Update(cmd())
	if calls != 1 || !strings.Contains(screen(m), "已导出 3 个文件到 /data/records") {
		t.Fatalf("export not reported (%d calls):\n%s", calls, screen(m))
	}
	m.Update(exportedMsg{err: fmt.Errorf("disk full")})
	if !strings.Contains(screen(m), "导出失败：disk full") {
		t.Fatalf("failure not reported:\n%s", screen(m))
	}
}

// TestDeskCannotStartItems: a desk terminal's host keys are refused by the
// core, and the refusal says so.
func TestDeskCannotStartItems(t *testing.T) {
	sess := newSession(t, testSetup())
	m := newModel(sess, Options{Lang: "zh", Actor: "desk:1", Role: session.RoleDesk, Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	ctrl(m, 'n')
	ctrl(m, 'n')
	if !strings.Contains(screen(m), "本终端（签到台）无权进行此操作") {
		t.Fatalf("no refusal:\n%s", screen(m))
	}
	typeText(m, "zxl")
	press(m, tea.KeyEnter)
	if !strings.Contains(screen(m), "实到 1 / 应到 122") {
		t.Fatalf("the desk could not check in:\n%s", screen(m))
	}
}

// TestClockBehindExplained: a terminal whose clock is behind the record's
// last event has its check-in refused by the core (ClockError) and says
// why, with both times, in either language; nothing is recorded.
func TestClockBehindExplained(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		sess := newSession(t, testSetup())
		mark(t, sess, "A001", session.Present, t0) // the record's last event: 09:30:00
		m := newModel(sess, Options{Lang: lang, Actor: "desk-1", Now: func() time.Time { return t0.Add(-10 * time.Minute) }})
		m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		typeText(m, "aygl")
		press(m, tea.KeyEnter)
		if got := status(t, sess, "A003"); got != session.NotArrived {
			t.Fatalf("%s: a refused check-in was recorded: %v", lang, got)
		}
		if want := m.c.Texts.ClockRefused("09:30:00", "09:20:00"); m.c.Note.Text != want {
			t.Errorf("%s: note %q, want %q", lang, m.c.Note.Text, want)
		}
	}
}
