// Package election is the election screen: the host's steps from the
// method to the announcement (RULES §6), the tellers' ballot entry with
// double entry, the tally sheet, and the results of every round.
package election

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/tui/widgets"
)

// Mode is what the election screen is doing.
type Mode int

// The modes of the election screen.
const (
	ModeSteps    Mode = iota // the steps, the current one's panel, results
	ModePick                 // choosing the scrutineer, then the chief
	ModeCounters             // typing the counters' names
	ModeNumber               // typing the ballots issued or collected
	ModeBallot               // a teller keys ballots
	ModeTally                // a tally sheet is entered
	ModeAdopt                // the congress's vote on the method or the scrutineer list
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

// ID is the election screen.
const ID common.ScreenID = "election"

// Screen is the election screen: the host's steps from the method to
// the announcement, the tellers' ballot entry and the tally sheet.
type Screen struct {
	c    *common.Common
	mode Mode
	w, h int

	scroll int  // first line of the steps view's body
	show   int  // index of the round whose results are shown; -1: the latest decided
	page   page // the results or the words to read
	// drawn are the pages of decided rounds already drawn (results.go);
	// fitted the lines already fitted to the width fittedW.
	drawn   map[drawnKey][]string
	fitted  map[string]string
	fittedW int

	pick     *widgets.Picker
	role     int // 0: choosing the scrutineer, 1: the chief
	chosen   [2]string
	counters widgets.Input // the counters' names, as one line

	numWhat action // actIssue or actCollect
	// num is the ballots issued or collected: it opens on the suggested
	// figure, which the first digit typed replaces.
	num widgets.Input

	ballot *ballotEntry
	tally  *tallyEntry
	adopt  adoptVote
}

// New returns the election screen.
func New(c *common.Common) common.Screen {
	return &Screen{c: c, show: -1, ballot: newBallotEntry(c), tally: newTallyEntry(c),
		counters: widgets.NewRaw(), num: widgets.NewNumber(6)}
}

// SetSize gives the screen its area.
func (e *Screen) SetSize(w, h int) {
	e.w, e.h = w, h
	e.ballot.setSize(w, h)
	e.tally.setSize(w, h)
	if e.pick != nil {
		e.pick.H = h - 4
	}
}

// vote is the election as last read, nil without one.
func (e *Screen) vote() *session.Vote { return e.c.Snap.Vote }

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

// Update handles a key or a paste: the mode's input or editor has it, or
// the steps' table runs it.
func (e *Screen) Update(msg tea.Msg) tea.Cmd {
	v := e.vote()
	if v == nil {
		return nil
	}
	switch e.mode {
	case ModeBallot:
		n, back := e.ballot.update(msg)
		e.c.Tell(n)
		if back {
			e.mode = ModeSteps
		}
	case ModeTally:
		n, back := e.tally.update(msg)
		e.c.Tell(n)
		if back {
			e.mode = ModeSteps
		}
	case ModePick:
		e.c.Tell(e.updatePick(msg))
	case ModeCounters:
		e.c.Tell(e.updateCounters(msg))
	case ModeNumber:
		e.c.Tell(e.updateNumber(msg))
	case ModeAdopt:
		e.c.Tell(e.updateAdopt(msg))
	default:
		if k, ok := msg.(tea.KeyPressMsg); ok {
			cmd, _ := common.Handle(e.Keys(), k)
			return cmd
		}
	}
	return nil
}

// Typing reports whether a text input has the keyboard, so that ? is a
// character: choosing the scrutineers, typing the counters, a write-in
// name or a spoiled ballot's reason. Ballot entry, the tally sheet's
// cells and the ballots issued take no ?, which shows the keys there.
func (e *Screen) Typing() bool {
	switch e.mode {
	case ModePick, ModeCounters:
		return true
	case ModeBallot:
		return e.ballot.input != inputNone
	case ModeTally:
		return e.tally.input
	}
	return false
}

// Mode is what the screen is doing.
func (e *Screen) Mode() Mode { return e.mode }

// Keys is the table of what the screen is doing: ballot entry's, the tally
// sheet's, an input's, or the steps' (the next step, count by ballots or
// by tally sheet, leave seats vacant, browse the rounds, scroll); then the
// frame's keys the election screen shows.
func (e *Screen) Keys() []common.Binding {
	k, vk := e.c.Keys, e.c.Keys.Vote
	v := e.vote()
	gen := []common.Binding{common.FrameKey(k.ToDesk).In(false, 2), common.FrameKey(k.ToAgenda).In(false, 2),
		common.FrameKey(k.AddNote).In(false, 2), common.FrameKey(k.NextItem).In(false, 2), common.FrameKey(k.EndItem).In(false, 2),
		common.FrameKey(k.Help).In(false, 2), common.FrameKey(k.Quit).In(false, 2)}
	if v == nil {
		return gen
	}
	switch e.mode {
	case ModeBallot:
		if _, r := e.ballot.cur(); r != nil {
			return e.ballot.keys(v, r)
		}
		return nil
	case ModeTally:
		if _, r := e.tally.cur(); r != nil {
			return append(e.tally.keys(v, r), gen...)
		}
		return nil
	case ModePick:
		return append([]common.Binding{common.FrameKey(k.Up).In(true, 1), common.FrameKey(vk.Pick).In(true, 1),
			common.FrameKey(vk.Back).In(true, 0)}, gen...)
	case ModeNumber, ModeCounters:
		return append([]common.Binding{common.FrameKey(vk.Confirm).In(true, 1), common.FrameKey(vk.Back).In(true, 0)}, gen...)
	case ModeAdopt:
		return append([]common.Binding{common.FrameKey(vk.Confirm).For(stepCommand(nextAction(v))).In(true, 1),
			common.FrameKey(k.Floor.Tab).In(true, 1), common.FrameKey(k.Floor.Method).In(true, 1),
			common.FrameKey(vk.Back).In(true, 0)}, gen...)
	}
	act := nextAction(v)
	count := act == actCount || act == actDecide
	scroll := func(m tea.KeyPressMsg) tea.Cmd {
		switch m.String() {
		case "up":
			e.scroll--
		case "down":
			e.scroll++
		case "pgup":
			e.scroll -= max(1, e.h-4)
		case "pgdown":
			e.scroll += max(1, e.h-4)
		case "home":
			e.scroll = 0
		case "end":
			e.scroll = 1 << 20
		}
		return nil
	}
	// The keys of what can be done now: a key of another step is not in
	// the table (nor in the help). b and t count the round one way or the
	// other; when it is counted the other way already, the same key
	// switches it (the host, with a reason; what was entered is set
	// aside), never a dead end.
	t := []common.Binding{
		common.Key(vk.Next, func() { e.c.Tell(e.start(nextAction(e.vote()))) }).For(stepCommand(act)).In(true, 1),
	}
	if count {
		ballotsKey := common.Key(vk.Ballots, e.ballots).For(session.EnterBallot{}).In(true, 1)
		tallyKey := common.Key(vk.Tally, e.tallySheet).For(session.EnterTally{}).In(true, 1)
		if cur := v.Current(); cur != nil {
			switch cur.Mode() {
			case session.EntryTally:
				ballotsKey = common.Key(vk.SwitchBallots, func() { e.switchTo(session.EntryBallots) }).For(session.SwitchEntry{}).In(true, 1)
			case session.EntryBallots:
				tallyKey = common.Key(vk.SwitchTally, func() { e.switchTo(session.EntryTally) }).For(session.SwitchEntry{}).In(true, 1)
			}
		}
		t = append(t, ballotsKey, tallyKey)
	}
	if act == actChoose {
		t = append(t, common.Key(vk.Vacant, e.vacant).For(session.DeclareVacant{}).In(true, 1))
	}
	if e.showing(v, act) {
		if len(decidedRounds(v)) > 1 {
			t = append(t, common.KeyMsg(vk.Rounds, func(m tea.KeyPressMsg) tea.Cmd {
				e.browse(e.vote(), m.String() == "left")
				return nil
			}).In(true, 1))
		}
		t = append(t, common.Key(vk.Speech, func() {
			e.page = 1 - e.page
			e.scroll = 0
		}).In(true, 1))
	}
	t = append(t,
		common.KeyMsg(vk.Print, func(tea.KeyPressMsg) tea.Cmd { return e.c.Frame.Print() }).For(session.OpenRound{}).In(false, 2),
		common.KeyMsg(vk.Scroll, scroll).In(true, 1),
		common.KeyMsg(homeEnd, scroll),
		common.FrameKey(k.ToDesk).In(true, 1),
		common.More(k, 0),
	)
	return append(t, gen...)
}

// homeEnd scrolls the steps view to its top or its end.
var homeEnd = key.NewBinding(key.WithKeys("home", "end"))

// stepCommand is the command the next step gives: what a role must be
// permitted for enter on the steps view.
func stepCommand(act action) session.Command {
	switch act {
	case actAdoptMethod:
		return session.AdoptMethod{}
	case actScrutineers:
		return session.AdoptScrutineers{}
	case actIssue:
		return session.IssueBallots{}
	case actCollect:
		return session.CollectBallots{}
	case actCount, actDecide:
		return session.DecideRound{}
	}
	return session.OpenRound{}
}

// ballots opens ballot entry when the count is on and not by tally sheet.
func (e *Screen) ballots() {
	t := e.c.Texts.V
	v := e.vote()
	if act := nextAction(v); act != actCount && act != actDecide {
		e.c.Say(common.Info(t.NotNow))
		return
	}
	if cur := v.Current(); cur.Mode() == session.EntryTally {
		e.c.Say(common.Info(t.CountedByTally))
		return
	}
	e.ballot.begin()
	e.mode = ModeBallot
}

// tallySheet opens the tally sheet when the count is on and no ballots
// were keyed.
func (e *Screen) tallySheet() {
	t := e.c.Texts.V
	v := e.vote()
	if act := nextAction(v); act != actCount && act != actDecide {
		e.c.Say(common.Info(t.NotNow))
		return
	}
	if cur := v.Current(); cur.Mode() == session.EntryBallots {
		e.c.Say(common.Info(t.CountedByBallots))
		return
	}
	e.tally.begin()
	e.mode = ModeTally
}

// vacant asks to leave the open seats vacant, after a second round.
func (e *Screen) vacant() {
	vk, t := e.c.Keys.Vote, e.c.Texts.V
	v := e.vote()
	if nextAction(v) != actChoose {
		e.c.Say(common.Info(t.NotNow))
		return
	}
	if err := e.c.Check(session.DeclareVacant{Meta: e.c.Meta()}); err != nil {
		e.c.Tell(e.refusal(err))
		return
	}
	e.c.Frame.Confirm(vk.Vacant, t.ConfirmVacant(vk.Vacant.Help().Key, e.vacantSeats(v)), func() {
		if nextAction(e.vote()) == actChoose {
			e.c.Tell(e.execute(actVacant))
			return
		}
		e.vacant()
	})
}

// confirm asks for enter again before act, unless the core would refuse
// it now (said at once, with the numbers): if the next action is still
// act then, it is executed; else the new one begins.
func (e *Screen) confirm(act action, question string) {
	if cmd := e.command(act); cmd != nil {
		if err := e.c.Check(cmd); err != nil {
			e.c.Tell(e.refusal(err))
			return
		}
	}
	e.c.Frame.Confirm(e.c.Keys.Vote.Next, question, func() {
		if now := nextAction(e.vote()); now != act {
			e.c.Tell(e.start(now))
			return
		}
		e.c.Tell(e.execute(act))
	})
}

// browse moves the results shown to the previous or next decided round.
func (e *Screen) browse(v *session.Vote, back bool) {
	decided := decidedRounds(v)
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

// showing reports whether the steps view shows a round's results now.
func (e *Screen) showing(v *session.Vote, act action) bool {
	return e.showIndex(v) >= 0 && (act == actOpenRound || act == actChoose || act == actDone || e.show >= 0)
}

// showIndex is the round whose results the steps view shows, -1 for none.
func (e *Screen) showIndex(v *session.Vote) int {
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
func (e *Screen) start(act action) *common.Note {
	c, t, vk := e.c, e.c.Texts.V, e.c.Keys.Vote
	v := e.vote()
	ek := vk.Next.Help().Key
	switch act {
	case actAdoptMethod:
		if e.byVote() {
			return e.openAdopt(session.AdoptsMethod)
		}
		e.confirm(act, t.ConfirmMethod(ek))
		return nil
	case actScrutineers:
		e.pick = widgets.NewPicker(c, e.h-4)
		e.role = 0
		e.chosen = [2]string{v.Scrutineer, v.Chief}
		e.counters.SetValue(strings.Join(v.Counters, t.Sep))
		e.mode = ModePick
		return common.Info(t.PickHint(t.Scrutineer)).Ref()
	case actOpenRound, actChoose:
		next, revote, _ := v.Next()
		q := c.Snap.Count
		e.confirm(act, t.ConfirmOpen(ek, e.roundName(len(v.Rounds)+1, next.Kind, revote), q.Present, q.Expected))
		return nil
	case actIssue:
		e.mode, e.numWhat = ModeNumber, act
		e.num.Suggest(fmt.Sprint(c.Snap.Count.Present))
		return nil
	case actCollect:
		e.mode, e.numWhat = ModeNumber, act
		e.num.Suggest(fmt.Sprint(v.Current().Issued))
		return nil
	case actCount:
		if cur := v.Current(); len(cur.Tellers) > 0 {
			// Ask the core: it refuses with the tellers' counts and
			// differences until the stacks are whole and agree.
			e.confirm(act, t.ConfirmDecide(ek))
			return nil
		}
		return common.Info(t.CountHow(vk.Ballots.Help().Key, vk.Tally.Help().Key)).Ref()
	case actDecide:
		e.confirm(act, t.ConfirmDecide(ek))
		return nil
	case actDone:
		return common.Info(t.AllDone).Ref()
	}
	return nil
}

// command is the host decision act gives, nil for none.
func (e *Screen) command(act action) session.Command {
	c, v := e.c, e.vote()
	switch act {
	case actAdoptMethod:
		return session.AdoptMethod{Meta: c.Meta(), Method: v.Method}
	case actOpenRound, actChoose:
		return session.OpenRound{Meta: c.Meta()}
	case actVacant:
		return session.DeclareVacant{Meta: c.Meta()}
	case actDecide, actCount:
		return session.DecideRound{Meta: c.Meta()}
	}
	return nil
}

// execute carries out a confirmed host decision.
func (e *Screen) execute(act action) *common.Note {
	c, t := e.c, e.c.Texts.V
	cmd := e.command(act)
	if cmd == nil {
		return nil
	}
	if _, err := c.Exec(cmd); err != nil {
		return e.refusal(err)
	}
	v := e.vote()
	e.scroll, e.show, e.page = 0, -1, pageResults
	switch cmd.(type) {
	case session.AdoptMethod:
		return common.Done(t.MethodAdopted).Ref()
	case session.OpenRound:
		cur := v.Current()
		e.ballot.reset()
		e.tally.reset()
		return common.Done(t.RoundOpened(e.roundNameAt(v, len(v.Rounds)-1), cur.Opened.Count.Present, cur.Opened.Count.Expected)).Ref()
	case session.DeclareVacant:
		return common.Done(t.VacancyDeclared).Ref()
	case session.DecideRound:
		return common.Done(t.Decided(len(v.Current().Result.Elected))).Ref()
	}
	return nil
}

func (e *Screen) refusal(err error) *common.Note {
	text, calm := e.c.Texts.Refusal(err, e.c.PersonName)
	if calm {
		return common.Info(text).Ref()
	}
	return common.Failed(text).Ref()
}

// vacantSeats is the seats a vacancy would leave, in words.
func (e *Screen) vacantSeats(v *session.Vote) string {
	t := e.c.Texts.V
	var parts []string
	for _, p := range v.Pending {
		if p.Kind == election.Second {
			parts = append(parts, t.CatSeats(p.Category, p.Seats))
		}
	}
	return strings.Join(parts, t.Sep)
}

// revoted reports whether the current round is the revote of a void one.
func revoted(v *session.Vote) bool {
	n := len(v.Rounds)
	return n > 1 && v.Rounds[n-2].Void()
}

// roundName names a round: 第1轮, 第2轮（重新投票）.
func (e *Screen) roundName(no int, k election.Kind, revote bool) string {
	return e.c.Texts.V.RoundName(no, k, revote)
}

// updateNumber edits and records the ballots issued or collected.
func (e *Screen) updateNumber(msg tea.Msg) *common.Note {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	c, t := e.c, e.c.Texts.V
	switch {
	case k.String() == "esc":
		e.mode = ModeSteps
		return common.Info(c.Texts.Cancelled).Ref()
	case k.String() == "enter":
		n := 0
		if _, err := fmt.Sscan(e.num.Value(), &n); err != nil {
			return common.Failed(t.NotANumber).Ref()
		}
		var cmd session.Command = session.IssueBallots{Meta: c.Meta(), N: n}
		if e.numWhat == actCollect {
			cmd = session.CollectBallots{Meta: c.Meta(), N: n}
		}
		if _, err := c.Exec(cmd); err != nil {
			return e.refusal(err)
		}
		e.mode = ModeSteps
		e.scroll = 0
		cur := e.vote().Current()
		if e.numWhat == actIssue {
			return common.Done(t.IssuedOK(cur.Issued)).Ref()
		}
		if cur.Void() {
			return common.Failed(t.CollectedVoid(cur.Issued, cur.Collected)).Ref()
		}
		return common.Done(t.CollectedOK(cur.Issued, cur.Collected)).Ref()
	default:
		e.num.Update(k)
	}
	return nil
}
