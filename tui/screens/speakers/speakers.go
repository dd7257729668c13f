// Package speakers is the speakers' screen (发言, docs/DELIBERATION.md):
// the current item's speakers' list, the speech under way with its
// countdown (green, amber in the last 30 seconds, red and counting up once
// over), the speeches given with their time against the item's plan, and
// the deliberation groups with which of them have reported. The host and
// the secretary put requests on the list by the check-in desk's pinyin
// search, give and end the floor, move, remove and undo; a group's own
// terminal (a secretary limited to its group) enters its group's opinions
// only. The core decides every order and refusal.
package speakers

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
)

// ID is the speakers' screen.
const ID common.ScreenID = "speakers"

// form is what the open form does.
type form int

const (
	formNone  form = iota
	formAdd        // a request of kind: the person by pinyin search
	formReply      // an answer: who answers, by name
	formGroup      // a group's report
)

// Screen is the speakers' screen.
type Screen struct {
	c       *common.Common
	w, h    int
	cursor  int // on the waiting list
	form    *widgets.Form
	doing   form
	kind    session.SpeechKind // formAdd's kind
	groupOf int                // formGroup's item
}

// New returns the speakers' screen.
func New(c *common.Common) common.Screen { return &Screen{c: c} }

// SetSize gives the screen its area.
func (s *Screen) SetSize(w, h int) {
	s.w, s.h = w, h
	if s.form != nil {
		s.form.SetSize(h - 3)
	}
}

// Typing reports whether a form has the keyboard.
func (s *Screen) Typing() bool { return s.form != nil }

// Ticks reports whether the screen shows a running countdown, which the
// clock's tick moves.
func (s *Screen) Ticks() bool {
	_, ok := s.c.Speaking()
	return ok
}

// Update runs the open form or the keys; a new item closes the form.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.NewItemMsg:
		s.form, s.doing, s.cursor = nil, formNone, 0
	case tea.PasteMsg, tea.KeyPressMsg:
		if s.form != nil {
			submit, cancel := s.form.Update(msg)
			switch {
			case cancel:
				s.form, s.doing = nil, formNone
				s.c.Say(common.Info(s.c.Texts.Cancelled))
			case submit:
				s.c.Tell(s.submit())
			}
			return nil
		}
		if k, ok := msg.(tea.KeyPressMsg); ok {
			common.Handle(s.Keys(), k)
		}
	}
	return nil
}

// Keys is the open form's table, or the screen's: put on the list, give
// and end the floor, remove, move, undo, the groups' opinions, the host's
// rules; ↑↓ choose a request.
func (s *Screen) Keys() []common.Binding {
	k, sk := s.c.Keys, s.c.Keys.Speak
	if s.form != nil {
		return common.Form(k, s.form.Keys()...)
	}
	own := []common.Binding{
		common.Key(sk.Speech, func() { s.add(session.SpeechOrdinary) }).For(session.AddSpeaker{}),
		common.Key(sk.Start, s.start).For(session.StartSpeech{}),
		common.Key(sk.End, s.end).For(session.EndSpeech{}),
		common.Key(sk.Order, func() { s.add(session.SpeechOrder) }).For(session.AddSpeaker{}),
		common.Key(sk.Supplement, func() { s.add(session.SpeechSupplement) }).For(session.AddSpeaker{}),
		common.Key(sk.Reply, s.reply).For(session.AddSpeaker{}),
		common.Key(sk.Group, s.group).For(session.ReportGroup{}),
	}
	more := []common.Binding{
		common.Key(sk.Remove, s.remove).For(session.RemoveSpeaker{}).In(false, 1),
		common.Key(sk.MoveUp, func() { s.move(-1) }).For(session.MoveSpeaker{}).In(false, 1),
		common.Key(sk.MoveDown, func() { s.move(+1) }).For(session.MoveSpeaker{}).In(false, 1),
		common.Key(sk.Undo, s.undo).For(session.UndoSpeakers{}).In(false, 1),
		common.Key(sk.Fair, func() { s.rules(true) }).For(session.SetFloorRules{}).In(false, 1),
		common.Key(sk.Guests, func() { s.rules(false) }).For(session.SetFloorRules{}).In(false, 1),
		common.Key(k.Up, func() { s.cursor-- }),
		common.Key(k.Down, func() { s.cursor++ }),
	}
	return common.Floor(k, own, more...)
}

// item is the current item under way, if any.
func (s *Screen) item() (int, bool) {
	i, _, is, ok := s.c.Current()
	return i, ok && is.Status == session.ItemCurrent
}

// selected is the request under the cursor on the current item's list.
func (s *Screen) selected() (session.Speech, int, bool) {
	i, ok := s.item()
	if !ok {
		return session.Speech{}, 0, false
	}
	w := s.c.List(i).Waiting
	if len(w) == 0 {
		return session.Speech{}, 0, false
	}
	s.cursor = max(0, min(len(w)-1, s.cursor))
	sp, ok := s.c.Speech(w[s.cursor])
	return sp, s.cursor, ok
}

