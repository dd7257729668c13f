package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/screens/speakers"
)

// threeSizes are the speakers' screen's and the projector's countdown's
// golden sizes: the smallest, a laptop's, a hall projector's.
var threeSizes = [][2]int{{80, 24}, {120, 40}, {200, 60}}

// floorCongress is the test congress deliberating the report in groups
// (one per unit) since 40 minutes before t0: 张新龙 spoke 3:15 of 3:00,
// 单田芳 added 0:50 of 1:00, 曾子墨 speaks since t0-running; 吕布, the
// point of order of 张晓丽 (first), the answer of 欧阳娜娜 (an observer)
// and 阿依古丽·买买提 wait; two groups of eight have reported.
func floorCongress(t *testing.T, running time.Duration) *session.Session {
	t.Helper()
	sess := goldenCongress(t, model.ItemDeliberation)
	at := func(d time.Duration) session.Meta { return session.Meta{At: t0.Add(d), Actor: "host"} }
	m := time.Minute
	add := func(d time.Duration, who string, k session.SpeechKind) session.Command {
		return session.AddSpeaker{Meta: at(d), Person: who, Kind: k}
	}
	for _, c := range []session.Command{
		add(-39*m, "A001", session.SpeechOrdinary), add(-39*m, "A004", session.SpeechSupplement), add(-38*m, "A008", session.SpeechOrdinary),
		session.StartSpeech{Meta: at(-38 * m)}, session.EndSpeech{Meta: at(-38*m + 195*time.Second)},
		session.StartSpeech{Meta: at(-34 * m)}, session.EndSpeech{Meta: at(-34*m + 50*time.Second)},
		add(-20*m, "A009", session.SpeechOrdinary),
		session.ReportGroup{Meta: at(-15 * m), Item: 4, Group: "护理分院", Speakers: 6, Text: "同意报告。", Convener: "张新龙", Secretary: "王伟"},
		session.ReportGroup{Meta: at(-14 * m), Item: 4, Group: "财经分院", Speakers: 4, Text: "建议公开经费。", Convener: "曾子墨"},
		session.StartSpeech{Meta: at(-running)},
		add(-running+10*time.Second, "A002", session.SpeechOrder),
		add(-running+20*time.Second, "O001", session.SpeechReply),
		add(-running+30*time.Second, "A003", session.SpeechOrdinary),
	} {
		hostCmd(t, sess, c)
	}
	return sess
}

// TestGoldenSpeakers draws the speakers' screen with a speech over its
// time at three sizes in both languages: it fits, it shows who speaks,
// the overtime, the list with the point of order first, the speeches
// given and the groups that reported.
func TestGoldenSpeakers(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range threeSizes {
			name := fmt.Sprintf("speakers_%s_%dx%d", lang, sz[0], sz[1])
			t.Run(name, func(t *testing.T) {
				m := newTestModel(t, floorCongress(t, 195*time.Second), lang, sz[0], sz[1])
				if m.cur.id != speakers.ID {
					t.Fatalf("the deliberation's screen is %s", m.cur.id)
				}
				checkFrame(t, m, sz[0], sz[1])
				scr := screen(m)
				want := map[string][]string{
					"zh": {"曾子墨", "超时 +0:15", "张晓丽", "程序性动议", "张新龙", "3:15"},
					"en": {"曾子墨", "+0:15 over", "张晓丽", "point of order", "张新龙", "3:15"},
				}[lang]
				if sz[1] >= 40 {
					want = append(want, map[string]string{"zh": "已报告 2 / 8 组", "en": "2 of 8 reported"}[lang])
				}
				for _, w := range want {
					if !strings.Contains(scr, w) {
						t.Errorf("no %q in\n%s", w, scr)
					}
				}
				if strings.Index(scr, "张晓丽") > strings.Index(scr, "吕布") {
					t.Errorf("the point of order is not first:\n%s", scr)
				}
				if lang == "en" && cjkPunctByLatin.MatchString(scr) {
					t.Errorf("Chinese punctuation in English words: %q\n%s", cjkPunctByLatin.FindString(scr), scr)
				}
				golden(t, name, scr)
			})
		}
	}
}

