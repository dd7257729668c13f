// Package resolution is the vote (表决, RULES §3) on the current
// resolution item or on an accepted motion: the host enters for, against
// and abstain (or one key for unanimous), confirms, and the core records
// the vote and derives the outcome, shown with its derivation.
package resolution

import (
	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
	"podium/tui/common"
	"podium/tui/widgets"
	"podium/words"
)

// ID is the vote screen.
const ID common.ScreenID = "resolution"

// Screen is the vote (表决, RULES §3) on the current resolution
// item (its ResolutionSpec) or on an accepted motion: the host enters for,
// against and abstain (or one key for unanimous), confirms, and the core
// records the vote and derives the outcome, which is shown with its
// derivation: 需 61 票，赞成 64 票，通过.
type Screen struct {
	c    *common.Common
	w, h int

	motion int // the motion voted on (1-based), 0: the current item
	// kind and method of a motion's vote, chosen by the host; an item's
	// come from its ResolutionSpec.
	kind   model.VoteKind
	method model.VoteMethod

	editing bool             // the counts are being entered
	counts  [3]widgets.Input // for, against, abstain as typed
	at      int              // the count under the cursor
	full    bool             // the whole script shown
	item    int              // the item the editor was opened for
}

// New returns the vote screen.
func New(c *common.Common) common.Screen {
	s := &Screen{c: c, item: -2}
	s.clear()
	return s
}

// SetSize gives the screen its area.
func (s *Screen) SetSize(w, h int) { s.w, s.h = w, h }

// onMotion points the screen at an accepted motion's vote.
func (s *Screen) onMotion(no int) {
	s.motion, s.kind, s.method = no, model.VoteOrdinary, model.VoteHands
	s.open()
}

// onItem points the screen at the current item.
func (s *Screen) onItem() {
	s.motion = 0
	s.item = s.c.Snap.Item
	s.editing = !s.decided()
	s.clear()
}

func (s *Screen) open() {
	s.editing = true
	s.clear()
}

func (s *Screen) clear() {
	s.counts = [3]widgets.Input{widgets.NewNumber(5), widgets.NewNumber(5), widgets.NewNumber(5)}
	s.at = 0
}

// spec is the subject, kind and method of the vote shown.
func (s *Screen) spec() (subject string, kind model.VoteKind, method model.VoteMethod, ok bool) {
	c := s.c
	if s.motion > 0 && s.motion <= len(c.Snap.Motions) {
		return c.Snap.Motions[s.motion-1].Title, s.kind, s.method, true
	}
	_, it, _, cur := c.Current()
	if !cur || it.Kind != model.ItemResolution {
		return "", "", "", false
	}
	if r := it.Resolution; r != nil {
		return it.Title, r.Kind, r.Method, true
	}
	return it.Title, model.VoteOrdinary, model.VoteHands, true
}

// text is what is put to the vote in the language: the resolution's text
// or the motion's.
func (s *Screen) text() string {
	c := s.c
	if s.motion > 0 && s.motion <= len(c.Snap.Motions) {
		return c.Snap.Motions[s.motion-1].Text
	}
	if _, it, _, ok := c.Current(); ok && it.Resolution != nil {
		return c.Texts.ResolutionText(*it.Resolution)
	}
	return ""
}

// title is the subject as the screen shows it, in the language.
func (s *Screen) title(subject string) string {
	if _, it, _, ok := s.c.Current(); ok && s.motion == 0 && it.Title == subject {
		return s.c.Texts.ItemTitle(it)
	}
	return subject
}

// recorded is the votes already taken on what the screen shows, the
// struck ones among them.
func (s *Screen) recorded() []session.Resolution {
	if s.motion > 0 {
		return s.c.VotesOfMotion(s.motion)
	}
	return s.c.VotesOf(s.c.Snap.Item)
}

// decided reports whether what the screen shows has a vote that counts
// (its last not struck).
func (s *Screen) decided() bool {
	_, ok := common.Outcome(s.recorded())
	return ok
}

func (s *Screen) count(i int) int {
	n, _ := strconv.Atoi(s.counts[i].Value())
	return n
}

// VoteOn points the screen at an accepted motion's vote (the motions
// desk shows the screen with it).
type VoteOn struct{ No int }

