package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/tui/widgets"
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
	c    *common.Common
	mode voteMode
	w, h int

	scroll  int    // first line of the steps view's body
	confirm action // a host action waiting for its second enter
	show    int    // index of the round whose results are shown; -1: the latest decided

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
}

func newVoteScreen(c *common.Common) *voteScreen {
	return &voteScreen{c: c, show: -1, ballot: newBallotEntry(c), tally: newTallyEntry(c),
		counters: widgets.NewRaw(), num: widgets.NewNumber(6)}
}

func (e *voteScreen) setSize(w, h int) {
	e.w, e.h = w, h
	e.ballot.setSize(w, h)
	e.tally.setSize(w, h)
	if e.pick != nil {
		e.pick.H = h - 4
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
func (e *voteScreen) update(msg tea.Msg) (*common.Note, tea.Cmd) {
	v := e.vote()
	if v == nil {
		return nil, nil
	}
	switch e.mode {
	case modeBallot:
		n, back := e.ballot.update(msg)
		if back {
			e.mode = modeSteps
			return ptr(common.Note{}), nil
		}
		return n, nil
	case modeTally:
		n, back := e.tally.update(msg)
		if back {
			e.mode = modeSteps
			if n == nil {
				n = ptr(common.Note{})
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
			return ptr(common.Info(e.c.Texts.Cancelled)), nil
		}
	}
	switch {
	case key.Matches(k, vk.Next):
		return e.start(act), nil
	case key.Matches(k, vk.Ballots):
		if act != actCount && act != actDecide {
			return ptr(common.Info(t.NotNow)), nil
		}
		if cur := v.Current(); cur.Tally != nil {
			return ptr(common.Info(t.CountedByTally)), nil
		}
		e.ballot.begin()
		e.mode = modeBallot
	case key.Matches(k, vk.Tally):
		if act != actCount && act != actDecide {
			return ptr(common.Info(t.NotNow)), nil
		}
		if cur := v.Current(); len(cur.Tellers) > 0 {
			return ptr(common.Info(t.CountedByBallots)), nil
		}
		e.tally.begin()
		e.mode = modeTally
	case key.Matches(k, vk.Vacant):
		if act != actChoose {
			return ptr(common.Info(t.NotNow)), nil
		}
		e.confirm = actVacant
		return ptr(common.Asking(t.ConfirmVacant(vk.Vacant.Help().Key, e.vacantSeats(v)))), nil
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
func (e *voteScreen) start(act action) *common.Note {
	c, t, vk := e.c, e.c.Texts.V, e.c.Keys.Vote
	v := e.vote()
	ek := vk.Next.Help().Key
	switch act {
	case actAdoptMethod:
		e.confirm = act
		return ptr(common.Asking(t.ConfirmMethod(ek)))
	case actScrutineers:
		e.pick = widgets.NewPicker(c, e.h-4)
		e.role = 0
		e.chosen = [2]string{v.Scrutineer, v.Chief}
		e.counters.SetValue(strings.Join(v.Counters, "、"))
		e.mode = modePick
		return ptr(common.Info(t.PickHint(t.Scrutineer)))
	case actOpenRound, actChoose:
		next, revote, _ := v.Next()
		e.confirm = act
		q := c.Snap.Count
		return ptr(common.Asking(t.ConfirmOpen(ek, e.roundName(len(v.Rounds)+1, next.Kind, revote), q.Present, q.Expected)))
	case actIssue:
		e.mode, e.numWhat = modeNumber, act
		e.num.Suggest(fmt.Sprint(c.Snap.Count.Present))
		return nil
	case actCollect:
		e.mode, e.numWhat = modeNumber, act
		e.num.Suggest(fmt.Sprint(v.Current().Issued))
		return nil
	case actCount:
		if cur := v.Current(); len(cur.Tellers) > 0 {
			// Ask the core: it refuses with the tellers' counts and
			// differences until the stacks are whole and agree.
			e.confirm = act
			return ptr(common.Asking(t.ConfirmDecide(ek)))
		}
		return ptr(common.Info(t.CountHow(vk.Ballots.Help().Key, vk.Tally.Help().Key)))
	case actDecide:
		e.confirm = act
		return ptr(common.Asking(t.ConfirmDecide(ek)))
	case actDone:
		return ptr(common.Info(t.AllDone))
	}
	return nil
}

// execute carries out a confirmed host decision.
func (e *voteScreen) execute(act action) *common.Note {
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
		return ptr(common.Done(t.MethodAdopted))
	case session.OpenRound:
		cur := v.Current()
		e.ballot.reset()
		e.tally.reset()
		return ptr(common.Done(t.RoundOpened(e.roundName(cur.No, cur.Kind, false), cur.Opened.Count.Present, cur.Opened.Count.Expected)))
	case session.DeclareVacant:
		return ptr(common.Done(t.VacancyDeclared))
	case session.DecideRound:
		return ptr(common.Done(t.Decided(len(v.Current().Result.Elected))))
	}
	return nil
}

func (e *voteScreen) refusal(err error) *common.Note {
	text, calm := e.c.Texts.Refusal(err, e.c.PersonName)
	if calm {
		return ptr(common.Info(text))
	}
	return ptr(common.Failed(text))
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
func (e *voteScreen) updateNumber(msg tea.Msg) *common.Note {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	c, t := e.c, e.c.Texts.V
	switch {
	case k.String() == "esc":
		e.mode = modeSteps
		return ptr(common.Info(c.Texts.Cancelled))
	case k.String() == "enter":
		n := 0
		if _, err := fmt.Sscan(e.num.Value(), &n); err != nil {
			return ptr(common.Failed(t.NotANumber))
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
			return ptr(common.Done(t.IssuedOK(cur.Issued)))
		}
		if cur.Void() {
			return ptr(common.Failed(t.CollectedVoid(cur.Issued, cur.Collected)))
		}
		return ptr(common.Done(t.CollectedOK(cur.Issued, cur.Collected)))
	default:
		e.num.Update(k)
	}
	return nil
}

// updatePick chooses the scrutineer and then the chief scrutineer.
func (e *voteScreen) updatePick(msg tea.Msg) *common.Note {
	t := e.c.Texts.V
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "esc":
			if e.role == 1 {
				e.role = 0
				e.pick.SetQuery("")
				return ptr(common.Info(t.PickHint(t.Scrutineer)))
			}
			e.mode = modeSteps
			return ptr(common.Info(e.c.Texts.Cancelled))
		case "enter":
			id := e.pick.SelectedID()
			if id == "" {
				return ptr(common.Info(e.c.Texts.EmptyList))
			}
			e.chosen[e.role] = id
			e.pick.SetQuery("")
			if e.role == 0 {
				e.role = 1
				return ptr(common.Info(t.PickHint(t.Chief)))
			}
			e.mode = modeCounters
			return ptr(common.Info(t.CountersHint))
		}
	}
	e.pick.Update(msg)
	return nil
}

// updateCounters edits the counters' names and adopts the scrutineers.
func (e *voteScreen) updateCounters(msg tea.Msg) *common.Note {
	c, t := e.c, e.c.Texts.V
	switch k := msg.(type) {
	case tea.PasteMsg:
		e.counters.Update(k)
	case tea.KeyPressMsg:
		switch {
		case k.String() == "esc":
			e.mode, e.role = modePick, 1
			return ptr(common.Info(t.PickHint(t.Chief)))
		case k.String() == "enter":
			cmd := session.AdoptScrutineers{Meta: c.Meta(), Scrutineer: e.chosen[0], Chief: e.chosen[1], Counters: splitNames(e.counters.Value())}
			if _, err := c.Exec(cmd); err != nil {
				var se *session.ScrutineerError
				if errors.As(err, &se) {
					e.mode, e.role = modePick, 0
					if se.Role == "chief" {
						e.role = 1
					}
					e.pick.SetQuery("")
				}
				return e.refusal(err)
			}
			e.mode = modeSteps
			v := e.vote()
			return ptr(common.Done(t.ScrutineersAdopted(c.PersonName(v.Scrutineer), c.PersonName(v.Chief))))
		default:
			e.counters.Update(k)
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
