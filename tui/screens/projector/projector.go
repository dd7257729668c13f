// Package projector is the hall projector's screen (role projector): no
// keys, the whole terminal, large type, following the hall — before the
// opening the attendance and the quorum; during an item its title and its
// timer; during a vote the question and, once recorded, the result with
// its derivation; during the election the round, 应到 / 实到 / 发出 / 收回,
// then the results. The large figures adapt to the terminal, from 60×15
// to 200×60.
package projector

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/words"
)

// ID is the projector's screen.
const ID common.ScreenID = "projector"

// Screen is the projector's screen: the whole terminal, no frame.
type Screen struct {
	c     *common.Common
	w, h  int
	timer bool // the last view showed a running timer
}

// New returns the projector's screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen the terminal.
func (p *Screen) SetSize(w, h int) { p.w, p.h = w, h }

// Update has nothing to do: the projector has no keys.
func (p *Screen) Update(tea.Msg) tea.Cmd { return nil }

// Keys is empty: the projector has no keys.
func (p *Screen) Keys() []common.Binding { return nil }

// Ticks reports whether the projector shows a running timer, which the
// clock's tick moves.
func (p *Screen) Ticks() bool { return p.timer }

// View renders the projector's screen: exactly h lines of w columns — the
// congress and the clock on top, what the hall follows now in the middle,
// the attendance at the bottom.
func (p *Screen) View() []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	w, h := p.w, p.h
	if w <= 0 || h <= 0 {
		return nil
	}
	p.timer = false
	title := s.Title.Render(" " + t.MeetingName(c.Setup.Meeting))
	if c.Setup.Rehearsal {
		title = " " + s.BadgeBad.Render(t.Rehearsal) + title
	}
	top := common.Spread(title, s.Clock.Render(c.Now().Format("15:04")+" "), w)
	q := c.Snap.Quorum
	bottom := common.Center(s.Dim.Render(t.Present(q.Present, q.Expected)+"   ")+p.badges(), w)
	room := h - 2
	var body []string
	i, it, _, ok := c.Current()
	switch {
	case !ok || it.Kind == model.ItemPreparatory && c.Snap.Declared == nil:
		body = p.attendance(w, room)
		bottom = ""
	case it.Kind == model.ItemElection && c.Snap.Vote != nil:
		body = p.election(c.Snap.Vote, w, room)
	case p.floor(i, it):
		body = p.speaker(i, it, w, room)
	default:
		if r, voted := p.vote(i); voted || it.Kind == model.ItemResolution {
			body = p.resolution(i, it, r, voted, w, room)
		} else {
			body = p.item(i, it, w, room)
		}
	}
	// The body in the middle of the room between top and bottom.
	lines := make([]string, 0, h)
	lines = append(lines, top)
	pad := max(0, (room-len(body))/2)
	for range pad {
		lines = append(lines, "")
	}
	lines = append(lines, body...)
	lines = common.Block(lines, w, h-1)
	return append(lines, common.Fit(bottom, w))
}

// badges are the two quorums, met or not.
func (p *Screen) badges() string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	q := c.Snap.Quorum
	badge := func(label string, ok bool, need int) string {
		if ok {
			return s.BadgeOK.Render(fmt.Sprintf("%s ✓ %d", label, need))
		}
		return s.BadgeBad.Render(fmt.Sprintf("%s ✗ %d", label, need))
	}
	return badge(t.OpeningBadge, q.Opening, q.OpeningNeed) + "   " + badge(t.ElectionBadge, q.Election, q.ElectionNeed)
}

// most is the largest scale worth drawing at this width and height.
func most(w, h int) int { return max(1, min(w/40, h/12)) }

// attendance is the hall before the opening: present / expected in large
// type, the quorums, whether the meeting was declared valid.
func (p *Screen) attendance(w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	q := c.Snap.Quorum
	head := s.Title.Render(t.P.CheckIn)
	if d := c.Snap.Declared; d != nil {
		head = s.Declared.Render(t.P.Valid(c.Clock(d.At)))
	}
	out := []string{common.Center(head, w), ""}
	fig := figure(fmt.Sprintf("%d/%d", q.Present, q.Expected), w-4, h-8, most(w, h)+1, s.Counts)
	out = append(out, fig...)
	out = append(out, "", common.Center(s.Dim.Render(t.P.Present), w), "")
	need := func(label string, ok bool, n int) string {
		st := s.BadgeBad
		if ok {
			st = s.BadgeOK
		}
		return st.Render(t.P.QuorumNeed(label, n, ok))
	}
	out = append(out, common.Center(need(t.OpeningBadge, q.Opening, q.OpeningNeed)+"     "+need(t.ElectionBadge, q.Election, q.ElectionNeed), w))
	return out
}