// Update points the screen at a motion or the current item, and runs the
// keys: the counts are typed into their fields.
func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	c := s.c
	switch msg := msg.(type) {
	case VoteOn:
		s.onMotion(msg.No)
	case common.ShowItemMsg:
		s.onItem()
	case tea.KeyPressMsg:
		if s.motion == 0 && s.item != c.Snap.Item {
			s.onItem()
		}
		if _, _, _, ok := s.spec(); !ok {
			c.Say(common.Info(c.Texts.M.NoResolution))
			return nil
		}
		if _, ok := common.Handle(s.Keys(), msg); !ok && s.editing {
			s.counts[s.at].Update(msg)
		}
	}
	return nil
}

// Typing reports whether the counts are being entered: digits go to them.
func (s *Screen) Typing() bool { return s.editing }

// Keys is the table of the counts being entered (unanimous, record, next
// field, and for a motion its kind and method; esc), or of the vote shown
// (vote, the whole script; esc back to the motions).
func (s *Screen) Keys() []common.Binding {
	k, f := s.c.Keys, s.c.Keys.Floor
	vote := session.RecordVote{}
	if !s.editing {
		back := common.Key(k.Vote.Back, s.leave)
		if s.motion > 0 {
			return common.Floor(k, []common.Binding{common.Key(f.Strike, s.strike).For(session.StrikeVote{}), back})
		}
		return common.Floor(k, []common.Binding{
			common.Key(f.Vote, s.vote).For(vote),
			common.Key(f.Strike, s.strike).For(session.StrikeVote{}),
			common.Key(f.Script, func() { s.full = !s.full }),
		}, back.In(false, 1))
	}
	next := func() { s.at = (s.at + 1) % 3 }
	prev := func() { s.at = (s.at + 2) % 3 }
	t := []common.Binding{
		common.Key(f.Unanimous, s.unanimous).For(vote).In(true, 1),
		common.Key(f.Record, s.record).For(vote).In(true, 1),
		common.Key(f.Tab, next).In(true, 1),
	}
	if s.motion > 0 {
		t = append(t,
			common.Key(f.Kind, func() {
				s.kind = map[model.VoteKind]model.VoteKind{model.VoteOrdinary: model.VoteCharter, model.VoteCharter: model.VoteOrdinary}[s.kind]
			}).In(true, 1),
			common.Key(f.Method, func() {
				s.method = map[model.VoteMethod]model.VoteMethod{model.VoteHands: model.VoteBallot, model.VoteBallot: model.VoteHands}[s.method]
			}).In(true, 1))
	}
	return append(t,
		common.Key(down, next), common.Key(backTab, prev), common.Key(up, prev), // tab/↑↓ says them
		common.Key(k.Vote.Back, s.leave).In(true, 1),
		common.FrameKey(k.Help).In(false, 2), common.FrameKey(k.Quit).In(false, 2))
}

// up, down and backTab move between the counts, as the help's tab/↑↓
// says (no help of their own).
var up, down = key.NewBinding(key.WithKeys("up")), key.NewBinding(key.WithKeys("down"))

// backTab goes back a field, as ↑ does.
var backTab = key.NewBinding(key.WithKeys("shift+tab"))

// vote opens the counts.
func (s *Screen) vote() {
	s.open()
	s.c.Say(common.Info(s.c.Texts.M.VoteHint(s.c.Keys.Floor.Unanimous.Help().Key)))
}

// leave closes the counts, or goes back to the motions desk from a
// motion's vote.
func (s *Screen) leave() {
	if s.motion > 0 {
		s.motion, s.editing = 0, false
		s.c.Frame.Back()
		s.c.Say(common.Info(s.c.Texts.Cancelled))
		return
	}
	s.editing = false
}

// unanimous fills the counts with everyone present for, and asks to
// record them.
func (s *Screen) unanimous() {
	p := s.c.Snap.Count.Present
	s.counts[0].SetValue(fmt.Sprint(p))
	s.counts[1].SetValue("0")
	s.counts[2].SetValue("0")
	s.record()
}

// command is the vote as typed.
func (s *Screen) command() (session.RecordVote, bool) {
	subject, kind, method, ok := s.spec()
	return session.RecordVote{Meta: s.c.Meta(), Subject: subject, Kind: kind, Method: method,
		For: s.count(0), Against: s.count(1), Abstain: s.count(2), Motion: s.motion}, ok
}

// record asks to record the counts as typed, stating exactly what will
// be recorded — the counts, the votes needed and the outcome the core
// derives (RULES §3) — or says at once why the core would refuse it (no
// declaration yet, nobody voted, more votes than present …).
func (s *Screen) record() {
	c, t := s.c, s.c.Texts.M
	cmd, ok := s.command()
	if !ok {
		return
	}
	evs, err := c.Preview(cmd)
	if err != nil {
		c.Say(c.Refusal(err))
		return
	}
	v := evs[0].Body.(session.VoteRecorded)
	c.Frame.Confirm(c.Keys.Vote.Confirm, t.ConfirmVote(c.Keys.Vote.Confirm.Help().Key, s.title(cmd.Subject),
		v.For, v.Against, v.Abstain, v.Need, v.Adopted), s.execute)
}

