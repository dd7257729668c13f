package election

import (
	"fmt"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/tui/widgets"
)

// ballotInput is the small input open on the ballot screen, if any.
type ballotInput int

const (
	inputNone    ballotInput = iota
	inputWriteIn             // a write-in name
	inputSpoil               // the reason a ballot is spoiled
)

// ballotEntry is the tellers' ballot entry: one paper ballot at a time,
// keyed as a row of marks (o, x, space: one key per candidate, the cursor
// moving down), write-ins typed by name, the ballot's validity judged by
// package election before it is saved, and a running tally of the
// teller's stack. The teller is the terminal's actor; a second terminal
// with another actor keys the same stack (double entry).
type ballotEntry struct {
	c    *common.Common
	w, h int

	round    int // the round the editor belongs to (No), 0 before any
	pos      int // stack position being keyed; len(mine) for a new ballot
	marks    []election.Mark
	writeIns []election.WriteIn
	spoiled  string
	row      int // candidate under the cursor
	offset   int // first candidate row shown

	input ballotInput
	text  widgets.Input // the write-in name or the reason being typed
	cat   int           // category of the write-in being typed

	leaving bool // esc was pressed: back to the steps

	// teller is who keys: the terminal's actor, or its second teller
	// (actor + "/2") when two tellers share one keyboard for double entry.
	teller string

	tally struct { // running tally of the teller's stack, cached
		seq uint64
		res election.Result
		ok  bool
	}
}

func newBallotEntry(c *common.Common) *ballotEntry {
	return &ballotEntry{c: c, teller: c.Actor, text: widgets.NewLine()}
}

// swapTeller hands the keyboard to the other teller of this terminal: the
// second teller keys the same stack again, and podium compares the two.
func (b *ballotEntry) swapTeller() {
	if b.teller == b.c.Actor {
		b.teller = b.c.Actor + "/2"
	} else {
		b.teller = b.c.Actor
	}
	b.round = 0 // a fresh editor after this teller's stack
	b.tally.ok = false
	b.begin()
}

// writeInCategory is the category a new write-in most likely stands for:
// that of the nearest × above the cursor (a write-in needs a × in its own
// category), else the one chosen last. tab changes it.
func (b *ballotEntry) writeInCategory(v *session.Vote, r *session.Round) int {
	cs := v.Method.Categories
	for i := min(b.row, len(b.marks)-1); i >= 0 && len(cs) > 0; i-- {
		if b.marks[i] != election.Disapprove || i >= len(r.Slate) {
			continue
		}
		for j, c := range cs {
			if c.Name == r.Slate[i].Category {
				return j
			}
		}
	}
	return b.cat
}

// meta is a command's time and actor: the teller keying.
func (b *ballotEntry) meta() session.Meta {
	return session.Meta{At: b.c.Now(), Actor: b.teller, Role: b.c.Role}
}

func (b *ballotEntry) setSize(w, h int) { b.w, b.h = w, h }

// cur returns the election and its round open for entry, or nil.
func (b *ballotEntry) cur() (*session.Vote, *session.Round) { return openRound(b.c) }

// openRound returns the election (nil when none) and its current round
// while it is open for ballots or a tally sheet (nil once decided).
func openRound(c *common.Common) (*session.Vote, *session.Round) {
	v := c.Snap.Vote
	if v == nil {
		return nil, nil
	}
	r := v.Current()
	if r == nil || r.Decided != nil {
		return v, nil
	}
	return v, r
}

// mine is this teller's keyed stack.
func (b *ballotEntry) mine(r *session.Round) []election.Ballot { return r.Entries[b.teller] }

// reset forgets the editor (a new round opened).
func (b *ballotEntry) reset() { b.round = 0 }

// begin readies the editor when the screen opens: a fresh ballot after
// the teller's stack, unless a ballot is being edited in this round.
func (b *ballotEntry) begin() {
	_, r := b.cur()
	if r == nil {
		return
	}
	if b.round != r.No {
		b.round = r.No
		b.load(len(b.mine(r)))
		return
	}
	b.pos = min(b.pos, len(b.mine(r)))
}

