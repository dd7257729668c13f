package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/agenda"
	"podium/session"
	"podium/session/election"
	"podium/session/rule"
)

// voteMode is what the election screen is doing.
type voteMode int

const (
	modeSteps    voteMode = iota // the steps, the current one's panel, results
	modePick                     // choosing the scrutineer, then the chief
	modeCounters                 // typing the counters' names
	modeNumber                   // typing the ballots issued or collected
	modeBallot                   // a teller keys ballots
	modeTally                    // a tally sheet is entered
)

// action is the one next thing the host does, as the core's state says.
type action int

const (
	actNone        action = iota
	actAdoptMethod        // 通过选举办法
	actScrutineers        // 通过监票人
	actOpenRound          // open the next round (first, again, runoff, second)
	actIssue              // record the ballots issued
	actCollect            // record the ballots collected
	actCount              // key the ballots or enter the tally sheet
	actDecide             // close the count and decide
	actChoose             // after a second round with seats open: another round or vacancy
	actDone               // every seat decided or vacant
	actVacant             // (confirming) leave the open seats vacant
)

// voteScreen is the election screen: the host's steps from the method to
// the announcement, the tellers' ballot entry and the tally sheet.
type voteScreen struct {
	c    *Common
	mode voteMode
	w, h int

	scroll  int    // first line of the steps view's body
	confirm action // a host action waiting for its second enter
	show    int    // index of the round whose results are shown; -1: the latest decided

	pick     *picker
	role     int // 0: choosing the scrutineer, 1: the chief
	chosen   [2]string
	counters string

	numWhat action // actIssue or actCollect
	// numFresh is set while num still holds the suggested figure: the
	// first digit typed replaces it instead of being appended.
	numFresh bool
	num      string

	ballot *ballotEntry
	tally  *tallyEntry
}

func newVoteScreen(c *Common) *voteScreen {
	return &voteScreen{c: c, show: -1, ballot: newBallotEntry(c), tally: newTallyEntry(c)}
}

func (e *voteScreen) setSize(w, h int) {
	e.w, e.h = w, h
	e.ballot.setSize(w, h)
	e.tally.setSize(w, h)
	if e.pick != nil {
		e.pick.h = h - 4
	}
}

// vote is the election as last read, nil without one.
func (e *voteScreen) vote() *session.Vote { return e.c.Snap.Vote }

// nextAction is the host's next action, read from the core's state.
func nextAction(v *session.Vote) action {
	switch {
	case v == nil:
		return actNone
	case v.MethodAdopted == nil:
		return actAdoptMethod
	case v.ScrutineersAdopted == nil:
		return actScrutineers
	}
	cur := v.Current()
	if cur == nil || cur.Void() {
		return actOpenRound
	}
	if cur.Decided == nil {
		switch {
		case cur.Issued < 0:
			return actIssue
		case cur.Collected < 0:
			return actCollect
		case cur.Tally != nil || cur.Agreed() == nil:
			return actDecide
		}
		return actCount
	}
	switch _, _, ok := v.Next(); {
	case !ok:
		return actDone
	case v.CanVacate():
		return actChoose
	}
	return actOpenRound
}

