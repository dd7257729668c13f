package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"podium/files"
	"podium/model"
	"podium/session"
)

// cjkPunctByLatin is Chinese punctuation touching a Latin letter or
// figure: in English words, where ASCII punctuation belongs.
var cjkPunctByLatin = regexp.MustCompile(`[A-Za-z0-9][：、，。（）“”]|[：、，。（）“”][A-Za-z0-9]`)

// goldenSizes are the sizes every screen is drawn at: 80×24, the smallest
// the frame is laid out for, and 120×40.
var goldenSizes = [][2]int{{80, 24}, {120, 40}}

// screenScene is one screen in one state: how its congress is made and the
// keys that bring the terminal there.
type screenScene struct {
	name string
	sess func(t *testing.T) *session.Session
	keys func(m *Model)
	want []string // on the Chinese screen at both sizes
}

// itemAt is the test congress at the item of kind k.
func itemAt(k model.ItemKind) func(t *testing.T) *session.Session {
	return func(t *testing.T) *session.Session { return goldenCongress(t, k) }
}

// electionAt is the demo's election with 118 present, brought by the host
// to the step the commands reach.
func electionAt(cmds ...func(t *testing.T, s *session.Session)) func(t *testing.T) *session.Session {
	return func(t *testing.T) *session.Session {
		s := electionSession(t, 118)
		for _, c := range cmds {
			c(t, s)
		}
		return s
	}
}

func adoptAll(t *testing.T, s *session.Session) {
	var ids []string
	s.Read(func(st *session.State) {
		for i, p := range st.Setup.Roster {
			if p.Kind == model.Formal && st.Attendance[i].Status == session.Present {
				ids = append(ids, p.ID)
			}
		}
	})
	meta := session.Meta{At: t0, Actor: "host"}
	aye := &session.VoteCounts{Method: model.VoteHands, For: 112, Against: 2, Abstain: 4}
	hostCmd(t, s, session.AdoptMethod{Meta: meta, Method: vote(s).Method, Vote: aye})
	hostCmd(t, s, session.AdoptScrutineers{Meta: meta, Scrutineer: ids[0], Chief: ids[2], Counters: []string{"计票甲", "计票乙"}, Vote: aye})
}

func collected(t *testing.T, s *session.Session) {
	meta := session.Meta{At: t0, Actor: "host"}
	hostCmd(t, s, session.OpenRound{Meta: meta})
	hostCmd(t, s, session.IssueBallots{Meta: meta, N: 118})
	hostCmd(t, s, session.CollectBallots{Meta: meta, N: 118})
}

// screenScenes are every screen of the host's terminal, in the states
// that matter.
func screenScenes() []screenScene {
	demo := func(t *testing.T) *session.Session { return demoSession(t) }
	return []screenScene{
		{"desk_keys", demo, func(m *Model) { typeText(m, "?") }, []string{"全部按键", "ctrl+r", "pgup/pgdn", "ctrl+o"}},
		{"item_preparatory", itemAt(model.ItemPreparatory), func(m *Model) { fkey(m, 2) }, []string{"主持词", "符合法定人数"}},
		{"item_opening", itemAt(model.ItemOpening), nil, []string{"开幕"}},
		{"item_procedure", itemAt(model.ItemProcedure), nil, nil},
		{"item_report", itemAt(model.ItemReport), nil, []string{"报告人：白凯文"}},
		{"item_deliberation", itemAt(model.ItemDeliberation), nil, nil},
		{"item_questioning", itemAt(model.ItemQuestioning), nil, nil},
		{"item_question_form", itemAt(model.ItemQuestioning), func(m *Model) { typeText(m, "a"); typeText(m, "ayg") }, nil},
		{"item_motions", itemAt(model.ItemMotions), nil, nil},
		{"item_resolution", itemAt(model.ItemResolution), func(m *Model) { counts(m, "64", "3", "2") }, nil},
		{"item_resolution_recorded", itemAt(model.ItemResolution), func(m *Model) { counts(m, "64", "3", "2"); enter(m); enter(m) },
			[]string{"需 61 票，赞成 64 票，通过"}},
		{"item_closing", itemAt(model.ItemClosing), nil, []string{"闭幕"}},
		{"agenda", itemAt(model.ItemClosing), func(m *Model) { fkey(m, 6) }, nil},
		{"preparation", func(t *testing.T) *session.Session { return newSession(t, files.Demo()) }, func(m *Model) { press(m, tea.KeyF9) }, nil},
		{"election_method", electionAt(), nil, []string{"下一步 › enter 通过选举办法"}},
		{"election_adopt", electionAt(), func(m *Model) { enter(m); counts(m, "112", "2", "4"); enter(m) },
			[]string{"表决：通过选举办法", "赞成 112、反对 2、弃权 4 → 需 61，通过"}},
		{"election_pick", electionAt(), func(m *Model) { enter(m); typeText(m, "112"); enter(m); enter(m); enter(m) }, []string{"选定监票人"}},
		{"election_quorum", electionAt(adoptAll), nil, []string{"本次选举应到代表122名，实到118名"}},
		{"election_issue", electionAt(adoptAll, func(t *testing.T, s *session.Session) {
			hostCmd(t, s, session.OpenRound{Meta: session.Meta{At: t0, Actor: "host"}})
		}), func(m *Model) { enter(m) }, []string{"发出选票 ›"}},
		{"election_ballot", electionAt(adoptAll, collected), func(m *Model) { press(m, 'b'); typeText(m, "ox o") }, []string{"选票录入", "[· ]"}},
		{"election_ballot_keys", electionAt(adoptAll, collected), func(m *Model) { press(m, 'b'); typeText(m, "?") },
			[]string{"全部按键", "esc", "f3", "pgup/pgdn", "W", "⌫"}},
		{"election_tally", electionAt(adoptAll, collected), func(m *Model) { press(m, 't'); counts(m, "110", "5", "3") }, []string{"计票单录入"}},
		{"election_results", func(t *testing.T) *session.Session { return decidedWithRunoffAndSecond(t) }, func(m *Model) { fkey(m, 3) },
			[]string{"第1轮 选举结果", "当选票数"}},
		{"election_speech", func(t *testing.T) *session.Session { return decidedWithRunoffAndSecond(t) }, func(m *Model) { fkey(m, 3); typeText(m, "s") },
			[]string{"第1轮 宣读稿", "总监票人"}},
		{"election_runoff_results", func(t *testing.T) *session.Session { return decidedRunoff(t) }, func(m *Model) { fkey(m, 3) },
			[]string{"第3轮（重新投票，上轮无效重新进行） 选举结果"}},
	}
}

