package speakers

import (
	"fmt"
	"strings"
	"time"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// secs is n seconds.
func secs(n int) time.Duration { return time.Duration(n) * time.Second }

// View renders the screen in h lines of w: the item and its timer, the
// speech under way, the list, the speeches given, the groups and the
// rules; or the open form under the item.
func (s *Screen) View() []string {
	c, t, st := s.c, s.c.Texts, s.c.Styles
	i, current := s.item()
	var lines []string
	if current {
		lines = widgets.ItemHead(c, s.w)
	} else {
		lines = []string{st.Dim.Render(common.Cut(t.F.NoItem, s.w))}
	}
	if s.form != nil {
		lines = append(lines, "")
		return common.Block(append(lines, s.form.View(s.w)...), s.w, s.h)
	}
	groups := s.groups()
	rules := st.Dim.Render(common.Cut(t.F.Rules(c.Snap.Floor.Rules.FairOrder, c.Snap.Floor.Rules.GuestsSpeak), s.w))
	if c.OnlyGroup != "" {
		rules = st.MsgInfo.Render(common.Cut(t.F.OnlyGroupFor(c.OnlyGroup), s.w))
	}
	if !current {
		// No item under way: the last one's speeches and the groups.
		if last := c.Snap.Item; last >= 0 && last < len(c.Setup.Agenda) {
			lines = append(widgets.ItemHead(c, s.w), lines...)
			lines = append(lines, s.spoken(last)...)
		}
		lines = append(lines, "")
		lines = append(lines, groups(max(1, s.h-len(lines)-2))...)
		return common.Block(append(lines, "", rules), s.w, s.h)
	}
	if s.h >= 30 { // the host's words, when there is room for them
		_, it, _, _ := c.Current()
		lines = append(lines, widgets.ScriptBox(c, it.Kind, nil, false, s.w, s.h/2)...)
	}
	lines = append(lines, s.speaking()...)
	room := s.h - len(lines) - 1 // the rules' line
	waiting := s.waiting(i)
	spoken := s.spoken(i)
	g := groups(0)
	// The list first (at least its title and three requests), then the
	// groups, then the speeches given, the latest ones.
	wn := min(len(waiting), max(4, room/2))
	if gn := min(len(g), max(0, room-wn-2)); gn < len(g) {
		g = groups(gn)
	}
	sn := min(len(spoken), max(0, room-wn-len(g)))
	if sn < len(spoken) && sn > 1 {
		spoken = append(spoken[:1], spoken[len(spoken)-sn+1:]...) // the title and the latest
	} else {
		spoken = spoken[:sn]
	}
	lines = append(lines, waiting[:wn]...)
	lines = append(lines, g...)
	lines = append(lines, spoken...)
	lines = common.Block(lines, s.w, s.h-1)
	return append(lines, rules)
}

// speaking is the speech under way with its countdown, or how to give
// the floor.
func (s *Screen) speaking() []string {
	c, t, st := s.c, s.c.Texts.F, s.c.Styles
	lines := []string{widgets.SectionRule(c, t.SpeakingTitle, s.w)}
	sp, ok := c.Speaking()
	if !ok {
		return append(lines, st.Dim.Render(common.Cut(t.Nobody(c.Keys.Speak.Start.Help().Key), s.w)), "")
	}
	name, unit, kind := c.Speaker(sp)
	who := st.Marker.Render("▶ ") + st.Title.Render(name)
	if unit != "" {
		who += "  " + st.Name.Render(unit)
	}
	who += st.Dim.Render(" · " + s.kindWord(sp, kind))
	left, phase := c.Countdown(sp, c.Now())
	word := t.Left(left)
	if phase == session.PhaseOver {
		word = t.Over(left)
	}
	clock := "  " + c.PhaseStyle(phase).Render(word) + st.Dim.Render("   "+t.Limit(common.Elapsed(secs(sp.Limit)))+"   "+
		c.Texts.M.StartedAt(c.Clock(sp.Started)))
	return append(lines, common.Cut(who, s.w), common.Cut(clock, s.w))
}

// kindWord is a request's kind, with an observer's or guest's standing.
func (s *Screen) kindWord(sp session.Speech, k model.Kind) string {
	w := s.c.Texts.F.Kind(sp.Kind)
	if k != model.Formal {
		w += s.paren(s.c.Texts.Kind(k))
	}
	return w
}

// paren puts a word in brackets, full-width in Chinese.
func (s *Screen) paren(w string) string {
	if s.c.Texts.Lang == "en" {
		return " (" + w + ")"
	}
	return "（" + w + "）"
}

// kindWidth is the widest kind word.
func (s *Screen) kindWidth() int {
	n := 0
	for _, k := range session.SpeechKinds() {
		n = max(n, common.Width(s.c.Texts.F.Kind(k)))
	}
	return n
}

// waiting is the list: its title and the requests in order, the cursor's
// marked; a window around the cursor when long.
func (s *Screen) waiting(i int) []string {
	c, t, st := s.c, s.c.Texts.F, s.c.Styles
	w := c.List(i).Waiting
	lines := []string{widgets.SectionRule(c, t.ListTitle(len(w), c.Snap.Floor.Rules.FairOrder), s.w)}
	if len(w) == 0 {
		sk := c.Keys.Speak
		keys := sk.Speech.Help().Key + " " + t.HelpSpeak + " · " + sk.Order.Help().Key + " " + t.HelpOrder
		return append(lines, st.Dim.Render(common.Cut(t.EmptyList(keys), s.w)))
	}
	s.cursor = max(0, min(len(w)-1, s.cursor))
	kw, nw := s.kindWidth(), 12
	for j, no := range w {
		sp, _ := c.Speech(no)
		name, unit, kind := c.Speaker(sp)
		if kind != model.Formal {
			unit += s.paren(c.Texts.Kind(kind))
		}
		kst := st.Dim
		if sp.Kind == session.SpeechOrder {
			kst = st.MsgAsk
		}
		marker, nm := "  ", st.Name.Render(common.Fit(name, nw))
		if j == s.cursor {
			marker, nm = st.Marker.Render("› "), st.NameSel.Render(common.Fit(name, nw))
		}
		left := marker + fmt.Sprintf("%2d ", j+1) + kst.Render(common.Fit(t.Kind(sp.Kind), kw)) + "  " + nm + "  " + unit
		lines = append(lines, common.Spread(common.Cut(left, s.w-8), st.Dim.Render(c.Clock(sp.Requested)), s.w))
	}
	return lines
}

// spoken is the speeches given on item i: the title with their time in
// all, each with its time and overtime, and the item's time.
func (s *Screen) spoken(i int) []string {
	c, t, st := s.c, s.c.Texts.F, s.c.Styles
	given := c.Spoken(i)
	total := 0
	for _, sp := range given {
		total += sp.Seconds
	}
	lines := []string{widgets.SectionRule(c, t.SpokenTitle(len(given), common.Elapsed(secs(total))), s.w)}
	kw, nw := s.kindWidth(), 12
	for _, sp := range given {
		name, unit, _ := c.Speaker(sp)
		took := st.Name.Render(common.Elapsed(secs(sp.Seconds)))
		if sp.Over() > 0 {
			took = st.MsgErr.Render(common.Elapsed(secs(sp.Seconds))) + " " + st.MsgErr.Render(t.SpokeOver(common.Elapsed(secs(sp.Over()))))
		}
		line := "  " + st.Dim.Render(c.Clock(sp.Started)) + "  " + st.Name.Render(common.Fit(name, nw)) + "  " +
			st.Dim.Render(common.Fit(t.Kind(sp.Kind), kw)) + "  " + took
		if unit != "" && common.Width(line)+2+common.Width(unit) <= s.w {
			line += "  " + st.Dim.Render(unit)
		}
		lines = append(lines, common.Cut(line, s.w))
	}
	return lines
}

// groups returns the groups of the item whose groups report: the title,
// then a line per group when n (0: all) allows, else the reported and
// the others each on one line.
func (s *Screen) groups() func(n int) []string {
	c, t, st := s.c, s.c.Texts.F, s.c.Styles
	i, ok := s.groupItem()
	if !ok {
		return func(int) []string { return nil }
	}
	gs := c.Setup.ItemGroups(i)
	reported := 0
	for _, g := range gs {
		if _, ok := c.ReportOf(i, g.Name); ok {
			reported++
		}
	}
	title := widgets.SectionRule(c, t.GroupsTitle(reported, len(gs)), s.w)
	if i != c.Snap.Item {
		title = widgets.SectionRule(c, c.Texts.M.ItemLine(i+1, c.Texts.ItemTitle(c.Setup.Agenda[i]), "")+" · "+t.GroupsTitle(reported, len(gs)), s.w)
	}
	return func(n int) []string {
		lines := []string{title}
		if n == 0 || n > len(gs) {
			gw := 0
			for _, g := range gs {
				gw = max(gw, common.Width(g.Name))
			}
			gw = min(gw, s.w/3)
			for _, g := range gs {
				mark, name := st.Dim.Render("· "), common.Fit(g.Name, gw)
				detail := st.Dim.Render(t.NotReported)
				if r, ok := c.ReportOf(i, g.Name); ok {
					mark = st.BadgeOK.Render("✓ ")
					detail = st.Name.Render(t.GroupLine(r.Speakers, r.Convener, r.Secretary))
				}
				if c.OnlyGroup == g.Name {
					name = st.NameSel.Render(name)
				}
				lines = append(lines, common.Cut(mark+name+"  "+detail, s.w))
			}
			return lines
		}
		var done, todo []string
		for _, g := range gs {
			if _, ok := c.ReportOf(i, g.Name); ok {
				done = append(done, g.Name)
			} else {
				todo = append(todo, g.Name)
			}
		}
		if n >= 2 && len(done) > 0 {
			lines = append(lines, common.Cut(st.BadgeOK.Render("✓ ")+strings.Join(done, " "), s.w))
		}
		if len(todo) > 0 && len(lines) <= n {
			lines = append(lines, common.Cut(st.Dim.Render("· "+t.NotReported+"  "+strings.Join(todo, " ")), s.w))
		}
		return lines[:min(len(lines), max(1, n))]
	}
}