// load puts stack position p into the editor: the keyed ballot to correct,
// or a blank one after the end of the stack.
func (b *ballotEntry) load(p int) {
	_, r := b.cur()
	if r == nil {
		return
	}
	mine := b.mine(r)
	p = max(0, min(p, len(mine)))
	b.pos, b.row, b.offset, b.input = p, 0, 0, inputNone
	b.text.Reset()
	b.marks = make([]election.Mark, len(r.Slate))
	b.writeIns, b.spoiled = nil, ""
	if p < len(mine) {
		copy(b.marks, mine[p].Marks)
		b.writeIns = slices.Clone(mine[p].WriteIns)
		b.spoiled = mine[p].Spoiled
	}
}

// ballot is the ballot in the editor.
func (b *ballotEntry) ballot() election.Ballot {
	return election.Ballot{Marks: slices.Clone(b.marks), WriteIns: slices.Clone(b.writeIns), Spoiled: b.spoiled}
}

// update handles a key on the ballot screen; back reports a return to the
// steps view.
func (b *ballotEntry) update(msg tea.Msg) (n *common.Note, back bool) {
	v, r := b.cur()
	if r == nil {
		return &common.Note{}, true
	}
	if b.round != r.No {
		b.begin()
	}
	if len(b.marks) != len(r.Slate) {
		b.load(b.pos)
	}
	if b.input != inputNone {
		return b.updateInput(v, r, msg), false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	b.leaving = false
	common.Handle(b.keys(v, r), k)
	b.visible()
	return nil, b.leaving
}

// keys is ballot entry's table: the marks, the rows, save, write-ins,
// spoil, take back, the other teller, the stack and its differences.
func (b *ballotEntry) keys(v *session.Vote, r *session.Round) []common.Binding {
	c, k, vk, t := b.c, b.c.Keys, b.c.Keys.Vote, b.c.Texts.V
	last := len(b.marks) - 1
	mark := func(m election.Mark) func() { return func() { b.set(m, last) } }
	row := func(to func() int) func() { return func() { b.row = to() } }
	return []common.Binding{
		common.Key(vk.Approve, mark(election.Approve)).In(true, 1),
		common.Key(vk.Disapprove, mark(election.Disapprove)).In(true, 1),
		common.Key(vk.Abstain, mark(election.Abstain)).In(true, 1),
		common.KeyMsg(vk.Row, func(m tea.KeyPressMsg) tea.Cmd {
			if m.String() == "up" {
				b.row = max(0, b.row-1)
			} else {
				b.row = min(last, b.row+1)
			}
			return nil
		}).In(false, 1),
		common.Key(vk.Clear, func() {
			if b.row > 0 {
				b.row--
			}
			b.marks[b.row] = election.Abstain
		}).In(false, 1),
		common.Key(k.Home, row(func() int { return 0 })).In(false, 1),
		common.Key(k.End, row(func() int { return last })),
		common.Key(vk.Save, func() { c.Tell(b.save(r)) }).For(session.EnterBallot{}).In(true, 2),
		common.Key(vk.Back, func() {
			c.Say(common.Note{})
			b.leaving = true
		}).In(true, 3),
		common.Key(vk.WriteIn, func() {
			b.input = inputWriteIn
			b.text.Reset()
			b.cat = b.writeInCategory(v, r)
			c.Say(common.Info(t.WriteInHint))
		}).In(true, 2),
		common.Key(vk.DropWriteIn, func() {
			if len(b.writeIns) > 0 {
				b.writeIns = b.writeIns[:len(b.writeIns)-1]
			}
		}).In(false, 2),
		common.Key(vk.Spoil, func() {
			if b.spoiled != "" {
				b.spoiled = ""
				return
			}
			b.input = inputSpoil
			b.text.Reset()
			c.Say(common.Info(t.SpoilHint))
		}).In(true, 2),
		common.Key(vk.Remove, func() { c.Tell(b.remove(r)) }).For(session.RemoveBallot{}).In(true, 2),
		common.Key(vk.Prev, func() { b.load(b.pos - 1) }).In(false, 3),
		common.Key(vk.NextBallot, func() { b.load(b.pos + 1) }),
		common.Key(vk.NextDiff, func() {
			diffs := r.PendingDiffers()
			if len(diffs) == 0 {
				c.Say(common.Info(t.NoDiffs))
				return
			}
			next := diffs[0]
			for _, d := range diffs {
				if d > b.pos {
					next = d
					break
				}
			}
			b.load(next)
			c.Say(common.Info(t.CorrectHint(next + 1)))
		}).In(true, 3),
		common.Key(vk.Teller, func() {
			b.swapTeller()
			c.Say(common.Info(t.TellerNow(b.teller)))
		}).In(false, 3),
		common.More(k, 3), common.FrameKey(k.Quit).In(false, 3),
	}
}

// set marks the candidate under the cursor and moves to the next one.
func (b *ballotEntry) set(m election.Mark, last int) {
	b.marks[b.row] = m
	if b.row < last {
		b.row++
	}
	b.visible()
}

// rows is the number of candidate rows that fit.
func (b *ballotEntry) rows() int { return max(3, b.h-7) }

func (b *ballotEntry) visible() {
	n := b.rows()
	if b.row < b.offset {
		b.offset = b.row
	}
	if b.row >= b.offset+n {
		b.offset = b.row - n + 1
	}
	b.offset = max(0, min(b.offset, len(b.marks)-n))
}

// updateInput edits the write-in name or the spoiled reason.
func (b *ballotEntry) updateInput(v *session.Vote, r *session.Round, msg tea.Msg) *common.Note {
	t := b.c.Texts.V
	switch k := msg.(type) {
	case tea.PasteMsg:
		b.text.Update(k)
	case tea.KeyPressMsg:
		switch {
		case k.String() == "esc":
			b.input = inputNone
			return common.Info(b.c.Texts.Cancelled).Ref()
		case k.String() == "tab":
			if n := len(v.Method.Categories); n > 0 {
				b.cat = (b.cat + 1) % n
			}
		case k.String() == "shift+tab":
			if n := len(v.Method.Categories); n > 0 {
				b.cat = (b.cat + n - 1) % n
			}
		case k.String() == "enter":
			text := strings.TrimSpace(b.text.Value())
			in := b.input
			b.input = inputNone
			b.text.Reset()
			if in == inputSpoil {
				if text == "" {
					text = t.SpoiledDefault
				}
				b.spoiled = text
				return b.save(r)
			}
			if text == "" {
				return nil
			}
			w := election.WriteIn{Name: text}
			if cs := v.Method.Categories; len(cs) > 0 {
				w.Category = cs[b.cat%len(cs)].Name
			}
			b.writeIns = append(b.writeIns, w)
		default:
			b.text.Update(k)
		}
	}
	return nil
}

// save enters the ballot in the editor at its stack position: appended
// for a new ballot, replacing the keyed one for a correction.
func (b *ballotEntry) save(r *session.Round) *common.Note {
	c, t := b.c, b.c.Texts.V
	idx := b.pos
	if b.pos >= len(b.mine(r)) {
		idx = -1
	}
	bal := b.ballot()
	verdict := judgeBallot(c, c.Snap.Vote, r, bal)
	if _, err := c.Exec(session.EnterBallot{Meta: b.meta(), Index: idx, Ballot: bal}); err != nil {
		text, _ := c.Texts.Refusal(err, c.PersonName)
		return common.Failed(text).Ref()
	}
	_, r = b.cur()
	if r == nil {
		return nil
	}
	what := t.Valid
	switch {
	case verdict.partly:
		what = strings.Join(verdict.reasons, t.Sep) // 部分无效：…；其余类别有效
	case !verdict.valid:
		what = t.Invalid
	}
	if idx >= 0 {
		diffs := r.PendingDiffers()
		next := len(b.mine(r))
		for _, d := range diffs {
			if d > idx && d < len(b.mine(r)) {
				next = d
				break
			}
		}
		b.load(next)
		return common.Done(t.Corrected(idx+1, what, len(diffs))).Ref()
	}
	n := len(b.mine(r))
	b.load(n)
	return common.Done(t.Saved(n, r.Collected, what)).Ref()
}

// remove takes back the teller's last keyed ballot and puts it in the
// editor, so that it can be keyed again.
func (b *ballotEntry) remove(r *session.Round) *common.Note {
	c, t := b.c, b.c.Texts.V
	mine := b.mine(r)
	if len(mine) == 0 {
		return common.Info(t.NothingToRemove).Ref()
	}
	last := mine[len(mine)-1]
	if _, err := c.Exec(session.RemoveBallot{Meta: b.meta()}); err != nil {
		text, _ := c.Texts.Refusal(err, c.PersonName)
		return common.Failed(text).Ref()
	}
	_, r = b.cur()
	if r == nil {
		return nil
	}
	b.load(len(b.mine(r)))
	copy(b.marks, last.Marks)
	b.writeIns, b.spoiled = slices.Clone(last.WriteIns), last.Spoiled
	return common.Done(t.Removed(len(mine))).Ref()
}

// running is the tally of the teller's stack so far, counted by package
// election (approvals over the valid ballots, as the decision will).
func (b *ballotEntry) running(v *session.Vote, r *session.Round) election.Result {
	if b.tally.ok && b.tally.seq == b.c.Snap.Seq {
		return b.tally.res
	}
	round := v.ElectionRound(r) // as the decision will count it
	round.Ballots = b.mine(r)
	res := election.Count(round)
	b.tally.seq, b.tally.res, b.tally.ok = b.c.Snap.Seq, res, true
	return res
}

// view renders the ballot screen as exactly h lines of w columns.
func (b *ballotEntry) view() []string {
	v, r := b.cur()
	s, t := b.c.Styles, b.c.Texts.V
	if r == nil {
		return common.Block([]string{"", "  " + s.Dim.Render(t.NoOpenRound)}, b.w, b.h)
	}
	if b.round != r.No || len(b.marks) != len(r.Slate) {
		b.round = r.No
		b.load(len(b.mine(r)))
	}
	mine := b.mine(r)
	lines := []string{common.Spread(s.Title.Render(t.RoundName(r.No, r.Kind, revoted(v))+" · "+t.BallotEntry),
		s.Dim.Render(t.Teller(b.teller)), b.w)}

	// Where in the stack, and the other tellers.
	var where string
	if b.pos < len(mine) {
		where = s.MsgAsk.Render(t.Correcting(b.pos+1, len(mine), r.Collected))
	} else {
		where = s.Counts.Render(t.BallotNo(b.pos+1, r.Collected)) + s.Dim.Render("  "+t.KeyedSoFar(len(mine)))
		if res := b.running(v, r); res.RoundValid && len(mine) > 0 {
			where += s.Dim.Render("  " + t.RunningCounts(res.Valid, res.PartlyInvalid, res.Invalid-res.PartlyInvalid))
		}
	}
	var others []string
	for _, tl := range r.Tellers {
		if tl != b.teller {
			others = append(others, t.OtherTeller(tl, len(r.Entries[tl])))
		}
	}
	lines = append(lines, common.Spread(where, s.Dim.Render(strings.Join(others, "  ")), b.w))

	// The candidates: mark, running tally, and the other teller's mark
	// at a difference being corrected.
	withCat := len(v.Method.Categories) > 0
	nw := 8
	cw := 0
	for _, c := range r.Slate {
		nw = max(nw, common.Width(b.c.CandidateLabel(c.Name)))
		cw = max(cw, common.Width(c.Category))
	}
	nw = min(nw, 26) // a name with its unit (two people of one name) fits
	if withCat {
		cw = max(cw, common.Width(t.CategoryHead))
	}
	other, otherName := b.otherAt(r)
	num := func(n int) string { return fmt.Sprintf("%5d", n) }
	num6 := func(n int) string { return fmt.Sprintf("%6d", n) }
	row := func(marker, no, name, cat, mark, a, d, ab, o string) string {
		l := marker + no + " " + common.Fit(name, nw) + "  "
		if withCat {
			l += common.Fit(cat, cw) + "  "
		}
		l += mark + "   " + a + " " + d + " " + ab
		if other != nil {
			l += "   " + o
		}
		return l
	}
	oh := ""
	if other != nil {
		oh = otherName
	}
	lines = append(lines, s.ColHeader.Render(row("  ", "  #", t.CandidateHead, t.CategoryHead, t.MarkHead,
		common.Rpad(t.ApproveShort, 5), common.Rpad(t.DisapproveShort, 6), common.Rpad(t.AbstainShort, 5), oh)))
	res := b.running(v, r)
	b.visible()
	end := min(len(r.Slate), b.offset+b.rows())
	for i := b.offset; i < end; i++ {
		c := r.Slate[i]
		marker, name := "  ", s.Name.Render(common.Fit(b.c.CandidateLabel(c.Name), nw))
		if i == b.row && b.input == inputNone {
			marker, name = s.Marker.Render("› "), s.NameSel.Render(common.Fit(b.c.CandidateLabel(c.Name), nw))
		}
		mark := b.markCell(b.marks[i], i == b.row)
		var a, d, ab string
		if i < len(res.Candidates) && res.RoundValid {
			cc := res.Candidates[i]
			a, d, ab = num(cc.Approve), num6(cc.Disapprove), num(cc.Abstain)
		} else {
			a, d, ab = num(0), num6(0), num(0)
		}
		o := ""
		if other != nil {
			om := markOf(other.Marks, i)
			o = t.MarkGlyph(om)
			if om != b.marks[i] {
				o = s.MsgErr.Render(o + " ≠")
			}
		}
		lines = append(lines, row(marker, fmt.Sprintf("%3d", i+1), name, c.Category, mark,
			s.Dim.Render(a), s.Dim.Render(d), s.Dim.Render(ab), o))
	}
	if b.offset > 0 || end < len(r.Slate) {
		lines = append(lines, s.Dim.Render(fmt.Sprintf("     %s", t.More(b.offset+1, end, len(r.Slate)))))
	}

	// Write-ins, the verdict, the differences.
	verdict := judgeBallot(b.c, v, r, b.ballot())
	lines = append(lines, b.writeInLine(v, verdict))
	lines = append(lines, b.verdictLine(verdict))
	if d := b.diffLine(r); d != "" {
		lines = append(lines, d)
	}
	// Keep the last lines visible: the rows window was sized for them.
	return common.Block(lines, b.w, b.h)
}

// otherAt is another teller's ballot at the position being corrected, when
// the core lists it as a difference; nil otherwise (double entry stays
// blind while keying new ballots).
func (b *ballotEntry) otherAt(r *session.Round) (*election.Ballot, string) {
	if b.pos >= len(b.mine(r)) || !slices.Contains(r.PendingDiffers(), b.pos) {
		return nil, ""
	}
	for _, tl := range r.Tellers {
		if tl != b.teller && b.pos < len(r.Entries[tl]) {
			bal := r.Entries[tl][b.pos]
			return &bal, tl
		}
	}
	return nil, ""
}

// markCell is a candidate's mark in the editor.
func (b *ballotEntry) markCell(m election.Mark, here bool) string {
	s, t := b.c.Styles, b.c.Texts.V
	cell := common.Center(t.MarkGlyph(m), 4)
	switch {
	case here:
		return s.Marker.Render("[" + common.Center(t.MarkGlyph(m), 2) + "]")
	case m == election.Abstain:
		return s.Dim.Render(cell)
	}
	return s.Counts.Render(cell)
}

// writeInLine lists the write-ins with the void ones marked, or the input.
func (b *ballotEntry) writeInLine(v *session.Vote, verdict ballotVerdict) string {
	s, t := b.c.Styles, b.c.Texts.V
	switch b.input {
	case inputWriteIn:
		b.text.Prompt = t.WriteInLabel + " › "
		l := b.text.View(s, 0)
		if cs := v.Method.Categories; len(cs) > 0 {
			l += "   " + s.Dim.Render(t.CategoryHead+t.Colon) + s.Query.Render(cs[b.cat%len(cs)].Name) + s.Dim.Render("  (tab)")
		}
		return l
	case inputSpoil:
		b.text.Prompt = t.SpoilLabel + " › "
		return b.text.View(s, 0) +
			"  " + s.Placeholder.Render(t.SpoiledDefault)
	}
	if len(b.writeIns) == 0 {
		return s.Dim.Render("  " + t.WriteInLabel + t.Colon + t.None)
	}
	var parts []string
	for i, w := range b.writeIns {
		p := w.Name
		if w.Category != "" {
			p += t.Paren(w.Category)
		}
		if i < len(verdict.void) && verdict.void[i] != "" {
			p = s.MsgErr.Render(p + " " + t.VoidWriteIn(verdict.void[i]))
		}
		parts = append(parts, p)
	}
	return "  " + s.Dim.Render(t.WriteInLabel+t.Colon) + strings.Join(parts, t.Sep)
}
