package election

import (
	"fmt"
	"strings"

	"podium/model"
	"podium/session"
	"podium/session/election"
	"podium/tui/common"
)

// The election screen's rendering: the step strip, the panels of each
// step, the double-entry differences and the scrutineer picker.

// View renders the election screen as exactly h lines of w columns.
func (e *Screen) View() []string {
	v := e.vote()
	if v == nil {
		return common.Block([]string{"", "  " + e.c.Styles.Dim.Render(e.c.Texts.V.NoElection)}, e.w, e.h)
	}
	switch e.mode {
	case ModeBallot:
		return e.ballot.view()
	case ModeTally:
		return e.tally.view()
	case ModePick:
		return e.pickView(v)
	}
	return e.stepsView(v)
}

// fit is common.Block(lines, e.w, n), remembering the lines it fitted: a
// decided round's lines are drawn once and shown many times, so they are
// measured once too.
func (e *Screen) fit(lines []string, n int) []string {
	if e.fitted == nil || e.fittedW != e.w || len(e.fitted) > 4096 {
		e.fitted, e.fittedW = map[string]string{}, e.w
	}
	out := make([]string, n)
	for i := range out {
		if i >= len(lines) {
			out[i] = strings.Repeat(" ", e.w)
			continue
		}
		f, ok := e.fitted[lines[i]]
		if !ok {
			f = common.Fit(lines[i], e.w)
			e.fitted[lines[i]] = f
		}
		out[i] = f
	}
	return out
}

// steps are the host's steps as the strip at the top shows them.
func (e *Screen) strip(v *session.Vote, act action) string {
	t, s := e.c.Texts.V, e.c.Styles
	here := map[action]int{actAdoptMethod: 0, actScrutineers: 1, actOpenRound: 2, actIssue: 3, actCollect: 3,
		actCount: 4, actDecide: 4, actChoose: 5, actDone: 5}[act]
	var parts []string
	for i, name := range t.Steps {
		switch {
		case i == here && act != actDone:
			parts = append(parts, s.ItemCurrent.Render("▶ "+name))
		case i < here || act == actDone:
			parts = append(parts, s.ItemDone.Render("✓ "+name))
		default:
			parts = append(parts, s.ItemTodo.Render("· "+name))
		}
	}
	return strings.Join(parts, "   ")
}

// stepsView is the host's view: the step strip, the current step's panel
// (with the results once a round is decided), and the next action pinned
// to the bottom.
func (e *Screen) stepsView(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	act := nextAction(v)
	title := t.Title
	if cur := v.Current(); cur != nil {
		title += s.Dim.Render(" · ") + e.roundNameAt(v, len(v.Rounds)-1)
	}
	top := []string{common.Spread(s.Title.Render(title), s.Dim.Render(t.Actor(e.c.Actor)), e.w), common.Cut(e.strip(v, act), e.w)}
	if e.h >= 30 {
		top = append(top, "")
	}
	var body []string
	switch e.mode {
	case ModeCounters:
		body = e.countersPanel(v)
	case ModeAdopt:
		if e.adopt.what == session.AdoptsScrutineers {
			body = append(e.countersPanel(v), "")
		}
		body = append(body, e.adoptLines()...)
		if votes := e.adoptionVotes(e.adopt.what); len(votes) > 0 {
			body = append(append(body, ""), votes...)
		}
	case ModeNumber:
		body = append(e.roundPanel(v), "", e.numberInput())
	default:
		body = e.panel(v, act)
	}
	bottom := []string{"", e.nextLine(v, act)}
	room := max(1, e.h-len(top)-len(bottom))
	e.scroll = max(0, min(e.scroll, len(body)-room))
	if e.mode == ModeNumber {
		e.scroll = max(0, len(body)-room)
	}
	end := min(len(body), e.scroll+room)
	view := body[e.scroll:end]
	if e.scroll > 0 || end < len(body) {
		bottom[0] = s.Dim.Render(t.More(e.scroll+1, end, len(body)))
	}
	// Each part fitted once: the body (long, colourful bars) is not
	// measured again.
	for i := range top {
		top[i] = common.Fit(top[i], e.w)
	}
	for i := range bottom {
		bottom[i] = common.Fit(bottom[i], e.w)
	}
	lines := append(top, e.fit(view, room)...)
	lines = append(lines, bottom...)
	if len(lines) != e.h {
		return common.Block(lines, e.w, e.h)
	}
	return lines
}