// TestGoldenScreens draws every screen of the host's terminal at 80×24 and
// 120×40 in both languages: nothing wider or taller than the terminal,
// what matters on it, and a golden file each.
func TestGoldenScreens(t *testing.T) {
	for _, sc := range screenScenes() {
		for _, lang := range []string{"zh", "en"} {
			for _, sz := range goldenSizes {
				name := fmt.Sprintf("screen_%s_%s_%dx%d", sc.name, lang, sz[0], sz[1])
				t.Run(name, func(t *testing.T) {
					m := newTestModel(t, sc.sess(t), lang, sz[0], sz[1])
					if sc.keys != nil {
						sc.keys(m)
					}
					checkFrame(t, m, sz[0], sz[1])
					scr := screen(m)
					if lang == "zh" {
						for _, w := range sc.want {
							if !strings.Contains(scr, w) {
								t.Errorf("no %q in\n%s", w, scr)
							}
						}
					}
					// The English words use ASCII punctuation (Chinese names
					// and texts typed in Chinese keep theirs).
					if lang == "en" && cjkPunctByLatin.MatchString(scr) {
						t.Errorf("Chinese punctuation in English words: %q\n%s", cjkPunctByLatin.FindString(scr), scr)
					}
					golden(t, name, scr)
				})
			}
		}
	}
}

// TestEveryKeyInTheSheetOnce: on every screen ? lists every key of its
// table once (a key with a handler and words is in the sheet, or its keys
// are among a listed row's, as pgdn is in pgup/pgdn), the key sheet fits,
// and the footer always ends with "? all keys" while ? is a key.
func TestEveryKeyInTheSheetOnce(t *testing.T) {
	for _, sc := range screenScenes() {
		for _, lang := range []string{"zh", "en"} {
			m := newTestModel(t, sc.sess(t), lang, 80, 24)
			if sc.keys != nil {
				sc.keys(m)
			}
			m.sheet = false
			full := m.helpKeys().FullHelp()
			listed := map[string]bool{}
			var helps []string
			for _, col := range full {
				for _, b := range col {
					if listed[b.Keys()[0]] {
						t.Errorf("%s %s: %s listed twice", sc.name, lang, b.Help().Key)
					}
					listed[b.Keys()[0]] = true
					helps = append(helps, b.Help().Key)
				}
			}
			for _, b := range m.kept() {
				if b.Do == nil || b.Key.Help().Key == "" {
					continue
				}
				in := false
				for _, k := range b.Key.Keys() {
					in = in || listed[k]
				}
				for _, h := range helps {
					in = in || strings.Contains(h, b.Key.Help().Key)
				}
				if !in {
					t.Errorf("%s %s: %s (%s) is not in the key sheet", sc.name, lang, b.Key.Help().Key, b.Key.Help().Desc)
				}
			}
			foot := m.footer(80)
			if !m.typing() && !strings.HasSuffix(ansi.Strip(foot), "? "+m.c.Texts.HelpMore) {
				t.Errorf("%s %s: the footer %q does not end with ? all keys", sc.name, lang, ansi.Strip(foot))
			}
			if !m.typing() {
				typeText(m, "?")
				checkFrame(t, m, 80, 24)
				if !strings.Contains(screen(m), m.c.Texts.SheetTitle) {
					t.Errorf("%s %s: ? shows no key sheet:\n%s", sc.name, lang, screen(m))
				}
			}
		}
	}
}

// TestGoldenWelcomeAndReview draws the two screens outside the table:
// the welcome of a machine without a congress, and a review item (述职评议)
// with its officers rated, at both sizes in both languages.
func TestGoldenWelcomeAndReview(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		for _, sz := range goldenSizes {
			w := newWelcome(Options{Lang: lang})
			w.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
			golden(t, fmt.Sprintf("screen_welcome_%s_%dx%d", lang, sz[0], sz[1]), ansi.Strip(w.View().Content))

			sess, _ := reviewCongress(t)
			if _, err := sess.Execute(session.RateOfficer{Meta: session.Meta{At: t0.Add(-time.Minute), Actor: "host"},
				Officer: reviewOfficers[1], Rating: model.RatingFail, Note: "学术讲座由每月两场减为一场，未向代表说明原因。"}); err != nil {
				t.Fatal(err)
			}
			m := newTestModel(t, sess, lang, sz[0], sz[1])
			checkFrame(t, m, sz[0], sz[1])
			golden(t, fmt.Sprintf("screen_item_review_%s_%dx%d", lang, sz[0], sz[1]), screen(m))
		}
	}
}