// item is an agenda item under way: its number and title, the presenter,
// the timer in large type against the plan.
func (p *Screen) item(i int, it model.Item, w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	is := c.Snap.Items[i]
	out := []string{common.Center(s.Dim.Render(t.P.ItemNo(i+1)), w)}
	for _, l := range c.Wrap(t.ItemTitle(it), w-4) {
		out = append(out, common.Center(s.Title.Render(l), w))
	}
	if it.Presenter != "" {
		out = append(out, common.Center(s.Dim.Render(t.M.Presenter(it.Presenter)), w))
	}
	if is.Status != session.ItemCurrent {
		return append(out, "", common.Center(c.Timer(), w))
	}
	p.timer = true
	d := c.Now().Sub(is.Started)
	st := s.Counts
	over := it.Minutes > 0 && d > time.Duration(it.Minutes)*time.Minute
	if over {
		st = s.MsgErr
	}
	out = append(out, "")
	out = append(out, figure(common.Elapsed(d), w-4, h-len(out)-3, most(w, h)+1, st)...)
	if it.Minutes > 0 {
		line := s.Dim.Render(t.P.Planned(it.Minutes))
		if over {
			line += "   " + s.MsgErr.Render(t.P.Over(common.Elapsed(d-time.Duration(it.Minutes)*time.Minute)))
		}
		out = append(out, "", common.Center(line, w))
	}
	return out
}

// vote is the latest vote recorded on item i, if any.
func (p *Screen) vote(i int) (session.Resolution, bool) {
	votes := p.c.Snap.Votes
	for j := len(votes) - 1; j >= 0; j-- {
		if votes[j].Item == i {
			return votes[j], true
		}
	}
	return session.Resolution{}, false
}

// resolution is a vote: the question while the hall votes, then the
// result in large type with its derivation.
func (p *Screen) resolution(i int, it model.Item, r session.Resolution, voted bool, w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	subject := t.ItemTitle(it)
	if voted {
		subject = r.Subject
	}
	out := []string{common.Center(s.Dim.Render(t.P.Question), w)}
	for _, l := range c.Wrap(subject, w-4) {
		out = append(out, common.Center(s.Title.Render(l), w))
	}
	if !voted {
		if it.Resolution != nil {
			out = append(out, "")
			text := t.ResolutionText(*it.Resolution)
			lines := c.Wrap(text, min(w-8, 100))
			if room := h - len(out) - 3; len(lines) > room {
				lines = append(lines[:max(0, room-1)], "…")
			}
			for _, l := range lines {
				out = append(out, common.Center(s.Name.Render(l), w))
			}
			out = append(out, "", common.Center(s.Dim.Render(t.P.Method(t.M.Method(it.Resolution.Method))), w))
		}
		// What it takes: the votes needed, in large type, and of what.
		kind := model.VoteOrdinary
		if it.Resolution != nil {
			kind = it.Resolution.Kind
		}
		if n, ok := c.Snap.Needs[kind]; ok {
			out = append(out, "")
			out = append(out, figure(fmt.Sprint(n.Need), w-4, h-len(out)-3, most(w, h), s.Counts)...)
			out = append(out, "", common.Center(s.Dim.Render(t.P.Need(words.RuleText(n.Rule, c.Setup.Meeting.VoteBase, t.Lang), n.Need)), w))
		}
		return out
	}
	// The result: for, against, abstain in large type side by side.
	out = append(out, "")
	col := (w - 4) / 3
	k := most(w, h)
	for _, n := range []int{r.For, r.Against, r.Abstain} {
		k = min(k, max(1, scale(fmt.Sprint(n), col-2, h-len(out)-6, k)))
	}
	figs := [][]string{}
	for _, n := range []int{r.For, r.Against, r.Abstain} {
		figs = append(figs, figure(fmt.Sprint(n), col, 5*k, k, s.Counts))
	}
	for row := range figs[0] {
		line := ""
		for _, f := range figs {
			if row < len(f) {
				line += f[row]
			}
		}
		out = append(out, common.Center(line, w))
	}
	labels := ""
	for _, l := range []string{t.M.For, t.M.Against, t.M.Abstain} {
		labels += common.Center(s.Dim.Render(l), col)
	}
	out = append(out, common.Center(labels, w), "")
	style := s.Rejected
	if r.Adopted {
		style = s.Adopted
	}
	return append(out, common.Center(style.Render(t.M.Derivation(r.Need, r.For, r.Adopted)), w))
}

