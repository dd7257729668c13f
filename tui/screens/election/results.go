package election

import (
	"fmt"
	"slices"
	"strings"

	"podium/paper/deck"
	"podium/session"
	"podium/session/election"
	"podium/tui/common"
)

// The results of a decided round, in two pages the host turns with s: the
// results (the counts, the threshold, every candidate in ballot order with
// a bar of approvals and the threshold marked on it, the runoffs and
// second rounds it calls for), and the words the chief scrutineer and the
// host read (RULES §6.5). ← → page through the decided rounds, both ways.
//
// A decided round never changes: its lines are drawn once per width and
// kept (drawnRound), so a redraw only cuts out the lines that show.

// page is what the results show of a round.
type page int

const (
	pageResults page = iota // the counts and the bars
	pageSpeech              // the words to read
)

// drawnKey is what a round's drawn lines depend on.
type drawnKey struct {
	round, w int
	page     page
	styles   *common.Styles
	seq      uint64 // the speech's last words depend on what came after (0 for the results page)
}

// resultLines is the page shown of decided round i: its title, then the
// page's lines, drawn once and kept.
func (e *Screen) resultLines(v *session.Vote, i int) []string {
	k := drawnKey{round: i, w: e.w, page: e.page, styles: e.c.Styles}
	if e.page == pageSpeech {
		k.seq = e.c.Snap.Seq
	}
	lines, ok := e.drawn[k]
	if !ok {
		if e.drawn == nil || len(e.drawn) > 16 {
			e.drawn = map[drawnKey][]string{}
		}
		if e.page == pageSpeech {
			lines = e.speechPage(v, i)
		} else {
			lines = e.resultsPage(v, i)
		}
		e.drawn[k] = lines
	}
	return append([]string{e.resultsTitle(v, i)}, lines...)
}

// roundNameAt names round i of v, saying when it is the revote of a void
// round.
func (e *Screen) roundNameAt(v *session.Vote, i int) string {
	r := v.Rounds[i]
	return e.roundName(r.No, r.Kind, i > 0 && v.Rounds[i-1].Void())
}

// resultsTitle is the page's title with where it stands among the decided
// rounds and the keys that turn the pages.
func (e *Screen) resultsTitle(v *session.Vote, i int) string {
	s, t, vk := e.c.Styles, e.c.Texts.V, e.c.Keys.Vote
	name := e.roundNameAt(v, i)
	title := t.ResultsTitle(name)
	other := t.ShowSpeech(vk.Speech.Help().Key)
	if e.page == pageSpeech {
		title, other = t.SpeechPageTitle(name), t.ShowResults(vk.Speech.Help().Key)
	}
	decided := decidedRounds(v)
	at := 0
	for j, d := range decided {
		if d == i {
			at = j
		}
	}
	right := other
	if len(decided) > 1 {
		right = t.RoundOf(at+1, len(decided), vk.Rounds.Help().Key) + " · " + other
	}
	return common.Spread(s.SideTitle.Render(title), s.Dim.Render(right), e.w)
}

// decidedRounds are the indexes of the rounds with a result.
func decidedRounds(v *session.Vote) []int {
	var out []int
	for i, r := range v.Rounds {
		if r.Decided != nil && r.Result != nil {
			out = append(out, i)
		}
	}
	return out
}

// resultsPage is a decided round's counts, threshold and bars.
func (e *Screen) resultsPage(v *session.Vote, i int) []string {
	s, t := e.c.Styles, e.c.Texts.V
	r := v.Rounds[i]
	res := r.Result
	var out []string
	valid, invalid := res.Valid, res.Invalid
	if res.CategoryOnly { // a tally sheet never gives a per-ballot figure it does not hold
		valid, invalid = -1, -1
	}
	for _, l := range e.c.Wrap(t.CountsLine(res.Expected, res.Present, res.Issued, res.Collected, valid, invalid), e.w-2) {
		out = append(out, "  "+s.Counts.Render(l))
	}
	if res.CategoryOnly {
		var cats []string
		for _, c := range res.Categories {
			cats = append(cats, t.CatCounts(c.Name, c.Valid, c.Invalid))
		}
		for _, l := range e.c.Wrap(strings.Join(cats, " · "), e.w-2) {
			out = append(out, "  "+s.Counts.Render(l))
		}
	}
	if res.PartlyInvalid > 0 {
		for _, l := range e.c.Wrap(t.PartlyLine(res.PartlyInvalid), e.w-2) {
			out = append(out, "  "+s.MsgAsk.Render(l))
		}
	}
	if m := r.CountedBy(); m != "" {
		out = append(out, "  "+s.Dim.Render(t.CountedBy(string(m))))
	}
	for _, a := range r.SetAside {
		n := len(a.Ballots)
		if a.Tally != nil {
			n = -1
		}
		out = append(out, "  "+s.Dim.Render(common.Cut(t.SetAsideLine(e.c.PersonName(a.Teller), n, a.Reason), e.w-4)))
	}
	out = append(out, e.rehearsalCheck(v, i)...)
	if !res.RoundValid {
		out = append(out, "")
		for _, l := range e.c.Wrap(t.Undecided(res), e.w-2) {
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
			for _, l := range e.c.Wrap(t.ThresholdLine(c.Name, v.Method.Threshold, v.Method.ThresholdBase, thresholdBase(v, res, c), *c.Threshold), e.w-2) {
				out = append(out, "  "+l)
			}
			if res.Threshold != nil {
				break // the same in every category
			}
		}
	}
	out = append(out, e.bars(v, r)...)
	for _, p := range res.Runoffs {
		out = append(out, "  "+s.MsgAsk.Render(common.Cut(t.PendingRunoff(p.Category, p.Seats, strings.Join(e.labels(p.Candidates), t.Sep)), e.w-2)))
	}
	for _, p := range res.Vacancies {
		out = append(out, "  "+s.MsgAsk.Render(common.Cut(t.TiedVacantSpeech(p.Category, p.Seats, strings.Join(e.labels(p.Candidates), t.Sep)), e.w-2)))
	}
	for _, p := range res.SecondRounds {
		out = append(out, "  "+s.MsgAsk.Render(common.Cut(t.PendingSecond(p.Category, p.Seats, strings.Join(e.labels(p.Candidates), t.Sep)), e.w-2)))
	}
	return out
}