// projectorAt is the projector of sess with its clock at now.
func projectorAt(t *testing.T, sess *session.Session, lang string, w, h int) *Model {
	t.Helper()
	m := newModel(sess, Options{Lang: lang, Actor: "projector", Role: session.RoleProjector, Now: func() time.Time { return t0 }})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// TestGoldenProjectorCountdown draws the projector during a speech, amber
// with 20 seconds left and red 15 seconds over, at three sizes in both
// languages: who speaks and from where, the countdown in large type, the
// next three.
func TestGoldenProjectorCountdown(t *testing.T) {
	for _, ph := range []struct {
		name    string
		running time.Duration
		want    []string
	}{{"amber", 160 * time.Second, []string{"剩余"}}, {"over", 195 * time.Second, []string{"超时"}}} {
		for _, lang := range []string{"zh", "en"} {
			for _, sz := range [][2]int{{60, 15}, {120, 40}, {200, 60}} {
				name := fmt.Sprintf("projector_speech_%s_%s_%dx%d", ph.name, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					m := projectorAt(t, floorCongress(t, ph.running), lang, sz[0], sz[1])
					checkFrame(t, m, sz[0], sz[1])
					scr := screen(m)
					want := []string{"曾子墨", "财经分院", "张晓丽", "吕布", "欧阳娜娜"}
					if lang == "zh" {
						want = append(want, ph.want...)
					}
					if sz[1] < 20 {
						want = want[:2] // the smallest: who speaks and the countdown
					}
					for _, w := range want {
						if !strings.Contains(scr, w) {
							t.Errorf("no %q in\n%s", w, scr)
						}
					}
					if strings.Contains(scr, "阿依古丽") {
						t.Errorf("more than the next three:\n%s", scr)
					}
					golden(t, name, scr)
				})
			}
		}
	}
}

// TestCountdownPhases: with the clock driven by the test (no wall clock),
// the countdown on the host's screen and the projector is green, amber
// in the last 30 seconds and red counting up once over; ending the
// speech records its time.
func TestCountdownPhases(t *testing.T) {
	sess := floorCongress(t, 0)
	now := t0
	host := clockModel(t, sess, "zh", 120, 40, &now)
	proj := newModel(sess, Options{Lang: "zh", Role: session.RoleProjector, Now: func() time.Time { return now }})
	proj.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	c := host.c
	for _, step := range []struct {
		at    time.Duration
		text  string
		phase session.Phase
	}{
		{0, "剩余 3:00", session.PhaseGreen}, {149 * time.Second, "剩余 0:31", session.PhaseGreen},
		{150 * time.Second, "剩余 0:30", session.PhaseAmber}, {180 * time.Second, "剩余 0:00", session.PhaseAmber},
		{181 * time.Second, "超时 +0:01", session.PhaseOver}, {252 * time.Second, "超时 +1:12", session.PhaseOver},
	} {
		now = t0.Add(step.at)
		host.Update(tickMsg(now))
		proj.Update(tickMsg(now))
		raw := host.View().Content
		if !strings.Contains(screen(host), step.text) || !strings.Contains(raw, c.PhaseStyle(step.phase).Render(step.text)) {
			t.Errorf("at %v: want %q in its phase's colour on\n%s", step.at, step.text, screen(host))
		}
		label := strings.Fields(step.text)[0]
		if !strings.Contains(proj.View().Content, c.PhaseStyle(step.phase).Render(label)) {
			t.Errorf("at %v: the projector's %q is not in the phase's colour:\n%s", step.at, label, screen(proj))
		}
	}
	press(host, 'e')
	if !strings.Contains(screen(host), "曾子墨 发言结束，用时 4:12，超时 1:12") {
		t.Errorf("the end's note:\n%s", screen(host))
	}
	var sp session.Speech
	sess.Read(func(st *session.State) { sp = *st.Speeches[2] })
	if sp.Seconds != 252 || sp.Over() != 72 || sp.Limit != 180 {
		t.Errorf("recorded %+v", sp)
	}
}