// update handles a key or a paste on the election screen.
func (e *voteScreen) update(msg tea.Msg) (*note, tea.Cmd) {
	v := e.vote()
	if v == nil {
		return nil, nil
	}
	switch e.mode {
	case modeBallot:
		n, back := e.ballot.update(msg)
		if back {
			e.mode = modeSteps
			return &note{}, nil
		}
		return n, nil
	case modeTally:
		n, back := e.tally.update(msg)
		if back {
			e.mode = modeSteps
			if n == nil {
				n = &note{}
			}
		}
		return n, nil
	case modePick:
		return e.updatePick(msg), nil
	case modeCounters:
		return e.updateCounters(msg), nil
	case modeNumber:
		return e.updateNumber(msg), nil
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	vk, t := e.c.Keys.Vote, e.c.Texts.V
	act := nextAction(v)
	if c := e.confirm; c != actNone {
		e.confirm = actNone
		switch {
		case c == actVacant && act == actChoose && key.Matches(k, vk.Vacant):
			return e.execute(actVacant), nil
		case c == act && key.Matches(k, vk.Next):
			return e.execute(act), nil
		case key.Matches(k, vk.Back):
			return &note{noteInfo, e.c.Texts.Cancelled}, nil
		}
	}
	switch {
	case key.Matches(k, vk.Next):
		return e.start(act), nil
	case key.Matches(k, vk.Ballots):
		if act != actCount && act != actDecide {
			return &note{noteInfo, t.NotNow}, nil
		}
		if cur := v.Current(); cur.Tally != nil {
			return &note{noteInfo, t.CountedByTally}, nil
		}
		e.ballot.begin()
		e.mode = modeBallot
	case key.Matches(k, vk.Tally):
		if act != actCount && act != actDecide {
			return &note{noteInfo, t.NotNow}, nil
		}
		if cur := v.Current(); len(cur.Tellers) > 0 {
			return &note{noteInfo, t.CountedByBallots}, nil
		}
		e.tally.begin()
		e.mode = modeTally
	case key.Matches(k, vk.Vacant):
		if act != actChoose {
			return &note{noteInfo, t.NotNow}, nil
		}
		e.confirm = actVacant
		return &note{noteAsk, t.ConfirmVacant(vk.Vacant.Help().Key, e.vacantSeats(v))}, nil
	case key.Matches(k, vk.Rounds):
		e.browse(v, k.String() == "left")
	case k.String() == "up":
		e.scroll--
	case k.String() == "down":
		e.scroll++
	case k.String() == "pgup":
		e.scroll -= max(1, e.h-4)
	case k.String() == "pgdown":
		e.scroll += max(1, e.h-4)
	case k.String() == "home":
		e.scroll = 0
	case k.String() == "end":
		e.scroll = 1 << 20
	}
	return nil, nil
}

// browse moves the results shown to the previous or next decided round.
func (e *voteScreen) browse(v *session.Vote, back bool) {
	var decided []int
	for i, r := range v.Rounds {
		if r.Decided != nil && r.Result != nil {
			decided = append(decided, i)
		}
	}
	if len(decided) == 0 {
		return
	}
	at := len(decided) - 1
	for j, i := range decided {
		if i == e.showIndex(v) {
			at = j
		}
	}
	if back {
		at = max(0, at-1)
	} else {
		at = min(len(decided)-1, at+1)
	}
	e.show = decided[at]
	if at == len(decided)-1 {
		e.show = -1
	}
	e.scroll = 0
}

// showIndex is the round whose results the steps view shows, -1 for none.
func (e *voteScreen) showIndex(v *session.Vote) int {
	if e.show >= 0 && e.show < len(v.Rounds) && v.Rounds[e.show].Result != nil {
		return e.show
	}
	for i := len(v.Rounds) - 1; i >= 0; i-- {
		if v.Rounds[i].Decided != nil && v.Rounds[i].Result != nil {
			return i
		}
	}
	return -1
}

// start begins the next action: inputs open at once, host decisions ask
// for a second enter.
func (e *voteScreen) start(act action) *note {
	c, t, vk := e.c, e.c.Texts.V, e.c.Keys.Vote
	v := e.vote()
	ek := vk.Next.Help().Key
	switch act {
	case actAdoptMethod:
		e.confirm = act
		return &note{noteAsk, t.ConfirmMethod(ek)}
	case actScrutineers:
		e.pick = newPicker(c, e.h-4)
		e.role = 0
		e.chosen = [2]string{v.Scrutineer, v.Chief}
		e.counters = strings.Join(v.Counters, "、")
		e.mode = modePick
		return &note{noteInfo, t.PickHint(t.Scrutineer)}
	case actOpenRound, actChoose:
		next, revote, _ := v.Next()
		e.confirm = act
		q := c.Snap.Count
		return &note{noteAsk, t.ConfirmOpen(ek, e.roundName(len(v.Rounds)+1, next.Kind, revote), q.Present, q.Expected)}
	case actIssue:
		e.mode, e.numWhat, e.num, e.numFresh = modeNumber, act, fmt.Sprint(c.Snap.Count.Present), true
		return nil
	case actCollect:
		e.mode, e.numWhat, e.num, e.numFresh = modeNumber, act, fmt.Sprint(v.Current().Issued), true
		return nil
	case actCount:
		if cur := v.Current(); len(cur.Tellers) > 0 {
			// Ask the core: it refuses with the tellers' counts and
			// differences until the stacks are whole and agree.
			e.confirm = act
			return &note{noteAsk, t.ConfirmDecide(ek)}
		}
		return &note{noteInfo, t.CountHow(vk.Ballots.Help().Key, vk.Tally.Help().Key)}
	case actDecide:
		e.confirm = act
		return &note{noteAsk, t.ConfirmDecide(ek)}
	case actDone:
		return &note{noteInfo, t.AllDone}
	}
	return nil
}

// execute carries out a confirmed host decision.
func (e *voteScreen) execute(act action) *note {
	c, t := e.c, e.c.Texts.V
	v := e.vote()
	var cmd session.Command
	switch act {
	case actAdoptMethod:
		cmd = session.AdoptMethod{Meta: c.Meta(), Method: v.Method}
	case actOpenRound:
		cmd = session.OpenRound{Meta: c.Meta()}
	case actChoose:
		cmd = session.OpenRound{Meta: c.Meta()}
	case actVacant:
		cmd = session.DeclareVacant{Meta: c.Meta()}
	case actDecide, actCount:
		cmd = session.DecideRound{Meta: c.Meta()}
	default:
		return nil
	}
	if _, err := c.Exec(cmd); err != nil {
		return e.refusal(err)
	}
	v = e.vote()
	e.scroll, e.show = 0, -1
	switch cmd.(type) {
	case session.AdoptMethod:
		return &note{noteOK, t.MethodAdopted}
	case session.OpenRound:
		cur := v.Current()
		e.ballot.reset()
		e.tally.reset()
		return &note{noteOK, t.RoundOpened(e.roundName(cur.No, cur.Kind, false), cur.Opened.Count.Present, cur.Opened.Count.Expected)}
	case session.DeclareVacant:
		return &note{noteOK, t.VacancyDeclared}
	case session.DecideRound:
		return &note{noteOK, t.Decided(len(v.Current().Result.Elected))}
	}
	return nil
}

func (e *voteScreen) refusal(err error) *note {
	text, calm := e.c.Texts.Refusal(err, e.c.personName)
	if calm {
		return &note{noteInfo, text}
	}
	return &note{noteErr, text}
}

// vacantSeats is the seats a vacancy would leave, in words.
func (e *voteScreen) vacantSeats(v *session.Vote) string {
	t := e.c.Texts.V
	var parts []string
	for _, p := range v.Pending {
		if p.Kind == election.Second {
			parts = append(parts, t.CatSeats(p.Category, p.Seats))
		}
	}
	return strings.Join(parts, t.Sep)
}

// roundName names a round: 第1轮, 第2轮（重新投票）.
func (e *voteScreen) roundName(no int, k election.Kind, revote bool) string {
	return e.c.Texts.V.RoundName(no, k, revote)
}

// updateNumber edits and records the ballots issued or collected.
func (e *voteScreen) updateNumber(msg tea.Msg) *note {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	c, t := e.c, e.c.Texts.V
	switch {
	case k.String() == "esc":
		e.mode = modeSteps
		return &note{noteInfo, c.Texts.Cancelled}
	case k.String() == "backspace":
		e.numFresh = false
		if e.num != "" {
			e.num = e.num[:len(e.num)-1]
		}
	case k.String() == "ctrl+u":
		e.num, e.numFresh = "", false
	case k.String() == "enter":
		n := 0
		if _, err := fmt.Sscan(e.num, &n); err != nil {
			return &note{noteErr, t.NotANumber}
		}
		var cmd session.Command = session.IssueBallots{Meta: c.Meta(), N: n}
		if e.numWhat == actCollect {
			cmd = session.CollectBallots{Meta: c.Meta(), N: n}
		}
		if _, err := c.Exec(cmd); err != nil {
			return e.refusal(err)
		}
		e.mode = modeSteps
		e.scroll = 0
		cur := e.vote().Current()
		if e.numWhat == actIssue {
			return &note{noteOK, t.IssuedOK(cur.Issued)}
		}
		if cur.Void() {
			return &note{noteErr, t.CollectedVoid(cur.Issued, cur.Collected)}
		}
		return &note{noteOK, t.CollectedOK(cur.Issued, cur.Collected)}
	case len(k.Text) == 1 && k.Text[0] >= '0' && k.Text[0] <= '9' && (e.numFresh || len(e.num) < 6):
		if e.numFresh {
			e.num, e.numFresh = "", false
		}
		e.num += k.Text
	}
	return nil
}

// updatePick chooses the scrutineer and then the chief scrutineer.
func (e *voteScreen) updatePick(msg tea.Msg) *note {
	t := e.c.Texts.V
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			if e.role == 1 {
				e.role = 0
				e.pick.setQuery("")
				return &note{noteInfo, t.PickHint(t.Scrutineer)}
			}
			e.mode = modeSteps
			return &note{noteInfo, e.c.Texts.Cancelled}
		case "enter":
			id := e.pick.selectedID()
			if id == "" {
				return &note{noteInfo, e.c.Texts.EmptyList}
			}
			e.chosen[e.role] = id
			e.pick.setQuery("")
			if e.role == 0 {
				e.role = 1
				return &note{noteInfo, t.PickHint(t.Chief)}
			}
			e.mode = modeCounters
			return &note{noteInfo, t.CountersHint}
		}
	}
	e.pick.update(msg)
	return nil
}