// panel is the body of the steps view for the current action.
func (e *Screen) panel(v *session.Vote, act action) []string {
	switch act {
	case actAdoptMethod:
		return e.methodPanel(v)
	case actScrutineers:
		return append(e.methodPanel(v), append([]string{""}, e.scrutineerLines(v)...)...)
	}
	var out []string
	if i := e.showIndex(v); e.showing(v, act) {
		out = append(out, e.resultLines(v, i)...)
		out = append(out, "")
		if act == actOpenRound || act == actChoose {
			out = append(out, e.nextRoundLines(v)...)
		}
		return out
	}
	if act == actOpenRound {
		out = append(out, e.nextRoundLines(v)...)
		out = append(out, "")
		out = append(out, e.scrutineerLines(v)...)
		return out
	}
	out = append(out, e.roundPanel(v)...)
	if act == actCount || act == actDecide {
		out = append(out, "")
		out = append(out, e.countLines(v)...)
	}
	return out
}

// nextLine is the one next action, with its key.
func (e *Screen) nextLine(v *session.Vote, act action) string {
	s, t, vk := e.c.Styles, e.c.Texts.V, e.c.Keys.Vote
	ek := vk.Next.Help().Key
	var what string
	switch act {
	case actAdoptMethod:
		what = t.NextMethod(ek)
	case actScrutineers:
		what = t.NextScrutineers(ek)
	case actOpenRound:
		next, revote, _ := v.Next()
		what = t.NextOpen(ek, e.roundName(len(v.Rounds)+1, next.Kind, revote))
	case actIssue:
		what = t.NextIssue(ek)
	case actCollect:
		what = t.NextCollect(ek)
	case actCount:
		what = t.NextCount(vk.Ballots.Help().Key, vk.Tally.Help().Key)
		switch v.Current().Mode() { // the other way switches, with a reason
		case session.EntryBallots:
			what = vk.Ballots.Help().Key + " " + t.HelpBallots + " · " + vk.Tally.Help().Key + " " + t.HelpSwitchTally
		case session.EntryTally:
			what = vk.Ballots.Help().Key + " " + t.HelpSwitchBallots + " · " + vk.Tally.Help().Key + " " + t.HelpTally
		}
	case actDecide:
		what = t.NextDecide(ek)
	case actChoose:
		what = t.NextChoose(ek, vk.Vacant.Help().Key)
	case actDone:
		what = t.Done
	}
	switch e.mode {
	case ModeNumber:
		what = t.NumberHint
	case ModeCounters:
		what = t.CountersHint
	case ModeAdopt:
		what = t.AdoptHint(e.c.Keys.Floor.Method.Help().Key)
	}
	return s.Prompt.Render(t.NextLabel) + s.Query.Render(what)
}

// methodPanel shows the method's terms in words and the candidates.
func (e *Screen) methodPanel(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	m := v.Method
	exp := c.Snap.Count.Expected
	head := s.SideTitle.Render(t.MethodTitle)
	if v.MethodAdopted != nil {
		head += "  " + s.Declared.Render(t.Adopted(c.Clock(v.MethodAdopted.At)))
	}
	out := []string{head}
	out = append(out, e.adoptionVotes(session.AdoptsMethod)...)
	var seats string
	if len(m.Categories) > 0 {
		var parts []string
		for _, k := range m.Categories {
			parts = append(parts, t.CatSeats(k.Name, k.Seats))
		}
		seats = t.SeatsWith(m.Seats, strings.Join(parts, " · "))
	} else {
		seats = t.SeatsOnly(m.Seats)
	}
	baseN := exp
	if m.ThresholdBase == model.BasePresent {
		baseN = c.Snap.Count.Present
	}
	need, known := v.ThresholdNeed(c.Snap.Count)
	if !known {
		baseN, need = -1, -1
	}
	_, quorumNeed := v.RoundQuorum(session.Count{Expected: exp})
	rows := [][2]string{
		{t.TermSeats, seats},
		{t.TermCandidates, t.CandidatesWords(len(v.Candidates), m.Seats)},
		{t.TermQuorum, t.QuorumWords(m.Quorum, exp, quorumNeed)},
		{t.TermThreshold, t.ThresholdWords(m.Threshold, m.ThresholdBase, baseN, need)},
		{t.TermWriteIns, t.WriteInsWords(m.WriteIns)},
		{t.TermOver, t.OverWords(m.OverSelection, len(m.Categories) > 0)},
		{t.TermRunoff, t.RunoffWords},
		{t.TermOrder, t.OrderWords},
	}
	out = append(out, e.terms(rows)...)
	out = append(out, "", s.SideTitle.Render(t.CandidatesTitle))
	out = append(out, e.slateLines(v.Candidates, m)...)
	return out
}