// TestSpeakersByKeys: the host puts three delegates on the list by their
// pinyin initials, a point of order goes first, gives the floor with
// enter, sees the overtime on a clock the test moves, ends the speech,
// takes a request off (twice x) and undoes it; a desk may not touch the
// list.
func TestSpeakersByKeys(t *testing.T) {
	sess := goldenCongress(t, model.ItemDeliberation)
	now := t0
	m := clockModel(t, sess, "zh", 120, 40, &now)
	if m.cur.id != speakers.ID {
		t.Fatalf("screen %s", m.cur.id)
	}
	for _, q := range []struct{ key, query, name string }{{"a", "zxl", "张新龙"}, {"a", "lb", "吕布"}, {"o", "zzm", "曾子墨"}} {
		typeText(m, q.key)
		typeText(m, q.query)
		if !strings.Contains(screen(m), q.name) {
			t.Fatalf("%s: no %s in the search:\n%s", q.query, q.name, screen(m))
		}
		enter(m)
	}
	if !strings.Contains(screen(m), "已登记第 3 号 曾子墨（程序性动议），排第 1 位") {
		t.Fatalf("the point of order:\n%s", screen(m))
	}
	enter(m) // the point of order, first
	now = now.Add(75 * time.Second)
	m.Update(tickMsg(now))
	if !strings.Contains(screen(m), "超时 +0:15") { // a point of order has one minute
		t.Fatalf("no overtime:\n%s", screen(m))
	}
	typeText(m, "e")
	if !strings.Contains(screen(m), "曾子墨 发言结束，用时 1:15，超时 0:15") {
		t.Fatalf("end:\n%s", screen(m))
	}
	enter(m) // 张新龙
	typeText(m, "x")
	typeText(m, "x")
	if !strings.Contains(screen(m), "已将第 2 号 吕布 移出名单") {
		t.Fatalf("remove:\n%s", screen(m))
	}
	ctrl(m, 'z')
	if !strings.Contains(screen(m), "已撤销发言名单的上一步") || !strings.Contains(screen(m), "发言登记 1 人") {
		t.Fatalf("undo:\n%s", screen(m))
	}
	enter(m) // refused: 张新龙 speaks
	if !strings.Contains(screen(m), "张新龙 正在发言：请先结束（e）") {
		t.Fatalf("a second speech:\n%s", screen(m))
	}
	desk := newModel(sess, Options{Lang: "zh", Actor: "desk-1", Role: session.RoleDesk, Now: func() time.Time { return now }})
	desk.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	fkey(desk, 10)
	if desk.cur.id == speakers.ID {
		t.Fatal("a desk sees the speakers' list")
	}
}

// TestGroupTerminal: a secretary's terminal limited to its group sees the
// speakers' screen alone, may not touch the list, and enters its group's
// opinions, which the plenary's screen then shows as reported.
func TestGroupTerminal(t *testing.T) {
	sess := goldenCongress(t, model.ItemDeliberation)
	g := newModel(sess, Options{Lang: "zh", Actor: "secretary:护理组", Role: session.RoleSecretary, OnlyGroup: "护理分院",
		Now: func() time.Time { return t0 }})
	g.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	if g.cur.id != speakers.ID {
		t.Fatalf("the group's terminal opens on %s", g.cur.id)
	}
	for _, s := range g.screens {
		if s.id != speakers.ID && g.sees(s) {
			t.Errorf("the group's terminal sees %s", s.id)
		}
	}
	typeText(g, "a")
	if !strings.Contains(screen(g), "无权进行此操作") {
		t.Errorf("a group's terminal put someone on the list:\n%s", screen(g))
	}
	typeText(g, "g")
	if !strings.Contains(screen(g), "议程第 5 项 · 护理分院 的审议意见") {
		t.Fatalf("the report's form:\n%s", screen(g))
	}
	typeText(g, "张新龙")
	press(g, tea.KeyTab)
	typeText(g, "王伟")
	press(g, tea.KeyTab)
	typeText(g, "7")
	press(g, tea.KeyTab)
	typeText(g, "同意报告，建议增加社团活动经费。")
	enter(g)
	if !strings.Contains(screen(g), "已录入「护理分院」的审议意见（发言 7 人）") {
		t.Fatalf("the report:\n%s", screen(g))
	}
	host := newTestModel(t, sess, "zh", 120, 40)
	if !strings.Contains(screen(host), "已报告 1 / 8 组") || !strings.Contains(screen(host), "发言 7 人 · 召集人 张新龙 · 记录人 王伟") {
		t.Fatalf("the plenary does not see the report:\n%s", screen(host))
	}
	var r session.GroupReport
	sess.Read(func(st *session.State) { r, _ = st.Report(4, "护理分院") })
	if r.Speakers != 7 || r.By != "secretary:护理组" || r.Convener != "张新龙" {
		t.Errorf("report %+v", r)
	}
}