// name is a request's speaker as the notes say it.
func (s *Screen) name(sp session.Speech) string {
	n, _, _ := s.c.Speaker(sp)
	return n
}

// exec gives cmd to the core: the note of what was done, or the refusal.
func (s *Screen) exec(cmd session.Command, done func() string) *common.Note {
	n, _ := s.try(cmd, done)
	return n
}

// try is exec that also returns the core's refusal.
func (s *Screen) try(cmd session.Command, done func() string) (*common.Note, error) {
	if _, err := s.c.Exec(cmd); err != nil {
		n := s.c.Refusal(err)
		return &n, err
	}
	return common.Done(done()).Ref(), nil
}

// add opens the search of who asks for a request of kind k: present
// formal delegates, and observers and guests while they may speak.
func (s *Screen) add(k session.SpeechKind) {
	c := s.c
	if _, ok := s.item(); !ok {
		c.Say(common.Info(c.Texts.F.NoItem))
		return
	}
	offer := func(i int) bool {
		p, st := c.Setup.Roster[i], c.Snap.Status
		if p.Kind != model.Formal {
			return c.Snap.Floor.Rules.GuestsSpeak
		}
		return i < len(st) && st[i].Status == session.Present
	}
	s.doing, s.kind = formAdd, k
	s.form = widgets.NewForm(c, c.Texts.F.PickTitle(c.Texts.F.Kind(k)),
		widgets.Field{Kind: widgets.FieldPerson, Label: c.Texts.F.Kind(k), Offer: offer})
	s.form.SetSize(s.h - 3)
	c.Say(common.Info(c.Texts.F.PickHint))
}

// reply opens the answer's form: who answers, the item's presenter by
// default.
func (s *Screen) reply() {
	c := s.c
	i, ok := s.item()
	if !ok {
		c.Say(common.Info(c.Texts.F.NoItem))
		return
	}
	// The reporter: the item's presenter, or the last one before it (a
	// deliberation follows its report).
	presenter := ""
	for j := i; j >= 0 && presenter == ""; j-- {
		presenter = c.Setup.Agenda[j].Presenter
	}
	s.doing, s.kind = formReply, session.SpeechReply
	s.form = widgets.NewForm(c, c.Texts.F.ReplyTitle,
		widgets.Field{Kind: widgets.FieldText, Label: c.Texts.F.ReplyLabel, Value: presenter})
	s.form.SetSize(s.h - 3)
	c.Say(common.Info(c.Texts.M.FormHint))
}

// groupItem is the item whose groups report: the current one when it is
// deliberated in groups, else the last started that is.
func (s *Screen) groupItem() (int, bool) {
	c := s.c
	if i := c.Snap.Item; len(c.Setup.ItemGroups(i)) > 0 {
		return i, true
	}
	for i := len(c.Setup.Agenda) - 1; i >= 0; i-- {
		if len(c.Setup.ItemGroups(i)) > 0 && c.ItemStatus(i) != session.ItemPending && c.ItemStatus(i) != session.ItemPassedOver {
			return i, true
		}
	}
	return 0, false
}

// group opens a group's report: the terminal's own group, or the first
// that has not reported; its convener and secretary as known.
func (s *Screen) group() {
	c, t := s.c, s.c.Texts.F
	i, ok := s.groupItem()
	if !ok {
		c.Say(common.Info(t.NotGroupItem))
		return
	}
	groups := c.Setup.ItemGroups(i)
	g := groups[0]
	for _, x := range groups {
		if c.OnlyGroup != "" && x.Name == c.OnlyGroup {
			g = x
			break
		}
		if _, done := c.ReportOf(i, x.Name); c.OnlyGroup == "" && !done {
			g = x
			break
		}
	}
	if r, ok := c.ReportOf(i, g.Name); ok {
		g.Convener, g.Secretary = r.Convener, r.Secretary
	}
	s.doing, s.groupOf = formGroup, i
	s.form = widgets.NewForm(c, t.GroupTitle(i+1, g.Name),
		widgets.Field{Kind: widgets.FieldText, Label: t.GroupLabel, Value: g.Name},
		widgets.Field{Kind: widgets.FieldText, Label: t.Convener, Value: g.Convener},
		widgets.Field{Kind: widgets.FieldText, Label: t.Secretary, Value: g.Secretary},
		widgets.Field{Kind: widgets.FieldNumber, Label: t.Speakers},
		widgets.Field{Kind: widgets.FieldText, Label: t.Summary})
	if c.OnlyGroup != "" {
		s.form.Focus(1)
	}
	s.form.SetSize(s.h - 3)
	c.Say(common.Info(c.Texts.M.FormHint))
}

