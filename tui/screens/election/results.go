package election

import (
	"fmt"
	"strings"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
)

// resultLines shows a decided round: its counts, the threshold, every
// candidate in ballot order with a bar of approvals and the threshold
// marked on it, the runoffs and second rounds it calls for, and the words
// the chief scrutineer and the host read (RULES §6.5).
func (e *Screen) resultLines(v *session.Vote, i int) []string {
	s, t := e.c.Styles, e.c.Texts.V
	r := v.Rounds[i]
	res := r.Result
	title := s.SideTitle.Render(t.ResultsTitle(e.roundName(r.No, r.Kind, false)))
	if len(v.Rounds) > 1 {
		title += "  " + s.Dim.Render(t.RoundOf(i+1, len(v.Rounds), e.c.Keys.Vote.Rounds.Help().Key))
	}
	out := []string{title}
	for _, l := range e.c.Wrap(t.CountsLine(res.Expected, res.Present, res.Issued, res.Collected, res.Valid, res.Invalid), e.w-4) {
		out = append(out, "  "+s.Counts.Render(l))
	}
	if !res.RoundValid {
		out = append(out, "")
		for _, l := range e.c.Wrap(t.Undecided(res), e.w-4) {
			out = append(out, "  "+s.MsgErr.Render(l))
		}
		return out
	}
	if r.Kind == election.Runoff {
		out = append(out, "  "+t.RunoffRule)
	} else {
		for _, c := range res.Categories {
			if c.Threshold == nil || c.Seats == 0 {
				continue
			}
			for _, l := range e.c.Wrap(t.ThresholdLine(c.Name, v.Method.Threshold, v.Method.ThresholdBase, thresholdBase(v, res, c), *c.Threshold), e.w-4) {
				out = append(out, "  "+l)
			}
			if res.Threshold != nil {
				break // the same in every category
			}
		}
	}
	out = append(out, "")
	out = append(out, e.bars(v, r)...)
	if len(res.Runoffs) > 0 || len(res.SecondRounds) > 0 {
		out = append(out, "")
		for _, p := range res.Runoffs {
			out = append(out, "  "+s.MsgAsk.Render(t.PendingRunoff(p.Category, p.Seats, strings.Join(p.Candidates, t.Sep))))
		}
		for _, p := range res.SecondRounds {
			out = append(out, "  "+s.MsgAsk.Render(t.PendingSecond(p.Category, p.Seats, strings.Join(p.Candidates, t.Sep))))
		}
	}
	out = append(out, "", s.SideTitle.Render(t.SpeechTitle))
	var writeIns []string // written-in names are names too
	for _, c := range res.Candidates {
		if c.WriteIn {
			writeIns = append(writeIns, c.Name)
		}
	}
	names := e.c.Names.With(writeIns...)
	for _, para := range e.speech(v, r) {
		for _, l := range common.WrapNames(para, e.w-4, names) {
			out = append(out, "  "+s.Query.Render(l))
		}
	}
	return out
}

// thresholdBase is the number a category's threshold is taken of.
func thresholdBase(v *session.Vote, res *election.Result, c election.CategoryResult) int {
	switch v.Method.ThresholdBase {
	case "present":
		return res.Present
	case "valid":
		return c.Valid
	}
	return res.Expected
}

// bars lays out every candidate in ballot order (write-in persons after
// the listed ones of their category) with a bar of approvals.
func (e *Screen) bars(v *session.Vote, r *session.Round) []string {
	s, t := e.c.Styles, e.c.Texts.V
	res := r.Result
	nw := 8
	for _, c := range res.Candidates {
		nw = max(nw, common.Width(c.Name)+map[bool]int{true: 2, false: 0}[c.WriteIn])
	}
	nw = min(nw, 18)
	stw := 0
	for _, st := range []election.Status{election.Elected, election.InRunoff, election.NotElected} {
		stw = max(stw, common.Width(t.Status(st, r.Kind))+2)
	}
	numW := max(5, common.Width(t.ApproveShort)+1, common.Width(t.DisapproveShort)+1, common.Width(t.AbstainShort)+1)
	bw := min(48, e.w-4-nw-2-2-3*numW-2-stw)
	bw = max(bw, 8)
	num := func(x string) string { return common.Rpad(x, numW) }
	head := "  " + "   " + common.Fit("", nw) + "  " + common.Fit("", bw) + "  " +
		num(t.ApproveShort) + num(t.DisapproveShort) + num(t.AbstainShort)
	// The scale of the bars: the collected ballots, so that the bars of
	// every category compare.
	scale := max(res.Collected, 1)
	for _, c := range res.Categories {
		if c.Threshold != nil && r.Kind != election.Runoff {
			scale = max(scale, *c.Threshold+1) // the threshold always on the bar
		}
	}
	cats := res.Categories
	var out []string
	n := 0
	for _, cat := range cats {
		var need *int
		if r.Kind != election.Runoff {
			need = cat.Threshold
		}
		if cat.Name != "" {
			if len(out) > 0 {
				out = append(out, "")
			}
			out = append(out, "  "+s.ColHeader.Render(t.CategoryLine(cat.Name, cat.Seats, cat.Valid)))
		}
		out = append(out, s.ColHeader.Render(head))
		for _, c := range res.Candidates {
			if c.Category != cat.Name {
				continue
			}
			no := "   "
			name := c.Name
			if c.WriteIn {
				name = "+ " + name
			} else {
				n++
				no = fmt.Sprintf("%2d ", n)
			}
			bar := e.bar(c.Approve, need, scale, bw)
			nums := num(fmt.Sprint(c.Approve))
			if c.WriteIn {
				nums += num("") + num("")
			} else {
				nums += num(fmt.Sprint(c.Disapprove)) + num(fmt.Sprint(c.Abstain))
			}
			st := t.Status(c.Status, r.Kind)
			switch c.Status {
			case election.Elected:
				st = s.BadgeOK.Render("✓ " + st)
			case election.InRunoff:
				st = s.MsgAsk.Render("↻ " + st)
			default:
				st = s.Dim.Render("  " + st)
			}
			nameSt := s.Name
			if c.Status == election.Elected {
				nameSt = s.Counts
			}
			out = append(out, "  "+s.Dim.Render(no)+nameSt.Render(common.Fit(name, nw))+"  "+bar+"  "+nums+"  "+st)
		}
	}
	if res.Threshold == nil || r.Kind == election.Runoff {
		return out
	}
	// Under the bars: where the threshold stands.
	pos := min(bw-1, *res.Threshold*bw/scale)
	mark := strings.Repeat(" ", 2+3+nw+2+pos) + s.Clock.Render("↑ "+t.ThresholdMark(*res.Threshold))
	return append(out, mark)
}