// updateCounters edits the counters' names and adopts the scrutineers.
func (e *voteScreen) updateCounters(msg tea.Msg) *note {
	c, t := e.c, e.c.Texts.V
	switch k := msg.(type) {
	case tea.PasteMsg:
		e.counters += k.Content
	case tea.KeyPressMsg:
		switch {
		case k.String() == "esc":
			e.mode, e.role = modePick, 1
			return &note{noteInfo, t.PickHint(t.Chief)}
		case k.String() == "backspace":
			if r := []rune(e.counters); len(r) > 0 {
				e.counters = string(r[:len(r)-1])
			}
		case k.String() == "enter":
			cmd := session.AdoptScrutineers{Meta: c.Meta(), Scrutineer: e.chosen[0], Chief: e.chosen[1], Counters: splitNames(e.counters)}
			if _, err := c.Exec(cmd); err != nil {
				var se *session.ScrutineerError
				if errors.As(err, &se) {
					e.mode, e.role = modePick, 0
					if se.Role == "chief" {
						e.role = 1
					}
					e.pick.setQuery("")
				}
				return e.refusal(err)
			}
			e.mode = modeSteps
			v := e.vote()
			return &note{noteOK, t.ScrutineersAdopted(c.personName(v.Scrutineer), c.personName(v.Chief))}
		case k.Text != "" && k.Mod&(tea.ModCtrl|tea.ModAlt|tea.ModSuper) == 0:
			e.counters += k.Text
		}
	}
	return nil
}

