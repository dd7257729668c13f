package election

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
	"podium/words"
)

// The adoption votes (RULES §3, 附件3 §8 §9): with the meeting's adoption
// = "vote" the congress votes on the method and on the scrutineer list;
// the host enters the counts here, the confirmation states what will be
// recorded (the votes needed and the outcome, from the core's preview),
// and the core records the vote among the congress's votes. A vote that
// fails adopts nothing: the step stays, with the vote shown.

// adoptVote is the vote being entered on an adoption.
type adoptVote struct {
	what   session.Adopts
	counts [3]widgets.Input // for, against, abstain
	at     int
	method model.VoteMethod
}

// byVote reports whether the meeting adopts the method and the
// scrutineers by a vote.
func (e *Screen) byVote() bool { return e.c.Setup.Meeting.AdoptionRule() == model.AdoptionVote }

// openAdopt opens the vote on what.
func (e *Screen) openAdopt(what session.Adopts) *common.Note {
	e.adopt = adoptVote{what: what, method: model.VoteHands}
	for i := range e.adopt.counts {
		e.adopt.counts[i] = widgets.NewNumber(5)
	}
	e.mode = ModeAdopt
	return common.Info(e.c.Texts.V.AdoptHint(e.c.Keys.Floor.Method.Help().Key)).Ref()
}

func (a *adoptVote) count(i int) int {
	n, _ := strconv.Atoi(a.counts[i].Value())
	return n
}

func (a *adoptVote) vote() *session.VoteCounts {
	return &session.VoteCounts{Method: a.method, For: a.count(0), Against: a.count(1), Abstain: a.count(2)}
}

// adoptCommand is the adoption with its vote.
func (e *Screen) adoptCommand() session.Command {
	c, v := e.c, e.vote()
	if e.adopt.what == session.AdoptsScrutineers {
		return session.AdoptScrutineers{Meta: c.Meta(), Scrutineer: e.chosen[0], Chief: e.chosen[1],
			Counters: splitNames(e.counters.Value()), Vote: e.adopt.vote()}
	}
	return session.AdoptMethod{Meta: c.Meta(), Method: v.Method, Vote: e.adopt.vote()}
}

// updateAdopt edits the counts and, on enter, asks to record the vote,
// stating the outcome the core would derive, or says at once why the core
// would refuse it.
func (e *Screen) updateAdopt(msg tea.Msg) *common.Note {
	c, t := e.c, e.c.Texts
	a := &e.adopt
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch k.String() {
	case "esc":
		if a.what == session.AdoptsScrutineers {
			e.mode = ModeCounters
			return common.Info(t.V.CountersHint).Ref()
		}
		e.mode = ModeSteps
		return common.Info(t.Cancelled).Ref()
	case "tab", "down":
		a.at = (a.at + 1) % 3
	case "shift+tab", "up":
		a.at = (a.at + 2) % 3
	case c.Keys.Floor.Method.Help().Key:
		a.method = map[model.VoteMethod]model.VoteMethod{model.VoteHands: model.VoteBallot, model.VoteBallot: model.VoteHands}[a.method]
	case "enter":
		cmd := e.adoptCommand()
		evs, err := c.Preview(cmd)
		if err != nil {
			return e.refusal(err)
		}
		f := figuresOf(evs)
		what := t.M.Adopts(a.what)
		c.Frame.Confirm(c.Keys.Vote.Confirm, t.V.ConfirmAdopt(c.Keys.Vote.Confirm.Help().Key, what, f.For, f.Against, f.Abstain, f.Need, f.Adopted),
			func() { c.Tell(e.recordAdopt()) })
	default:
		a.counts[a.at].Update(k)
	}
	return nil
}

// figuresOf is the vote an adoption's events record.
func figuresOf(evs []session.Event) session.VoteFigures {
	for _, ev := range evs {
		switch b := ev.Body.(type) {
		case session.MethodVoted:
			return b.VoteFigures
		case session.ScrutineersVoted:
			return b.VoteFigures
		}
	}
	return session.VoteFigures{}
}

// recordAdopt records the adoption vote as confirmed.
func (e *Screen) recordAdopt() *common.Note {
	c, t := e.c, e.c.Texts
	evs, err := c.Exec(e.adoptCommand())
	if err != nil {
		return e.refusal(err)
	}
	e.mode, e.scroll = ModeSteps, 0
	f := figuresOf(evs)
	no := 0
	if n := len(c.Snap.Votes); n > 0 {
		no = c.Snap.Votes[n-1].No
	}
	note := t.V.AdoptVoted(t.M.Adopts(e.adopt.what), no, f.Need, f.For, f.Adopted)
	if f.Adopted {
		return common.Done(note).Ref()
	}
	return common.Failed(note).Ref()
}

// adoptLines is the vote being entered.
func (e *Screen) adoptLines() []string {
	c, s, t := e.c, e.c.Styles, e.c.Texts
	a := &e.adopt
	out := []string{s.SideTitle.Render(t.V.AdoptTitle(t.M.Adopts(a.what)))}
	n := c.Snap.Count
	if need, ok := c.Snap.Needs[model.VoteOrdinary]; ok {
		out = append(out, "  "+s.Dim.Render(t.M.HowVoted(t.M.Method(a.method), t.M.KindWords(model.VoteOrdinary),
			words.RuleText(need.Rule, c.Setup.Meeting.VoteBase, t.Lang))))
	}
	out = append(out, "  "+s.Counts.Render(t.Present(n.Present, n.Expected)), "")
	lw := max(common.Width(t.M.For), common.Width(t.M.Against), common.Width(t.M.Abstain))
	for i, label := range []string{t.M.For, t.M.Against, t.M.Abstain} {
		if i == a.at {
			out = append(out, s.Marker.Render("› ")+s.Prompt.Render(common.Fit(label, lw))+"  "+a.counts[i].View(s, 0))
			continue
		}
		v := a.counts[i].Value()
		if v == "" {
			v = "0"
		}
		out = append(out, "  "+s.Dim.Render(common.Fit(label, lw))+"  "+v)
	}
	sum := a.count(0) + a.count(1) + a.count(2)
	st := s.Dim
	if sum > n.Present || sum == 0 {
		st = s.MsgErr
	}
	return append(out, "  "+st.Render(t.M.Sum(sum, n.Present)))
}

// adoptionVotes lists the votes taken on what (RULES §3: recorded with
// their counts, the failed and struck ones too).
func (e *Screen) adoptionVotes(what session.Adopts) []string {
	var out []string
	for _, r := range e.c.Snap.Votes {
		if r.Adopts == what {
			for _, l := range widgets.OutcomeLines(e.c, r, e.w-2) {
				out = append(out, "  "+l)
			}
		}
	}
	return out
}

// switchTo asks the reason to count the open round the other way (to:
// "tally" or "ballots") and switches it; what was entered is set aside.
func (e *Screen) switchTo(to session.Entry) {
	c, t := e.c, e.c.Texts.V
	cmd := session.SwitchEntry{Meta: c.Meta(), To: to, Reason: "-"}
	if err := c.Check(cmd); err != nil {
		c.Tell(e.refusal(err))
		return
	}
	c.Frame.Ask(t.SwitchLabel(string(to)), func(reason string) (common.Note, bool) {
		cmd.Meta, cmd.Reason = c.Meta(), reason
		if _, err := c.Exec(cmd); err != nil {
			return *e.refusal(err), true
		}
		e.ballot.reset()
		e.tally.reset()
		return common.Done(t.Switched(string(to))), false
	})
}