// election is the election item: before the first round what is to be
// elected; while a round is open its name and 应到 / 实到 / 发出 / 收回 in
// large type; once decided its results.
func (p *Screen) election(v *session.Vote, w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	cur := v.Current()
	if cur == nil {
		out := []string{common.Center(s.Title.Render(t.V.Title), w), "",
			common.Center(s.Counts.Render(t.P.Seats(v.Method.Seats, len(v.Candidates))), w), ""}
		var names []string
		for _, cand := range v.Candidates {
			names = append(names, c.CandidateLabel(cand.Name))
		}
		for _, l := range c.Wrap(strings.Join(names, "   "), min(w-8, 100)) {
			out = append(out, common.Center(s.Name.Render(l), w))
		}
		return append(out, "", common.Center(s.Dim.Render(t.P.ElectionSteps), w))
	}
	name := t.V.RoundName(cur.No, cur.Kind, len(v.Rounds) > 1 && v.Rounds[len(v.Rounds)-2].Void())
	if cur.Decided != nil && cur.Result != nil {
		return p.results(v, cur, name, w, h)
	}
	out := []string{common.Center(s.Title.Render(name), w), ""}
	exp, pres := cur.Opened.Count.Expected, cur.Opened.Count.Present
	if cur.Issued >= 0 {
		exp, pres = cur.IssuedCount.Expected, cur.IssuedCount.Present
	}
	figs := []struct {
		label string
		n     int
	}{{t.P.Expected, exp}, {t.P.PresentShort, pres}, {t.P.Issued, cur.Issued}, {t.P.Collected, cur.Collected}}
	col := (w - 4) / 4
	k := most(w, h)
	for _, f := range figs {
		k = min(k, max(1, scale(fmt.Sprint(max(f.n, 0)), col-2, h-8, k)))
	}
	var blocks [][]string
	for _, f := range figs {
		text := fmt.Sprint(f.n)
		if f.n < 0 {
			text = "-"
		}
		blocks = append(blocks, figure(text, col, 5*k, k, s.Counts))
	}
	for row := range blocks[0] {
		line := ""
		for _, b := range blocks {
			line += b[row]
		}
		out = append(out, common.Center(line, w))
	}
	labels := ""
	for _, f := range figs {
		labels += common.Center(s.Dim.Render(f.label), col)
	}
	out = append(out, common.Center(labels, w))
	if cur.Issued >= 0 && cur.Collected >= 0 {
		st := s.Declared
		if cur.Void() {
			st = s.MsgErr
		}
		out = append(out, "")
		for _, l := range c.Wrap(t.V.BallotSpeech(cur.Issued, cur.Collected, cur.Void()), min(w-8, 100)) {
			out = append(out, common.Center(st.Render(l), w))
		}
	}
	return out
}

// results is a decided round: its counts, then every candidate with a
// bar of approvals and whether elected, by category, one a line when they
// fit; in columns when they do not; the elected alone when even that does
// not fit.
func (p *Screen) results(v *session.Vote, r *session.Round, name string, w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	res := r.Result
	out := []string{common.Center(s.Title.Render(t.P.RoundResults(name)), w)}
	if !res.RoundValid {
		for _, l := range c.Wrap(t.V.Undecided(res), min(w-8, 100)) {
			out = append(out, common.Center(s.MsgErr.Render(l), w))
		}
		return out
	}
	valid, invalid := res.Valid, res.Invalid
	if res.CategoryOnly { // a tally sheet judged per category gives no per-ballot figure
		valid, invalid = -1, -1
	}
	for _, l := range c.Wrap(t.V.CountsLine(res.Expected, res.Present, res.Issued, res.Collected, valid, invalid), w-4) {
		out = append(out, common.Center(s.Dim.Render(l), w))
	}
	labels := func(names []string) string {
		var l []string
		for _, n := range names {
			l = append(l, c.CandidateLabel(n))
		}
		return strings.Join(l, t.V.Sep)
	}
	var pending []string
	for _, pr := range res.Runoffs {
		pending = append(pending, common.Center(s.MsgAsk.Render(common.Cut(t.V.PendingRunoff(pr.Category, pr.Seats, labels(pr.Candidates)), w-2)), w))
	}
	for _, pr := range res.SecondRounds {
		pending = append(pending, common.Center(s.MsgAsk.Render(common.Cut(t.V.PendingSecond(pr.Category, pr.Seats, labels(pr.Candidates)), w-2)), w))
	}
	for _, pr := range res.Vacancies {
		pending = append(pending, common.Center(s.MsgAsk.Render(common.Cut(t.V.TiedVacantSpeech(pr.Category, pr.Seats, labels(pr.Candidates)), w-2)), w))
	}
	room := h - len(out) - len(pending) - 1
	var table []string
	for _, layout := range []func(*election.Result, *session.Round, int) []string{p.rows, p.grid} {
		if tb := layout(res, r, w); len(tb) <= room {
			table = tb
			break
		}
	}
	if len(table) > 0 && 2*len(table) <= room {
		// A tall screen: a line between the lines, to be read from afar.
		spaced := make([]string, 0, 2*len(table))
		for _, l := range table {
			spaced = append(spaced, l, "")
		}
		table = spaced[:len(spaced)-1]
	}
	if table == nil {
		var names []string
		for _, cand := range v.Elected() {
			names = append(names, c.CandidateLabel(cand.Name))
		}
		table = []string{common.Center(s.Title.Render(t.P.Elected(len(names))), w)}
		for _, l := range c.Wrap(strings.Join(names, "  "), w-4) {
			table = append(table, common.Center(s.Counts.Render(l), w))
		}
	}
	out = append(out, "")
	out = append(out, table...)
	return append(out, pending...)
}