// speechPage is the words to read for a decided round, wrapped without
// splitting a name (written-in names included).
func (e *Screen) speechPage(v *session.Vote, i int) []string {
	s := e.c.Styles
	r := v.Rounds[i]
	var writeIns []string
	for _, c := range r.Result.Candidates {
		if c.WriteIn {
			writeIns = append(writeIns, c.Name)
		}
	}
	names := e.c.Names.With(writeIns...)
	var out []string
	for j, para := range e.speech(v, i) {
		if j > 0 {
			out = append(out, "")
		}
		for _, l := range common.WrapNames(para, e.w-2, names) {
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
// the listed ones of their category) with a bar of approvals: one column
// header, a line per category, a line per candidate, and where the
// threshold stands under them.
func (e *Screen) bars(v *session.Vote, r *session.Round) []string {
	s, t := e.c.Styles, e.c.Texts.V
	res := r.Result
	nw := 6
	for _, c := range res.Candidates {
		nw = max(nw, common.Width(e.c.CandidateLabel(c.Name))+map[bool]int{true: 2, false: 0}[c.WriteIn])
	}
	stw := 0
	for _, st := range []election.Status{election.Elected, election.InRunoff, election.NotElected} {
		stw = max(stw, common.Width(t.Status(st, r.Kind))+2)
	}
	numW := max(5, common.Width(t.ApproveShort)+1, common.Width(t.DisapproveShort)+1, common.Width(t.AbstainShort)+1)
	// A name with its unit (two people of one name) fits when the bar
	// keeps 12 cells; else the unit is cut, its start still shown.
	nw = max(6, min(nw, 26, e.w-2-3-2-2-3*numW-2-stw-12))
	bw := min(48, e.w-2-3-nw-2-2-3*numW-2-stw)
	bw = max(bw, 8)
	num := func(x string) string { return common.Rpad(x, numW) }
	head := "  " + "   " + common.Fit(t.CandidateHead, nw) + "  " + common.Fit("", bw) + "  " +
		num(t.ApproveShort) + num(t.DisapproveShort) + num(t.AbstainShort)
	// The scale of the bars: the collected ballots, so that the bars of
	// every category compare.
	scale := max(res.Collected, 1)
	for _, c := range res.Categories {
		if c.Threshold != nil && r.Kind != election.Runoff {
			scale = max(scale, *c.Threshold+1) // the threshold always on the bar
		}
	}
	out := []string{s.ColHeader.Render(head)}
	n := 0
	for _, cat := range res.Categories {
		var need *int
		if r.Kind != election.Runoff {
			need = cat.Threshold
		}
		if cat.Name != "" {
			out = append(out, "  "+s.ColHeader.Render(common.Cut(t.CategoryLine(cat.Name, cat.Seats, cat.Valid), e.w-2)))
		}
		for _, c := range res.Candidates {
			if c.Category != cat.Name {
				continue
			}
			no := "   "
			name := e.c.CandidateLabel(c.Name)
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

// bar draws approvals out of scale in w cells, with the threshold marked:
// three runs (filled, the threshold, empty), each rendered once.
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
	run := func(from, to int) { // cells [from, to) outside the threshold
		if f := min(fill, to) - from; f > 0 {
			b.WriteString(s.Name.Render(strings.Repeat("█", f)))
		}
		if g := to - max(fill, from); g > 0 {
			b.WriteString(s.Rule.Render(strings.Repeat("░", g)))
		}
	}
	if tp < 0 {
		run(0, w)
		return b.String()
	}
	run(0, tp)
	b.WriteString(s.Clock.Render("│"))
	run(tp+1, w)
	return b.String()
}

// speech is the words of RULES §6.5 for decided round i: the ballots
// announcement, the chief scrutineer's report of every candidate in ballot
// order, and the host's announcement of the elected in the approved
// order, the runoffs, second rounds and vacancies.
func (e *Screen) speech(v *session.Vote, i int) []string {
	c, t := e.c, e.c.Texts.V
	r := v.Rounds[i]
	res := r.Result
	out := []string{t.BallotSpeech(r.Issued, r.Collected, r.Void())}
	chief := t.NotChosen
	if v.Chief != "" {
		chief = c.PersonName(v.Chief)
	}
	var lines []string
	for _, cc := range res.Candidates {
		if cc.WriteIn {
			lines = append(lines, t.ReportWriteIn(cc.Name, cc.Approve))
		} else {
			lines = append(lines, t.ReportLine(c.CandidateLabel(cc.Name), cc.Approve, cc.Disapprove, cc.Abstain))
		}
	}
	valid := res.Valid
	var cats []string
	if res.CategoryOnly { // a tally sheet judged per category: its figures, no per-ballot one
		valid = -1
		for _, k := range res.Categories {
			cats = append(cats, t.CatCounts(k.Name, k.Valid, k.Invalid))
		}
	}
	out = append(out, t.ChiefReport(chief, valid, res.Invalid, cats)+t.JoinReport(lines))
	out = append(out, t.ElectedSpeech(e.roundNameAt(v, i), e.labels(res.Elected)))
	for _, p := range res.Runoffs {
		out = append(out, t.RunoffSpeech(p.Category, p.Seats, strings.Join(e.labels(p.Candidates), t.Sep)))
	}
	for _, p := range res.Vacancies {
		out = append(out, t.TiedVacantSpeech(p.Category, p.Seats, strings.Join(e.labels(p.Candidates), t.Sep)))
	}
	// After a second round the host may leave the seats vacant (v v):
	// then the words say so, never that another round will be held.
	vacated := r == v.Current() && len(res.SecondRounds) > 0 && !slices.ContainsFunc(v.Pending, func(p session.PendingRound) bool {
		return p.Kind == election.Second
	}) && len(v.Rounds) == r.No
	for _, p := range res.SecondRounds {
		if vacated {
			out = append(out, t.SecondVacantSpeech(p.Category, p.Seats))
			continue
		}
		out = append(out, t.SecondSpeech(p.Category, p.Seats))
	}
	if r == v.Current() {
		if _, _, ok := v.Next(); !ok {
			out = append(out, e.finalSpeech(v))
		}
	}
	return out
}

// labels writes names as the screens show them (a name two people share
// with the unit).
func (e *Screen) labels(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = e.c.CandidateLabel(n)
	}
	return out
}

// finalSpeech announces everyone elected in the approved order and the
// vacancies, once no round is due.
func (e *Screen) finalSpeech(v *session.Vote) string {
	t := e.c.Texts.V
	var names []string
	for _, c := range v.Elected() {
		names = append(names, e.c.CandidateLabel(c.Name))
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
			names = append(names, e.c.CandidateLabel(c.Name))
		}
		return append(out, e.terms([][2]string{{t.ElectedTitle, strings.Join(names, t.Sep)}})...)
	}
	var rows [][2]string
	for _, k := range v.Method.Categories {
		var names []string
		for _, c := range el {
			if c.Category == k.Name {
				names = append(names, e.c.CandidateLabel(c.Name))
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

// rehearsalCheck is a rehearsal's verdict on its first regular round: the
// test deck's expected figures (podium rehearse) against the count, PASS
// or FAIL with the first figures that differ. Nothing for a congress.
func (e *Screen) rehearsalCheck(v *session.Vote, i int) []string {
	setup := e.c.Setup
	if !setup.Rehearsal || setup.Election == nil {
		return nil
	}
	for j, r := range v.Rounds {
		if r.Kind == election.Regular && r.Result != nil && r.Result.RoundValid {
			if j != i {
				return nil
			}
			break
		}
	}
	d, err := deck.Build(setup.Election.Method, setup.Election.Candidates)
	if err != nil {
		return nil
	}
	s, t := e.c.Styles, e.c.Texts.V
	rep := d.Compare(*v.Rounds[i].Result)
	text, st := t.RehearsalPass(len(rep.Lines)), s.StPresent
	if !rep.Pass {
		var first []string
		for _, l := range rep.Failed() {
			if len(first) == 3 {
				break
			}
			first = append(first, fmt.Sprintf("%s %s %d/%d", strings.TrimSpace(l.Name+" "+l.Category), l.Field, l.Expected, l.Counted))
		}
		text, st = t.RehearsalFail(len(rep.Failed()), len(rep.Lines), strings.Join(first, t.Sep)), s.MsgErr
	}
	var out []string
	for _, l := range e.c.Wrap(text, e.w-2) {
		out = append(out, "  "+st.Render(l))
	}
	return out
}