// splitNames splits the counters typed as one line: 、，, ; and spaces
// separate names.
func splitNames(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '、' || r == ',' || r == '，' || r == ';' || r == '；' || r == ' ' || r == '\u3000'
	})
	return f
}

// view renders the election screen as exactly h lines of w columns.
func (e *voteScreen) view() []string {
	v := e.vote()
	if v == nil {
		return block([]string{"", "  " + e.c.Styles.Dim.Render(e.c.Texts.V.NoElection)}, e.w, e.h)
	}
	switch e.mode {
	case modeBallot:
		return e.ballot.view()
	case modeTally:
		return e.tally.view()
	case modePick:
		return e.pickView(v)
	}
	return e.stepsView(v)
}

// steps are the host's steps as the strip at the top shows them.
func (e *voteScreen) strip(v *session.Vote, act action) string {
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
func (e *voteScreen) stepsView(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	act := nextAction(v)
	title := t.Title
	if cur := v.Current(); cur != nil {
		title += s.Dim.Render(" · ") + e.roundName(cur.No, cur.Kind, false)
	}
	top := []string{spread(s.Title.Render(title), s.Dim.Render(t.Actor(e.c.Actor)), e.w), cut(e.strip(v, act), e.w), ""}
	var body []string
	switch e.mode {
	case modeCounters:
		body = e.countersPanel(v)
	case modeNumber:
		body = append(e.roundPanel(v), "", e.numberInput())
	default:
		body = e.panel(v, act)
	}
	bottom := []string{"", e.nextLine(v, act)}
	room := max(1, e.h-len(top)-len(bottom))
	e.scroll = max(0, min(e.scroll, len(body)-room))
	if e.mode == modeNumber {
		e.scroll = max(0, len(body)-room)
	}
	end := min(len(body), e.scroll+room)
	view := body[e.scroll:end]
	if e.scroll > 0 || end < len(body) {
		bottom[0] = s.Dim.Render(t.More(e.scroll+1, end, len(body)))
	}
	lines := append(top, block(view, e.w, room)...)
	lines = append(lines, bottom...)
	return block(lines, e.w, e.h)
}

// panel is the body of the steps view for the current action.
func (e *voteScreen) panel(v *session.Vote, act action) []string {
	switch act {
	case actAdoptMethod:
		return e.methodPanel(v)
	case actScrutineers:
		return append(e.methodPanel(v), append([]string{""}, e.scrutineerLines(v)...)...)
	}
	var out []string
	if i := e.showIndex(v); i >= 0 && (act == actOpenRound || act == actChoose || act == actDone || e.show >= 0) {
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
func (e *voteScreen) nextLine(v *session.Vote, act action) string {
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
	case actDecide:
		what = t.NextDecide(ek)
	case actChoose:
		what = t.NextChoose(ek, vk.Vacant.Help().Key)
	case actDone:
		what = t.Done
	}
	switch e.mode {
	case modeNumber:
		what = t.NumberHint
	case modeCounters:
		what = t.CountersHint
	}
	return s.Prompt.Render(t.NextLabel) + s.Query.Render(what)
}

// methodPanel shows the method's terms in words and the candidates.
func (e *voteScreen) methodPanel(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	m := v.Method
	exp := c.Snap.Count.Expected
	head := s.SideTitle.Render(t.MethodTitle)
	if v.MethodAdopted != nil {
		head += "  " + s.Declared.Render(t.Adopted(c.clock(v.MethodAdopted.At)))
	}
	out := []string{head}
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
	switch m.ThresholdBase {
	case agenda.BasePresent:
		baseN = c.Snap.Count.Present
	case agenda.BaseValid:
		baseN = -1
	}
	need := -1
	if baseN >= 0 {
		need = rule.Need(m.Threshold, baseN)
	}
	rows := [][2]string{
		{t.TermSeats, seats},
		{t.TermCandidates, t.CandidatesWords(len(v.Candidates), m.Seats)},
		{t.TermQuorum, t.QuorumWords(c.Texts.Rule(m.Quorum), exp, rule.Need(m.Quorum, exp))},
		{t.TermThreshold, t.ThresholdWords(c.Texts.Rule(m.Threshold), m.ThresholdBase, baseN, need)},
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
func (e *voteScreen) terms(rows [][2]string) []string {
	s := e.c.Styles
	lw := 0
	for _, r := range rows {
		lw = max(lw, width(r[0]))
	}
	var out []string
	for _, r := range rows {
		for i, l := range wrap(r[1], e.w-lw-6) {
			label := ""
			if i == 0 {
				label = r[0]
			}
			out = append(out, "  "+s.Dim.Render(fit(label, lw))+"  "+l)
		}
	}
	return out
}

// slateLines lists candidates in ballot order, by category when the
// method has categories.
func (e *voteScreen) slateLines(slate []agenda.Candidate, m agenda.Method) []string {
	s, t := e.c.Styles, e.c.Texts.V
	var out []string
	if len(m.Categories) == 0 {
		var names []string
		for i, c := range slate {
			names = append(names, fmt.Sprintf("%d %s", i+1, c.Name))
		}
		for _, l := range wrap(strings.Join(names, "   "), e.w-4) {
			out = append(out, "  "+l)
		}
		return out
	}
	lw := 0
	for _, k := range m.Categories {
		lw = max(lw, width(k.Name))
	}
	n := 0
	for _, k := range m.Categories {
		var names []string
		for _, c := range slate {
			if c.Category == k.Name {
				n++
				names = append(names, fmt.Sprintf("%d %s", n, c.Name))
			}
		}
		if len(names) == 0 {
			continue
		}
		for i, l := range wrap(strings.Join(names, "   "), e.w-lw-6) {
			label := ""
			if i == 0 {
				label = k.Name
			}
			out = append(out, "  "+s.Dim.Render(fit(label, lw))+"  "+l)
		}
	}
	_ = t
	return out
}

// scrutineerLines shows the adopted scrutineers and counters.
func (e *voteScreen) scrutineerLines(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	head := s.SideTitle.Render(t.ScrutineersTitle)
	if v.ScrutineersAdopted != nil {
		head += "  " + s.Declared.Render(t.Adopted(c.clock(v.ScrutineersAdopted.At)))
	}
	name := func(id string) string {
		if id == "" {
			return s.Dim.Render(t.NotChosen)
		}
		return c.personName(id)
	}
	counters := strings.Join(v.Counters, "、")
	if counters == "" {
		counters = s.Dim.Render(t.NotChosen)
	}
	return append([]string{head}, e.terms([][2]string{
		{t.Scrutineer, name(v.Scrutineer)},
		{t.Chief, name(v.Chief)},
		{t.Counters, counters},
	})...)
}

// countersPanel is the counters' input after both scrutineers are chosen.
func (e *voteScreen) countersPanel(v *session.Vote) []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts.V
	out := []string{s.SideTitle.Render(t.ScrutineersTitle)}
	out = append(out, e.terms([][2]string{
		{t.Scrutineer, c.personName(e.chosen[0])},
		{t.Chief, c.personName(e.chosen[1])},
	})...)
	out = append(out, "", s.Prompt.Render(t.Counters+" › ")+s.Query.Render(e.counters)+s.Cursor.Render("█"))
	return out
}

// numberInput is the input line of the ballots issued or collected.
func (e *voteScreen) numberInput() string {
	s, t := e.c.Styles, e.c.Texts.V
	label := t.IssuedLabel
	if e.numWhat == actCollect {
		label = t.CollectedLabel
	}
	return s.Prompt.Render(label+" › ") + s.Query.Render(e.num) + s.Cursor.Render("█")
}

// quorumWords is the sentence the host reads when a round opens (RULES
// §6.5), with the live numbers.
func (e *voteScreen) quorumWords(v *session.Vote, cnt session.Count) (string, bool) {
	t := e.c.Texts.V
	m := v.Method
	need := rule.Need(m.Quorum, cnt.Expected)
	ok := rule.Meets(m.Quorum, cnt.Present, cnt.Expected)
	return t.QuorumSpeech(cnt.Expected, cnt.Present, m.Quorum, need, ok), ok
}

// nextRoundLines shows the round OpenRound would open, with the quorum
// check and its words, live.
func (e *voteScreen) nextRoundLines(v *session.Vote) []string {
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
	for _, l := range wrap(words, e.w-4) {
		out = append(out, "  "+st.Render(l))
	}
	return out
}

// seatsWords writes open seats per category.
func (e *voteScreen) seatsWords(seats map[string]int, m agenda.Method) string {
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

func (e *voteScreen) names(slate []agenda.Candidate) string {
	var n []string
	for _, c := range slate {
		n = append(n, c.Name)
	}
	return strings.Join(n, e.c.Texts.V.Sep)
}

// roundPanel shows the open round: the quorum words, issued and collected
// with the announcement.
func (e *voteScreen) roundPanel(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	cur := v.Current()
	if cur == nil {
		return nil
	}
	out := []string{s.SideTitle.Render(e.roundName(cur.No, cur.Kind, false)) + "  " +
		s.Dim.Render(t.OpenedAt(e.c.clock(cur.Opened.At)))}
	out = append(out, e.terms([][2]string{
		{t.OpenSeats, e.seatsWords(cur.Seats, v.Method)},
		{t.Slate, e.names(cur.Slate)},
	})...)
	words, _ := e.quorumWords(v, cur.Opened.Count)
	out = append(out, "", s.SideTitle.Render(t.QuorumTitle))
	for _, l := range wrap(words, e.w-4) {
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
		for _, l := range wrap(t.BallotSpeech(cur.Issued, cur.Collected), e.w-4) {
			out = append(out, "  "+st.Render(l))
		}
	}
	return out
}

// countLines shows the count in progress: each teller's stack, the
// differences between them, or the tally sheet entered.
func (e *voteScreen) countLines(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	cur := v.Current()
	out := []string{s.SideTitle.Render(t.CountTitle)}
	if cur.Tally != nil {
		return append(out, "  "+s.StPresent.Render(t.TallyEntered))
	}
	if len(cur.Tellers) == 0 {
		return append(out, "  "+s.Dim.Render(t.NothingKeyed))
	}
	for _, tl := range cur.Tellers {
		n := len(cur.Entries[tl])
		line := fmt.Sprintf("  %s  %s", fit(tl, 16), t.Keyed(n, cur.Collected))
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
func (e *voteScreen) diffLines(r *session.Round, w int) []string {
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
		out = append(out, "  "+cut(e.diffWords(r, i), w-2))
	}
	return out
}

// diffWords says what differs at stack position i.
func (e *voteScreen) diffWords(r *session.Round, i int) string {
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
	head := fit(t.StackPos(i+1), 9) + " "
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
				parts = append(parts, fmt.Sprintf("%s %s≠%s", c.Name, t.MarkGlyph(ma), t.MarkGlyph(mb)))
			}
		}
		if a.Spoiled != b.Spoiled {
			parts = append(parts, t.SpoiledDiffers)
		}
		if writeInsText(a.WriteIns) != writeInsText(b.WriteIns) {
			parts = append(parts, t.WriteInsDiffer)
		}
	}
	return head + strings.Join(have[:1], "") + " / " + strings.Join(have[1:], "、") + "：" + strings.Join(parts, t.Sep)
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
func (e *voteScreen) pickView(v *session.Vote) []string {
	s, t := e.c.Styles, e.c.Texts.V
	role := t.Scrutineer
	if e.role == 1 {
		role = t.Chief
	}
	lines := []string{
		spread(s.Title.Render(t.ScrutineersTitle), s.Dim.Render(t.Steps[1]), e.w),
		"  " + s.Dim.Render(t.Scrutineer+"：") + e.chosenName(0) + "    " + s.Dim.Render(t.Chief+"：") + e.chosenName(1),
		"",
	}
	e.pick.h = e.h - len(lines) - 1
	lines = append(lines, e.pick.view(e.w, t.Choosing(role), func(id string) string {
		for _, c := range v.Candidates {
			if c.PersonID == id {
				return t.IsCandidate
			}
		}
		return ""
	})...)
	return block(lines, e.w, e.h)
}

func (e *voteScreen) chosenName(i int) string {
	if e.chosen[i] == "" {
		return e.c.Styles.Dim.Render(e.c.Texts.V.NotChosen)
	}
	return e.c.personName(e.chosen[i])
}

// wrap breaks s into lines of at most w display columns, at spaces when
// it can (Latin text) and anywhere between Han characters.
func wrap(s string, w int) []string {
	if w <= 4 || width(s) <= w {
		return []string{s}
	}
	var out []string
	var line []rune
	lastSpace := -1
	for _, r := range s {
		line = append(line, r)
		if r == ' ' {
			lastSpace = len(line) - 1
		}
		if width(string(line)) > w {
			switch {
			case lastSpace > 0:
				out = append(out, strings.TrimRight(string(line[:lastSpace]), " "))
				line = append([]rune(nil), line[lastSpace+1:]...)
			case strings.ContainsRune("、，。；：）", r) && len(line) > 2:
				// Chinese punctuation never starts a line: take the
				// character before it along.
				out = append(out, string(line[:len(line)-2]))
				line = append([]rune(nil), line[len(line)-2:]...)
			default:
				out = append(out, string(line[:len(line)-1]))
				line = []rune{r}
			}
			lastSpace = -1
			for j, x := range line {
				if x == ' ' {
					lastSpace = j
				}
			}
		}
	}
	if len(line) > 0 {
		out = append(out, string(line))
	}
	return out
}
