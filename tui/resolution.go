package tui

import (
	"podium/tui/common"
	"podium/tui/widgets"
	"podium/words"

	"fmt"
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"podium/model"
	"podium/session"
)

// resolutionScreen is the vote (表决, RULES §3) on the current resolution
// item (its ResolutionSpec) or on an accepted motion: the host enters for,
// against and abstain (or one key for unanimous), confirms, and the core
// records the vote and derives the outcome, which is shown with its
// derivation: 需 61 票，赞成 64 票，通过.
type resolutionScreen struct {
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
	confirm bool             // waiting for the second enter
	full    bool             // the whole script shown
	item    int              // the item the editor was opened for
	back    func()           // returns to the motions desk after a motion's vote
}

func newResolutionScreen(c *common.Common, back func()) *resolutionScreen {
	s := &resolutionScreen{c: c, item: -2, back: back}
	s.clear()
	return s
}

func (s *resolutionScreen) setSize(w, h int) { s.w, s.h = w, h }

// typing: digits go to the counts, never to the frame.
func (s *resolutionScreen) typing() bool { return s.editing }

// onMotion points the screen at an accepted motion's vote.
func (s *resolutionScreen) onMotion(no int) {
	s.motion, s.kind, s.method = no, model.VoteOrdinary, model.VoteHands
	s.open()
}

// onItem points the screen at the current item.
func (s *resolutionScreen) onItem() {
	s.motion = 0
	s.item = s.c.Snap.Item
	s.editing = len(s.recorded()) == 0
	s.clear()
}

func (s *resolutionScreen) open() {
	s.editing = true
	s.clear()
}

func (s *resolutionScreen) clear() {
	s.counts = [3]widgets.Input{widgets.NewNumber(5), widgets.NewNumber(5), widgets.NewNumber(5)}
	s.at, s.confirm = 0, false
}

// spec is the subject, kind and method of the vote shown.
func (s *resolutionScreen) spec() (subject string, kind model.VoteKind, method model.VoteMethod, ok bool) {
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
func (s *resolutionScreen) text() string {
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
func (s *resolutionScreen) title(subject string) string {
	if _, it, _, ok := s.c.Current(); ok && s.motion == 0 && it.Title == subject {
		return s.c.Texts.ItemTitle(it)
	}
	return subject
}

// recorded is the votes already taken on what the screen shows.
func (s *resolutionScreen) recorded() []session.Resolution {
	if s.motion > 0 {
		if r, ok := s.c.VoteOfMotion(s.motion); ok {
			return []session.Resolution{r}
		}
		return nil
	}
	return s.c.VotesOf(s.c.Snap.Item)
}

func (s *resolutionScreen) count(i int) int {
	n, _ := strconv.Atoi(s.counts[i].Value())
	return n
}

func (s *resolutionScreen) update(msg tea.Msg) (*common.Note, tea.Cmd) {
	c, t, k := s.c, s.c.Texts.M, s.c.Keys.Floor
	if s.motion == 0 && s.item != c.Snap.Item {
		s.onItem()
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	subject, kind, method, ok := s.spec()
	if !ok {
		return ptr(common.Info(t.NoResolution)), nil
	}
	confirming := s.confirm
	s.confirm = false
	switch {
	case key.Matches(km, k.Script) && !s.editing:
		s.full = !s.full
	case key.Matches(km, k.Vote) && !s.editing:
		s.open()
		return ptr(common.Info(t.VoteHint(k.Unanimous.Help().Key))), nil
	case km.String() == "esc":
		if confirming {
			return ptr(common.Info(c.Texts.Cancelled)), nil
		}
		if s.motion > 0 {
			s.motion, s.editing = 0, false
			s.back()
			return ptr(common.Info(c.Texts.Cancelled)), nil
		}
		s.editing = false
	case !s.editing:
		return nil, nil
	case key.Matches(km, k.Unanimous):
		p := c.Snap.Count.Present
		s.counts[0].SetValue(fmt.Sprint(p))
		s.counts[1].SetValue("0")
		s.counts[2].SetValue("0")
		s.confirm = true
		return ptr(common.Asking(t.ConfirmVote(c.Keys.Vote.Confirm.Help().Key, s.title(subject), p, 0, 0, true))), nil
	case s.motion > 0 && key.Matches(km, k.Kind):
		s.kind = map[model.VoteKind]model.VoteKind{model.VoteOrdinary: model.VoteCharter, model.VoteCharter: model.VoteOrdinary}[s.kind]
	case s.motion > 0 && key.Matches(km, k.Method):
		s.method = map[model.VoteMethod]model.VoteMethod{model.VoteHands: model.VoteBallot, model.VoteBallot: model.VoteHands}[s.method]
	case km.String() == "tab" || km.String() == "down":
		s.at = (s.at + 1) % 3
	case km.String() == "shift+tab" || km.String() == "up":
		s.at = (s.at + 2) % 3
	case km.String() == "enter":
		if !confirming {
			s.confirm = true
			return ptr(common.Asking(t.ConfirmVote(c.Keys.Vote.Confirm.Help().Key, s.title(subject), s.count(0), s.count(1), s.count(2), false))), nil
		}
		_, err := c.Exec(session.RecordVote{Meta: c.Meta(), Subject: subject, Kind: kind, Method: method,
			For: s.count(0), Against: s.count(1), Abstain: s.count(2), Motion: s.motion})
		if err != nil {
			n := c.Refusal(err)
			return &n, nil
		}
		s.editing = false
		r := c.Snap.Votes[len(c.Snap.Votes)-1]
		return ptr(common.Done(t.Recorded(r.No, t.Derivation(r.Need, r.For, r.Adopted)))), nil
	default:
		s.counts[s.at].Update(km)
	}
	return nil, nil
}

func (s *resolutionScreen) view() []string {
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
	if len(votes) > 0 {
		last = &votes[len(votes)-1]
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
		lines = append(lines, common.WrapStyled(text, s.w, st.Name)...)
	}
	lines = append(lines, common.Cut(t.HowVoted(t.Method(method), t.KindWords(kind), words.RuleText(c.VoteRule(kind), c.Setup.Meeting.VoteBase, c.Texts.Lang)), s.w))
	n := c.Snap.Count
	lines = append(lines, s.c.Styles.Counts.Render(c.Texts.Present(n.Present, n.Expected)))
	for _, r := range votes {
		lines = append(lines, widgets.OutcomeLine(c, r, s.w))
	}
	if !s.editing {
		if len(votes) == 0 {
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