// terms lays out label/value rows, wrapping values by display width.
func (e *Screen) terms(rows [][2]string) []string {
	s := e.c.Styles
	lw := 0
	for _, r := range rows {
		lw = max(lw, common.Width(r[0]))
	}
	var out []string
	for _, r := range rows {
		for i, l := range e.c.Wrap(r[1], e.w-lw-6) {
			label := ""
			if i == 0 {
				label = r[0]
			}
			out = append(out, "  "+s.Dim.Render(common.Fit(label, lw))+"  "+l)
		}
	}
	return out
}

// slateLines lists candidates in ballot order, by category when the
// method has categories.
func (e *Screen) slateLines(slate []model.Candidate, m model.Method) []string {
	s, t := e.c.Styles, e.c.Texts.V
	var out []string
	if len(m.Categories) == 0 {
		var names []string
		for i, c := range slate {
			names = append(names, fmt.Sprintf("%d %s", i+1, e.c.CandidateLabel(c.Name)))
		}
		for _, l := range e.c.Wrap(strings.Join(names, "   "), e.w-4) {
			out = append(out, "  "+l)
		}
		return out
	}
	lw := 0
	for _, k := range m.Categories {
		lw = max(lw, common.Width(k.Name))
	}
	n := 0
	for _, k := range m.Categories {
		var names []string
		for _, c := range slate {
			if c.Category == k.Name {
				n++
				names = append(names, fmt.Sprintf("%d %s", n, e.c.CandidateLabel(c.Name)))
			}
		}
		if len(names) == 0 {
			continue
		}
		for i, l := range e.c.Wrap(strings.Join(names, "   "), e.w-lw-6) {
			label := ""
			if i == 0 {
				label = k.Name
			}
			out = append(out, "  "+s.Dim.Render(common.Fit(label, lw))+"  "+l)
		}
	}
	_ = t
	return out
}

// scrutineerLines shows the adopted scrutineers and counters.
func (e *Screen) scrutineerLines(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	head := s.SideTitle.Render(t.ScrutineersTitle)
	if v.ScrutineersAdopted != nil {
		head += "  " + s.Declared.Render(t.Adopted(c.Clock(v.ScrutineersAdopted.At)))
	}
	votes := e.adoptionVotes(session.AdoptsScrutineers)
	name := func(id string) string {
		if id == "" {
			return s.Dim.Render(t.NotChosen)
		}
		return c.PersonName(id)
	}
	counters := strings.Join(v.Counters, t.Sep)
	if counters == "" {
		counters = s.Dim.Render(t.NotChosen)
	}
	return append(append([]string{head}, votes...), e.terms([][2]string{
		{t.Scrutineer, name(v.Scrutineer)},
		{t.Chief, name(v.Chief)},
		{t.Counters, counters},
	})...)
}

// countersPanel is the counters' input after both scrutineers are chosen.
func (e *Screen) countersPanel(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	out := []string{s.SideTitle.Render(t.ScrutineersTitle)}
	out = append(out, e.terms([][2]string{
		{t.Scrutineer, c.PersonName(e.chosen[0])},
		{t.Chief, c.PersonName(e.chosen[1])},
	})...)
	e.counters.Prompt = t.Counters + " › "
	out = append(out, "", e.counters.View(s, 0))
	return out
}

// numberInput is the input line of the ballots issued or collected.
func (e *Screen) numberInput() string {
	s, t := e.c.Styles, e.c.Texts.V
	label := t.IssuedLabel
	if e.numWhat == actCollect {
		label = t.CollectedLabel
	}
	e.num.Prompt = label + " › "
	return e.num.View(s, 0)
}