// mark is a candidate's mark and the style of the name.
func (p *Screen) mark(cc election.CandidateCount) (string, common.Style) {
	s := p.c.Styles
	switch cc.Status {
	case election.Elected:
		return s.BadgeOK.Render("✓ "), s.Counts
	case election.InRunoff:
		return s.MsgAsk.Render("↻ "), s.Name
	}
	return "  ", s.Name
}

// rows is one candidate a line with a bar of approvals (the threshold
// marked) and the status; a blank line between categories.
func (p *Screen) rows(res *election.Result, r *session.Round, w int) []string {
	t, s := p.c.Texts, p.c.Styles
	nw, stw := 0, 0
	for _, cc := range res.Candidates {
		nw = max(nw, common.Width(p.c.CandidateLabel(cc.Name)))
		stw = max(stw, common.Width(t.V.Status(cc.Status, r.Kind)))
	}
	bw := min(80, w-(2+nw+2+2+5+2+stw)-8)
	if bw < 10 {
		return make([]string, 1<<10) // does not fit
	}
	scale := max(res.Collected, 1)
	var out []string
	for i, cat := range res.Categories {
		if cat.Name != "" {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, common.Center(s.ColHeader.Render(t.V.CategoryLine(cat.Name, cat.Seats, cat.Valid)), w))
		}
		tp := -1
		if cat.Threshold != nil && r.Kind != election.Runoff {
			tp = min(bw-1, *cat.Threshold*bw/scale)
		}
		for _, cc := range res.Candidates {
			if cc.Category != cat.Name {
				continue
			}
			mark, st := p.mark(cc)
			fill := min(bw, cc.Approve*bw/scale)
			barSt := s.Dim
			if cc.Status == election.Elected {
				barSt = s.BadgeOK
			}
			var bar strings.Builder
			for j, run := range [][2]int{{0, tp}, {tp + 1, bw}} {
				if j == 1 && tp >= 0 {
					bar.WriteString(s.Clock.Render("│"))
				}
				from, to := run[0], run[1]
				if tp < 0 {
					if j == 1 {
						break
					}
					from, to = 0, bw
				}
				if f := min(fill, to) - from; f > 0 {
					bar.WriteString(barSt.Render(strings.Repeat("█", f)))
				}
				if g := to - max(fill, from); g > 0 {
					bar.WriteString(s.Rule.Render(strings.Repeat("░", g)))
				}
			}
			line := mark + st.Render(common.Fit(p.c.CandidateLabel(cc.Name), nw)) + "  " + bar.String() + "  " +
				s.Counts.Render(fmt.Sprintf("%5d", cc.Approve)) + "  " + s.Dim.Render(common.Fit(t.V.Status(cc.Status, r.Kind), stw))
			out = append(out, common.Center(line, w))
		}
	}
	return out
}

// grid is the candidates in columns: name and approvals, by category.
func (p *Screen) grid(res *election.Result, r *session.Round, w int) []string {
	t, s := p.c.Texts, p.c.Styles
	nw := 0
	for _, cc := range res.Candidates {
		nw = max(nw, common.Width(p.c.CandidateLabel(cc.Name)))
	}
	cw := 2 + nw + 5
	cols := max(1, min(4, (w-4)/(cw+4)))
	var out []string
	for _, cat := range res.Categories {
		var cells []string
		for _, cc := range res.Candidates {
			if cc.Category == cat.Name {
				mark, st := p.mark(cc)
				cells = append(cells, mark+st.Render(common.Fit(p.c.CandidateLabel(cc.Name), nw))+" "+s.Dim.Render(fmt.Sprintf("%4d", cc.Approve)))
			}
		}
		if cat.Name != "" {
			out = append(out, common.Center(s.ColHeader.Render(t.V.CategoryLine(cat.Name, cat.Seats, cat.Valid)), w))
		}
		for j := 0; j < len(cells); j += cols {
			row := strings.Join(cells[j:min(len(cells), j+cols)], "    ")
			out = append(out, common.Center(common.Fit(row, cols*cw+(cols-1)*4), w))
		}
	}
	return out
}
