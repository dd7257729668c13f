package tui

import (
	"strings"
	"testing"

	"podium/files"
	"podium/model"
	"podium/tui/common"
	"podium/tui/internal/fixture"
)

// TestTextsToReadKeepNames: no text the host or the chief scrutineer reads
// aloud splits a roster name at the end of a line, at any width from 40 to
// 120, in either language: the scripts of every kind of item (the
// presenter, the review's officers, the chair), and the election's words
// (the chief scrutineer's report of every candidate, the elected, the
// runoffs, the final announcement) — with every name of the demo's roster
// and of the test roster ("·" names, Latin letters, a shared name) in them.
func TestTextsToReadKeepNames(t *testing.T) {
	var roster []model.Person
	roster = append(roster, files.Demo().Roster...)
	roster = append(roster, fixture.Named...)
	var names []string
	seen := map[string]bool{}
	for _, p := range roster {
		if !seen[p.Name] {
			seen[p.Name] = true
			names = append(names, p.Name)
		}
	}
	for _, lang := range []string{"zh", "en"} {
		s := files.Demo()
		s.Roster = roster
		for i := range s.Agenda {
			if s.Agenda[i].Kind == model.ItemReport {
				s.Agenda[i].Presenter = strings.Join(names[:3], "、")
			}
		}
		var officers []string
		for i, n := range names {
			officers = append(officers, []string{"主席", "学习部部长", "宣传部副部长"}[i%3]+" "+n)
		}
		s.Agenda = append(s.Agenda, model.Item{Kind: model.ItemReview, Title: "述职评议", Officers: officers})
		m := newTestModel(t, newSession(t, s), lang, 120, 40)
		c, v := m.c, m.c.Texts.V

		var texts []string
		for i := range s.Agenda {
			texts = append(texts, strings.Split(c.Script(i, nil), "\n")...)
		}
		var report []string
		for i, n := range names {
			report = append(report, v.ReportLine(n, 100-i%50, i%30, i%7))
		}
		half := names[:len(names)/2]
		texts = append(texts,
			v.ChiefReport(names[len(names)-1], 116, 2, nil)+v.JoinReport(report),
			v.ElectedSpeech(v.RoundName(1, 0, false), half),
			v.RunoffSpeech("社团", 2, strings.Join(names[len(names)/2:], v.Sep)),
			v.FinalSpeech(names, ""),
		)
		for _, text := range texts {
			for w := 40; w <= 120; w++ {
				lines := c.Wrap(text, w)
				joined := strings.Join(lines, "\n")
				for _, n := range names {
					if want := strings.Count(text, n); want > 0 && strings.Count(joined, n) != want {
						t.Fatalf("%s, %d columns: %s is split:\n%s", lang, w, n, joined)
					}
				}
				for _, l := range lines {
					if common.Width(l) > w {
						t.Fatalf("%s, %d columns: a line is %d wide: %q", lang, w, common.Width(l), l)
					}
				}
			}
		}
	}
}