// quorumWords is the sentence the host reads when a round opens (RULES
// §6.5), with the live numbers.
func (e *Screen) quorumWords(v *session.Vote, cnt session.Count) (string, bool) {
	t := e.c.Texts.V
	ok, need := v.RoundQuorum(cnt)
	return t.QuorumSpeech(cnt.Expected, cnt.Present, v.Method.Quorum, need, ok), ok
}

// nextRoundLines shows the round OpenRound would open, with the quorum
// check and its words, live.
func (e *Screen) nextRoundLines(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	next, revote, ok := v.Next()
	if !ok {
		return e.electedLines(v)
	}
	out := []string{s.SideTitle.Render(e.roundName(len(v.Rounds)+1, next.Kind, revote))}
	out = append(out, e.terms([][2]string{
		{t.OpenSeats, e.seatsWords(next.Seats, v.Method)},
		{t.Slate, e.names(next.Slate)},
	})...)
	words, met := e.quorumWords(v, e.c.Snap.Count)
	out = append(out, "", s.SideTitle.Render(t.QuorumTitle))
	st := s.StPresent
	if !met {
		st = s.MsgErr
	}
	for _, l := range e.c.Wrap(words, e.w-4) {
		out = append(out, "  "+st.Render(l))
	}
	return out
}

// seatsWords writes open seats per category.
func (e *Screen) seatsWords(seats map[string]int, m model.Method) string {
	t := e.c.Texts.V
	if len(m.Categories) == 0 {
		return t.SeatsOnly(seats[""])
	}
	var parts []string
	total := 0
	for _, k := range m.Categories {
		if n := seats[k.Name]; n > 0 {
			parts = append(parts, t.CatSeats(k.Name, n))
			total += n
		}
	}
	return t.SeatsWith(total, strings.Join(parts, " · "))
}

func (e *Screen) names(slate []model.Candidate) string {
	var n []string
	for _, c := range slate {
		n = append(n, e.c.CandidateLabel(c.Name))
	}
	return strings.Join(n, e.c.Texts.V.Sep)
}

// roundPanel shows the open round: the quorum words, issued and collected
// with the announcement.
func (e *Screen) roundPanel(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	cur := v.Current()
	if cur == nil {
		return nil
	}
	out := []string{s.SideTitle.Render(e.roundNameAt(v, len(v.Rounds)-1)) + "  " +
		s.Dim.Render(t.OpenedAt(e.c.Clock(cur.Opened.At)))}
	out = append(out, e.terms([][2]string{
		{t.OpenSeats, e.seatsWords(cur.Seats, v.Method)},
		{t.Slate, e.names(cur.Slate)},
	})...)
	words, _ := e.quorumWords(v, cur.Opened.Count)
	out = append(out, "", s.SideTitle.Render(t.QuorumTitle))
	for _, l := range e.c.Wrap(words, e.w-4) {
		out = append(out, "  "+s.Query.Render(l))
	}
	out = append(out, "", s.SideTitle.Render(t.BallotsTitle))
	issued, collected := t.NotYet, t.NotYet
	if cur.Issued >= 0 {
		issued = fmt.Sprint(cur.Issued)
	}
	if cur.Collected >= 0 {
		collected = fmt.Sprint(cur.Collected)
	}
	out = append(out, e.terms([][2]string{
		{t.IssuedLabel, issued},
		{t.CollectedLabel, collected},
	})...)
	if cur.Issued >= 0 && cur.Collected >= 0 {
		st := s.Query
		if cur.Void() {
			st = s.MsgErr
		}
		out = append(out, "")
		for _, l := range e.c.Wrap(t.BallotSpeech(cur.Issued, cur.Collected, cur.Void()), e.w-4) {
			out = append(out, "  "+st.Render(l))
		}
	}
	return out
}

// countLines shows the count in progress: each teller's stack, the
// differences between them, or the tally sheet entered.
func (e *Screen) countLines(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	cur := v.Current()
	out := []string{s.SideTitle.Render(t.CountTitle)}
	if cur.Tally != nil {
		return append(out, "  "+s.StPresent.Render(t.TallyEntered))
	}
	if len(cur.Tellers) == 0 {
		out = append(out, "  "+s.Dim.Render(t.NothingKeyed))
		for _, l := range e.c.Wrap(t.ZeroReport(len(cur.Slate), e.c.Keys.Vote.Print.Help().Key), e.w-4) {
			out = append(out, "  "+l)
		}
		return out
	}
	for _, tl := range cur.Tellers {
		n := len(cur.Entries[tl])
		line := fmt.Sprintf("  %s  %s", common.Fit(tl, 16), t.Keyed(n, cur.Collected))
		if n == cur.Collected {
			line = s.StPresent.Render(line)
		}
		out = append(out, line)
	}
	if len(cur.Tellers) == 1 {
		out = append(out, "  "+s.Dim.Render(t.SingleEntry))
	}
	out = append(out, "")
	out = append(out, e.diffLines(cur, e.w)...)
	return out
}