// bar draws approvals out of scale in w cells, with the threshold marked.
func (e *Screen) bar(approvals int, need *int, scale, w int) string {
	s := e.c.Styles
	fill := approvals * w / scale
	if approvals > 0 && fill == 0 {
		fill = 1
	}
	tp := -1
	if need != nil {
		tp = min(w-1, *need*w/scale)
	}
	var b strings.Builder
	for j := 0; j < w; j++ {
		switch {
		case j == tp:
			b.WriteString(s.Clock.Render("│"))
		case j < fill:
			b.WriteString(s.Name.Render("█"))
		default:
			b.WriteString(s.Rule.Render("░"))
		}
	}
	return b.String()
}

// speech is the words of RULES §6.5 for a decided round: the ballots
// announcement, the chief scrutineer's report of every candidate in ballot
// order, and the host's announcement of the elected in the approved
// order, the runoffs, second rounds and vacancies.
func (e *Screen) speech(v *session.Vote, r *session.Round) []string {
	c, t := e.c, e.c.Texts.V
	res := r.Result
	out := []string{t.BallotSpeech(r.Issued, r.Collected)}
	chief := t.NotChosen
	if v.Chief != "" {
		chief = c.PersonName(v.Chief)
	}
	var lines []string
	for _, cc := range res.Candidates {
		if cc.WriteIn {
			lines = append(lines, t.ReportWriteIn(cc.Name, cc.Approve))
		} else {
			lines = append(lines, t.ReportLine(cc.Name, cc.Approve, cc.Disapprove, cc.Abstain))
		}
	}
	out = append(out, t.ChiefReport(chief, res.Valid, res.Invalid)+t.JoinReport(lines))
	var elected []string
	for _, name := range res.Elected {
		elected = append(elected, name)
	}
	out = append(out, t.ElectedSpeech(e.roundName(r.No, r.Kind, false), elected))
	for _, p := range res.Runoffs {
		out = append(out, t.RunoffSpeech(p.Category, p.Seats, strings.Join(p.Candidates, t.Sep)))
	}
	for _, p := range res.SecondRounds {
		out = append(out, t.SecondSpeech(p.Category, p.Seats))
	}
	if r == v.Current() {
		if _, _, ok := v.Next(); !ok {
			out = append(out, e.finalSpeech(v))
		}
	}
	return out
}

// finalSpeech announces everyone elected in the approved order and the
// vacancies, once no round is due.
func (e *Screen) finalSpeech(v *session.Vote) string {
	t := e.c.Texts.V
	var names []string
	for _, c := range v.Elected() {
		names = append(names, c.Name)
	}
	var vac []string
	for _, k := range v.Method.Categories {
		if n := v.Vacant[k.Name]; n > 0 {
			vac = append(vac, t.CatSeats(k.Name, n))
		}
	}
	if n := v.Vacant[""]; n > 0 {
		vac = append(vac, t.SeatsOnly(n))
	}
	return t.FinalSpeech(names, strings.Join(vac, t.Sep))
}

// electedLines is the summary once the election is over: the elected in
// the approved order, by category, and the vacancies.
func (e *Screen) electedLines(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	out := []string{s.SideTitle.Render(t.ElectedTitle)}
	el := v.Elected()
	if len(v.Method.Categories) == 0 {
		var names []string
		for _, c := range el {
			names = append(names, c.Name)
		}
		return append(out, e.terms([][2]string{{t.ElectedTitle, strings.Join(names, t.Sep)}})...)
	}
	var rows [][2]string
	for _, k := range v.Method.Categories {
		var names []string
		for _, c := range el {
			if c.Category == k.Name {
				names = append(names, c.Name)
			}
		}
		val := strings.Join(names, t.Sep)
		if n := v.Vacant[k.Name]; n > 0 {
			val += "  " + t.VacantWords(n)
		}
		rows = append(rows, [2]string{k.Name, val})
	}
	return append(out, e.terms(rows)...)
}