// submit executes the open form.
func (s *Screen) submit() *common.Note {
	c, t := s.c, s.c.Texts.F
	f := s.form.Fields
	var n *common.Note
	switch s.doing {
	case formAdd:
		if len(f[0].IDs) == 0 {
			return nil
		}
		n = s.exec(session.AddSpeaker{Meta: c.Meta(), Person: f[0].IDs[0], Kind: s.kind}, s.added)
	case formReply:
		cmd := session.AddSpeaker{Meta: c.Meta(), Kind: session.SpeechReply}
		// Someone of the roster by that name answers as themselves.
		var ids []string
		for _, p := range c.Setup.Roster {
			if p.Name == f[0].Text() {
				ids = append(ids, p.ID)
			}
		}
		if len(ids) == 1 {
			cmd.Person = ids[0]
		} else {
			cmd.Name = f[0].Text()
		}
		n = s.exec(cmd, s.added)
	case formGroup:
		speakers, err := strconv.Atoi(f[3].Text())
		if err != nil || speakers < 0 {
			s.form.Focus(3)
			return common.Failed(t.NotANumber).Ref()
		}
		group := strings.TrimSpace(f[0].Text())
		n, err = s.try(session.ReportGroup{Meta: c.Meta(), Item: s.groupOf, Group: group, Speakers: speakers, Text: f[4].Text(),
			Convener: f[1].Text(), Secretary: f[2].Text()}, func() string { return t.Reported(group, speakers) })
		// The field to mend gets the cursor.
		var ge *session.GroupError
		switch {
		case errors.As(err, &ge) && ge.Reason == session.CodeTooManySpeakers:
			s.form.Focus(3)
		case errors.As(err, &ge) && ge.Reason == session.CodeUnknownGroup:
			s.form.Focus(0)
		}
	}
	if n != nil && n.Kind == common.NoteOK {
		s.form, s.doing = nil, formNone
	}
	return n
}

// added is the note of the request just put on the list. The cursor
// stays where it was: enter gives the floor in the list's order.
func (s *Screen) added() string {
	c := s.c
	sp, _ := c.Speech(len(c.Snap.Floor.Speeches))
	pos := 0
	if i, ok := s.item(); ok {
		for j, no := range c.List(i).Waiting {
			if no == sp.No {
				pos = j + 1
			}
		}
	}
	return c.Texts.F.Added(sp.No, s.name(sp), c.Texts.F.Kind(sp.Kind), pos)
}

// start gives the floor to the selected request (the first on the list
// when the cursor is on it).
func (s *Screen) start() {
	c := s.c
	sp, _, _ := s.selected() // none: the core says why not
	c.Tell(s.exec(session.StartSpeech{Meta: c.Meta(), No: sp.No}, func() string {
		now, _ := c.Speaking()
		return c.Texts.F.Started(s.name(now), common.Elapsed(secs(now.Limit)))
	}))
	s.cursor = 0
}

// end ends the speech under way.
func (s *Screen) end() {
	c := s.c
	sp, _ := c.Speaking()
	c.Tell(s.exec(session.EndSpeech{Meta: c.Meta()}, func() string {
		done, _ := c.Speech(sp.No)
		over := ""
		if done.Over() > 0 {
			over = common.Elapsed(secs(done.Over()))
		}
		return c.Texts.F.Ended(s.name(done), common.Elapsed(secs(done.Seconds)), over)
	}))
}

// remove takes the selected request off the list, on a second press.
func (s *Screen) remove() {
	c, sk := s.c, s.c.Keys.Speak
	sp, _, ok := s.selected()
	if !ok {
		c.Say(common.Info(c.Texts.F.Refused(session.CodeListEmpty, "", 0)))
		return
	}
	c.Frame.Confirm(sk.Remove, c.Texts.F.ConfirmDrop(sk.Remove.Help().Key, s.name(sp)), func() {
		c.Tell(s.exec(session.RemoveSpeaker{Meta: c.Meta(), No: sp.No}, func() string { return c.Texts.F.Removed(sp.No, s.name(sp)) }))
	})
}

// move moves the selected request one place up (-1) or down (+1).
func (s *Screen) move(by int) {
	c := s.c
	sp, pos, ok := s.selected()
	if !ok {
		return
	}
	c.Tell(s.exec(session.MoveSpeaker{Meta: c.Meta(), No: sp.No, Position: pos + by}, func() string {
		s.cursor = pos + by
		return c.Texts.F.Moved(sp.No, s.name(sp), pos+by+1)
	}))
}

// undo takes back the list's last change.
func (s *Screen) undo() {
	c := s.c
	c.Tell(s.exec(session.UndoSpeakers{Meta: c.Meta()}, func() string { return c.Texts.F.Undone }))
}

// rules turns the fairness rule (fair) or the observers' and guests'
// leave to speak on or off, on a second press.
func (s *Screen) rules(fair bool) {
	c, sk := s.c, s.c.Keys.Speak
	r := c.Snap.Floor.Rules
	b := sk.Guests
	if fair {
		r.FairOrder, b = !r.FairOrder, sk.Fair
	} else {
		r.GuestsSpeak = !r.GuestsSpeak
	}
	c.Frame.Confirm(b, c.Texts.F.ConfirmRules(b.Help().Key, r.FairOrder, r.GuestsSpeak), func() {
		c.Tell(s.exec(session.SetFloorRules{Meta: c.Meta(), FairOrder: r.FairOrder, GuestsSpeak: r.GuestsSpeak},
			func() string { return c.Texts.F.RulesSet(r.FairOrder, r.GuestsSpeak) }))
	})
}
