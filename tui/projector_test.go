package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
)

// projectorSizes are the projector terminals the goldens are drawn at:
// the smallest it adapts to, a laptop's, a hall projector's.
var projectorSizes = [][2]int{{60, 15}, {120, 40}, {200, 60}}

// projectorPhases are the moments of the congress the projector follows,
// each a session and the clock then.
func projectorPhases(t *testing.T) []struct {
	name string
	sess *session.Session
	now  time.Time
} {
	checkIn := newSession(t, congressSetup())
	for _, p := range congressSetup().Roster[:50] {
		mark(t, checkIn, p.ID, session.Present, t0.Add(-10*time.Minute))
	}
	report := congress(t)
	startAt(t, report, itemOf(t, congressSetup(), model.ItemReport), t0.Add(-27*time.Minute))
	question := congress(t)
	res := itemOf(t, congressSetup(), model.ItemResolution)
	startAt(t, question, res, t0.Add(-3*time.Minute))
	voted := congress(t)
	startAt(t, voted, res, t0.Add(-3*time.Minute))
	hostCmd(t, voted, session.RecordVote{Meta: session.Meta{At: t0, Actor: "host"}, Subject: congressSetup().Agenda[res].Title, Kind: model.VoteOrdinary, Method: model.VoteHands, For: 98, Against: 12, Abstain: 8})
	round := electionSession(t, 118)
	meta := session.Meta{At: t0, Actor: "host"}
	var ids []string
	round.Read(func(st *session.State) {
		for i, p := range st.Setup.Roster {
			if p.Kind == model.Formal && st.Attendance[i].Status == session.Present {
				ids = append(ids, p.ID)
			}
		}
	})
	aye := &session.VoteCounts{Method: model.VoteHands, For: 112, Against: 2, Abstain: 4}
	hostCmd(t, round, session.AdoptMethod{Meta: meta, Method: vote(round).Method, Vote: aye})
	hostCmd(t, round, session.AdoptScrutineers{Meta: meta, Scrutineer: ids[0], Chief: ids[2], Vote: aye})
	hostCmd(t, round, session.OpenRound{Meta: meta})
	hostCmd(t, round, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, round, session.CollectBallots{Meta: meta, N: 117})
	return []struct {
		name string
		sess *session.Session
		now  time.Time
	}{
		{"checkin", checkIn, t0},
		{"item", report, t0.Add(5 * time.Minute)}, // 32 minutes of 30
		{"question", question, t0},
		{"vote", voted, t0},
		{"round", round, t0},
		{"results", decidedWithRunoffAndSecond(t), t0},
	}
}

// TestGoldenProjector draws the projector in every phase of the congress
// at three sizes (zh), and at 120×40 in English: it fills the screen, the
// large figures grow with it, and it shows what the hall follows now.
func TestGoldenProjector(t *testing.T) {
	want := map[string][]string{
		"checkin":  {"代表报到中", "实到 / 应到", "开会需 62 人 ✗"},
		"item":     {"听取学生会工作报告", "报告人：白凯文", "计划 30 分钟", "超时 2:00"},
		"question": {"表决", "关于学生会工作报告的决议"},
		"vote":     {"需 61 票，赞成 98 票，通过", "赞成", "反对", "弃权"},
		"round":    {"第1轮", "应到", "实到", "发出", "收回", "发出选票118张，收回117张"},
		"results":  {"第1轮 选举结果", "黄美玲"},
	}
	for _, ph := range projectorPhases(t) {
		for _, lang := range []string{"zh", "en"} {
			for _, sz := range projectorSizes {
				if lang == "en" && sz[0] != 120 {
					continue
				}
				now := ph.now
				m := newModel(ph.sess, Options{Lang: lang, Actor: "projector:hall", Role: session.RoleProjector, Now: func() time.Time { return now }})
				m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
				scr := screen(m)
				checkFrame(t, m, sz[0], sz[1])
				if lang == "zh" {
					for _, w := range want[ph.name] {
						if !strings.Contains(scr, w) {
							t.Errorf("%s %dx%d: no %q in\n%s", ph.name, sz[0], sz[1], w, scr)
						}
					}
				}
				// It fills the screen: something in each third of it.
				lines := strings.Split(scr, "\n")
				for third := 0; third < 3; third++ {
					part := strings.Join(lines[third*len(lines)/3:(third+1)*len(lines)/3], "")
					if strings.TrimSpace(part) == "" && sz[1] >= 40 {
						t.Errorf("%s %dx%d: third %d of the screen is empty:\n%s", ph.name, sz[0], sz[1], third+1, scr)
					}
				}
				golden(t, fmt.Sprintf("projector_%s_%s_%dx%d", ph.name, lang, sz[0], sz[1]), scr)
			}
		}
	}
}