// diffLines lists every stack position where the tellers' ballots differ
// (as the core finds them), saying what differs.
func (e *Screen) diffLines(r *session.Round, w int) []string {
	s, t := e.c.Styles, e.c.Texts.V
	if len(r.Tellers) < 2 {
		return nil
	}
	diffs := r.PendingDiffers()
	if len(diffs) == 0 {
		return []string{"  " + s.StPresent.Render(t.NoDiffs)}
	}
	out := []string{"  " + s.MsgErr.Render(t.DiffsTitle(len(diffs)))}
	for _, i := range diffs {
		out = append(out, "  "+common.Cut(e.diffWords(r, i), w-2))
	}
	return out
}

// diffWords says what differs at stack position i.
func (e *Screen) diffWords(r *session.Round, i int) string {
	t := e.c.Texts.V
	var missing []string
	var have []string
	for _, tl := range r.Tellers {
		if i >= len(r.Entries[tl]) {
			missing = append(missing, tl)
		} else {
			have = append(have, tl)
		}
	}
	head := common.Fit(t.StackPos(i+1), 9) + " "
	if len(missing) > 0 {
		return head + t.MissingAt(strings.Join(missing, t.Sep))
	}
	a := r.Entries[have[0]][i]
	var parts []string
	for _, tl := range have[1:] {
		b := r.Entries[tl][i]
		for j, c := range r.Slate {
			ma, mb := markOf(a.Marks, j), markOf(b.Marks, j)
			if ma != mb {
				parts = append(parts, fmt.Sprintf("%s %s≠%s", e.c.CandidateLabel(c.Name), t.MarkGlyph(ma), t.MarkGlyph(mb)))
			}
		}
		if a.Spoiled != b.Spoiled {
			parts = append(parts, t.SpoiledDiffers)
		}
		if writeInsText(a.WriteIns) != writeInsText(b.WriteIns) {
			parts = append(parts, t.WriteInsDiffer)
		}
	}
	return head + strings.Join(have[:1], "") + " / " + strings.Join(have[1:], t.Sep) + t.Colon + strings.Join(parts, t.Sep)
}

func markOf(m []election.Mark, i int) election.Mark {
	if i < len(m) {
		return m[i]
	}
	return election.Abstain
}

func writeInsText(ws []election.WriteIn) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(w.Name + "/" + w.Category + ";")
	}
	return b.String()
}

// pickView is the scrutineer search: who is being chosen, the search and
// the list of present formal delegates.
func (e *Screen) pickView(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	role := t.Scrutineer
	if e.role == 1 {
		role = t.Chief
	}
	lines := []string{
		common.Spread(s.Title.Render(t.ScrutineersTitle), s.Dim.Render(t.Steps[1]), e.w),
		"  " + s.Dim.Render(t.Scrutineer+t.Colon) + e.chosenName(0) + "    " + s.Dim.Render(t.Chief+t.Colon) + e.chosenName(1),
		"",
	}
	e.pick.H = e.h - len(lines) - 1
	// Who the core would refuse is dimmed, and refused when picked.
	e.pick.Refuse = func(id string) bool { return e.c.CheckScrutineer(id, pickRole(e.role), e.chosen[0]) != nil }
	lines = append(lines, e.pick.View(e.w, t.Choosing(role), func(id string) string {
		for _, c := range v.Candidates {
			if c.PersonID == id {
				return t.IsCandidate
			}
		}
		return ""
	})...)
	return common.Block(lines, e.w, e.h)
}

func (e *Screen) chosenName(i int) string {
	if e.chosen[i] == "" {
		return e.c.Styles.Dim.Render(e.c.Texts.V.NotChosen)
	}
	return e.c.PersonName(e.chosen[i])
}