// strike asks for the reason to strike the last vote that counts of what
// the screen shows (撤销表决, host only), and strikes it.
func (s *Screen) strike() {
	c, t := s.c, s.c.Texts.M
	r, ok := common.Outcome(s.recorded())
	if !ok {
		c.Say(common.Info(t.NothingToStrike))
		return
	}
	c.Frame.Ask(t.StrikeLabel(r.No), func(reason string) (common.Note, bool) {
		if _, err := c.Exec(session.StrikeVote{Meta: c.Meta(), No: r.No, Reason: reason}); err != nil {
			return c.Refusal(err), true
		}
		s.editing = !s.decided()
		return common.Done(t.Struck(r.No)), false
	})
}

// execute records the vote; the core derives the outcome.
func (s *Screen) execute() {
	c, t := s.c, s.c.Texts.M
	cmd, ok := s.command()
	if !ok {
		return
	}
	_, err := c.Exec(cmd)
	if err != nil {
		c.Say(c.Refusal(err))
		return
	}
	s.editing = false
	r := c.Snap.Votes[len(c.Snap.Votes)-1]
	c.Say(common.Done(t.Recorded(r.No, t.Derivation(r.Need, r.For, r.Adopted))))
}

// View renders the vote: the item and its script, what is put to the
// vote, how, the votes recorded, and the counts being entered.
func (s *Screen) View() []string {
	c, t, st := s.c, s.c.Texts.M, s.c.Styles
	if s.motion == 0 && s.item != c.Snap.Item {
		s.onItem()
	}
	lines := widgets.ItemHead(c, s.w)
	subject, kind, method, ok := s.spec()
	if !ok {
		lines = append(lines, "", st.Dim.Render(common.Cut(t.NoResolution, s.w)))
		return common.Block(lines, s.w, s.h)
	}
	votes := s.recorded()
	var last *session.Resolution
	if r, ok := common.Outcome(votes); ok {
		last = &r
	}
	if s.motion == 0 {
		lines = append(lines, widgets.ScriptBox(c, model.ItemResolution, last, s.full, s.w, s.h)...)
	}
	title := t.VoteTitle(s.title(subject))
	if s.motion > 0 {
		title = t.MotionVoteTitle(s.motion, subject)
	}
	lines = append(lines, widgets.SectionRule(c, title, s.w))
	if text := s.text(); text != "" && s.motion > 0 {
		lines = append(lines, s.c.WrapStyled(text, s.w, st.Name)...)
	}
	lines = append(lines, c.Wrap(t.HowVoted(t.Method(method), t.KindWords(kind), words.RuleText(c.VoteRule(kind), c.Setup.Meeting.VoteBase, c.Texts.Lang)), s.w)...)
	n := c.Snap.Count
	lines = append(lines, s.c.Styles.Counts.Render(c.Texts.Present(n.Present, n.Expected)))
	for _, r := range votes {
		lines = append(lines, widgets.OutcomeLines(c, r, s.w)...)
	}
	if !s.editing {
		if last == nil {
			lines = append(lines, st.Dim.Render(common.Cut(t.VoteHint(c.Keys.Floor.Unanimous.Help().Key), s.w)))
		}
		return common.Block(lines, s.w, s.h)
	}
	lines = append(lines, "")
	lw := max(common.Width(t.For), common.Width(t.Against), common.Width(t.Abstain))
	for i, label := range []string{t.For, t.Against, t.Abstain} {
		v := s.counts[i].Value()
		if i == s.at {
			lines = append(lines, st.Marker.Render("› ")+st.Prompt.Render(common.Fit(label, lw))+"  "+s.counts[i].View(st, 0))
			continue
		}
		if v == "" {
			v = "0"
		}
		lines = append(lines, "  "+st.Dim.Render(common.Fit(label, lw))+"  "+v)
	}
	sum := s.count(0) + s.count(1) + s.count(2)
	sumStyle := st.Dim
	if sum > n.Present {
		sumStyle = st.MsgErr
	}
	lines = append(lines, "  "+sumStyle.Render(t.Sum(sum, n.Present)))
	return common.Block(lines, s.w, s.h)
}

// Motion is the motion whose vote is shown, 0 for the current item's.
func (s *Screen) Motion() int { return s.motion }
