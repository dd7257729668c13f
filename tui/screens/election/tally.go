package election

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/session/election"
	"podium/tui/common"
	"podium/tui/widgets"
)

// tallyWriteIn is one write-in line of the sheet being entered.
type tallyWriteIn struct {
	name, category, approve string
}

// tallyEntry enters a paper tally sheet (计票单) instead of the ballots:
// per candidate approve / disapprove / abstain, the write-in lines and the
// invalid ballots per category. The core checks it against the ballots
// collected (EnterTally) and refuses it with the numbers that disagree.
type tallyEntry struct {
	c    *common.Common
	w, h int

	round    int
	counts   [][3]string
	writeIns []tallyWriteIn
	invalid  []string
	row, col int
	offset   int

	input bool          // typing a new write-in's name
	text  widgets.Input // the write-in name being typed
	cat   int

	// cellIn edits the cell under the cursor.
	cellIn widgets.Input

	leaving bool // esc, or the sheet entered: back to the steps

	refused *election.TallyError // the last refusal, to mark its line
}

func newTallyEntry(c *common.Common) *tallyEntry {
	return &tallyEntry{c: c, text: widgets.NewLine(), cellIn: widgets.NewNumber(6)}
}

func (t *tallyEntry) setSize(w, h int) { t.w, t.h = w, h }

func (t *tallyEntry) reset() { t.round = 0 }

func (t *tallyEntry) cur() (*session.Vote, *session.Round) { return openRound(t.c) }

// invalidNames are the invalid lines: one per category of the method, or
// one without categories.
func invalidNames(v *session.Vote) []string {
	if len(v.Method.Categories) == 0 {
		return []string{""}
	}
	var out []string
	for _, k := range v.Method.Categories {
		out = append(out, k.Name)
	}
	return out
}

// begin readies a blank sheet for the open round, or keeps the one being
// entered.
func (t *tallyEntry) begin() {
	v, r := t.cur()
	if r == nil || t.round == r.No {
		return
	}
	t.round = r.No
	t.counts = make([][3]string, len(r.Slate))
	t.writeIns = nil
	t.invalid = make([]string, len(invalidNames(v)))
	t.row, t.col, t.offset, t.refused = 0, 0, 0, nil
}

// nrows is the number of lines of the sheet.
func (t *tallyEntry) nrows() int { return len(t.counts) + len(t.writeIns) + len(t.invalid) }

// cell returns the cell under the cursor.
func (t *tallyEntry) cell() *string {
	n, w := len(t.counts), len(t.writeIns)
	switch {
	case t.row < n:
		return &t.counts[t.row][t.col]
	case t.row < n+w:
		return &t.writeIns[t.row-n].approve
	}
	return &t.invalid[t.row-n-w]
}

func (t *tallyEntry) cols() int {
	if t.row < len(t.counts) {
		return 3
	}
	return 1
}

func (t *tallyEntry) update(msg tea.Msg) (n *common.Note, back bool) {
	v, r := t.cur()
	if r == nil {
		return &common.Note{}, true
	}
	if t.round != r.No {
		t.begin()
	}
	if t.input {
		return t.updateInput(v, msg), false
	}
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, false
	}
	t.leaving = false
	if _, ok := common.Handle(t.keys(v, r), k); !ok {
		// The cell under the cursor is edited as a field of 6 digits.
		c := t.cell()
		t.cellIn.SetValue(*c)
		if t.cellIn.Update(k) {
			*c = t.cellIn.Value()
		}
	}
	t.col = max(0, min(t.col, t.cols()-1))
	return nil, t.leaving
}

// keys is the tally sheet's table: move between the cells, add or drop a
// write-in line, submit; digits and backspace edit the cell.
func (t *tallyEntry) keys(v *session.Vote, r *session.Round) []common.Binding {
	c, k, vk, tx := t.c, t.c.Keys, t.c.Keys.Vote, t.c.Texts.V
	last := t.nrows() - 1
	return []common.Binding{
		common.KeyMsg(vk.Cell, func(m tea.KeyPressMsg) tea.Cmd {
			switch m.String() {
			case "up":
				t.row = max(0, t.row-1)
			case "down":
				t.row = min(last, t.row+1)
			case "left":
				t.col = max(0, t.col-1)
			case "right":
				t.col++
			case "tab":
				t.col++
				if t.col >= t.cols() {
					t.col = 0
					t.row = min(last, t.row+1)
				}
			}
			return nil
		}).In(true, 1),
		common.Key(vk.AddRow, func() {
			t.input = true
			t.text.Reset()
			c.Say(common.Info(tx.WriteInHint))
		}).In(true, 1),
		common.Key(vk.DropWriteIn, func() {
			if i := t.row - len(t.counts); i >= 0 && i < len(t.writeIns) {
				t.writeIns = append(t.writeIns[:i], t.writeIns[i+1:]...)
			}
		}).In(false, 1),
		common.Key(vk.Submit, func() {
			n := t.submit(v, r)
			c.Tell(n)
			t.leaving = n.Kind == common.NoteOK
		}).For(session.EnterTally{}).In(true, 1),
		common.Key(vk.Back, func() {
			c.Say(common.Note{})
			t.leaving = true
		}).In(true, 1),
		common.More(k, 0),
	}
}

func (t *tallyEntry) updateInput(v *session.Vote, msg tea.Msg) *common.Note {
	switch k := msg.(type) {
	case tea.PasteMsg:
		t.text.Update(k)
	case tea.KeyPressMsg:
		switch {
		case k.String() == "esc":
			t.input = false
			return common.Info(t.c.Texts.Cancelled).Ref()
		case k.String() == "tab":
			if n := len(v.Method.Categories); n > 0 {
				t.cat = (t.cat + 1) % n
			}
		case k.String() == "enter":
			t.input = false
			name := strings.TrimSpace(t.text.Value())
			if name == "" {
				return nil
			}
			w := tallyWriteIn{name: name}
			if cs := v.Method.Categories; len(cs) > 0 {
				w.category = cs[t.cat%len(cs)].Name
			}
			t.writeIns = append(t.writeIns, w)
			t.row, t.col = len(t.counts)+len(t.writeIns)-1, 0
		default:
			t.text.Update(k)
		}
	}
	return nil
}

func (t *tallyEntry) rows() int { return max(3, t.h-6) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// sheet is the tally as entered; blank cells are 0.
func (t *tallyEntry) sheet() election.Tally {
	var s election.Tally
	for _, c := range t.counts {
		s.Counts = append(s.Counts, election.TallyCount{Approve: atoi(c[0]), Disapprove: atoi(c[1]), Abstain: atoi(c[2])})
	}
	for _, w := range t.writeIns {
		s.WriteIns = append(s.WriteIns, election.WriteInCount{Name: w.name, Category: w.category, Approve: atoi(w.approve)})
	}
	for _, n := range t.invalid {
		s.Invalid = append(s.Invalid, atoi(n))
	}
	return s
}

// submit enters the sheet; the core checks it against collected.
func (t *tallyEntry) submit(v *session.Vote, r *session.Round) *common.Note {
	c := t.c
	_, err := c.Exec(session.EnterTally{Meta: c.Meta(), Tally: t.sheet()})
	if err != nil {
		t.refused = nil
		var te *election.TallyError
		if errors.As(err, &te) {
			t.refused = te
		}
		text, _ := c.Texts.Refusal(err, c.PersonName)
		return common.Failed(text).Ref()
	}
	t.refused = nil
	return common.Done(c.Texts.V.TallySaved(r.Collected)).Ref()
}

// view renders the sheet: one line per candidate, the write-in lines, the
// invalid ballots, with the cell under the cursor marked.
func (t *tallyEntry) view() []string {
	v, r := t.cur()
	s, tx := t.c.Styles, t.c.Texts.V
	if r == nil {
		return common.Block([]string{"", "  " + s.Dim.Render(tx.NoOpenRound)}, t.w, t.h)
	}
	if t.round != r.No {
		t.begin()
	}
	lines := []string{common.Spread(s.Title.Render(tx.RoundName(r.No, r.Kind, revoted(v))+" · "+tx.TallyEntry),
		s.Dim.Render(tx.CollectedIs(r.Collected)), t.w)}
	withCat := len(v.Method.Categories) > 0
	nw, cw := 8, 0
	for _, c := range r.Slate {
		nw = max(nw, common.Width(t.c.CandidateLabel(c.Name)))
		cw = max(cw, common.Width(c.Category))
	}
	for _, w := range t.writeIns {
		nw = max(nw, common.Width(w.name))
	}
	nw = min(nw, 26) // a name with its unit (two people of one name) fits
	if withCat {
		cw = max(cw, common.Width(tx.CategoryHead))
	}
	const numW = 7
	cellAt := func(row, col int, val string) string {
		txt := fmt.Sprintf("%*s", numW-2, val)
		if row == t.row && col == t.col && !t.input {
			return s.Marker.Render("[") + s.Query.Render(fmt.Sprintf("%*s", numW-2, val)) + s.Marker.Render("]")
		}
		return " " + txt + " "
	}
	line := func(name, cat string, cells ...string) string {
		l := "  " + common.Fit(name, nw) + "  "
		if withCat {
			l += common.Fit(cat, cw) + "  "
		}
		return l + strings.Join(cells, " ")
	}
	hd := func(h string) string { return " " + common.Rpad(h, numW-2) + " " }
	lines = append(lines, s.ColHeader.Render(line(tx.CandidateHead, tx.CategoryHead,
		hd(tx.ApproveShort), hd(tx.DisapproveShort), hd(tx.AbstainShort), hd("Σ"))))
	var body []string
	bad := func(name, cat string) bool {
		e := t.refused
		return e != nil && ((e.Candidate != "" && e.Candidate == name) || (e.Candidate == "" && e.Category != "" && e.Category == cat && name == ""))
	}
	for i, c := range r.Slate {
		cnt := t.counts[i]
		sum := atoi(cnt[0]) + atoi(cnt[1]) + atoi(cnt[2])
		l := line(t.c.CandidateLabel(c.Name), c.Category, cellAt(i, 0, cnt[0]), cellAt(i, 1, cnt[1]), cellAt(i, 2, cnt[2]), s.Dim.Render(hd(fmt.Sprint(sum))))
		if bad(c.Name, c.Category) {
			l += "  " + s.MsgErr.Render("←")
		}
		body = append(body, l)
	}
	n := len(r.Slate)
	for j, w := range t.writeIns {
		l := line(w.name, w.category, cellAt(n+j, 0, w.approve))
		if bad(w.name, w.category) {
			l += "  " + s.MsgErr.Render("←")
		}
		if j == 0 {
			body = append(body, s.SideTitle.Render("  "+tx.WriteInLabel))
		}
		body = append(body, l)
	}
	names := invalidNames(v)
	for j := range t.invalid {
		label := tx.InvalidLabel
		if names[j] != "" {
			label += tx.Paren(names[j])
		}
		l := line(label, "", cellAt(n+len(t.writeIns)+j, 0, t.invalid[j]))
		if bad("", names[j]) {
			l += "  " + s.MsgErr.Render("←")
		}
		body = append(body, l)
	}
	// The write-in heading takes a line: keep the cursor's line on screen.
	bi := t.row
	if len(t.writeIns) > 0 && t.row >= n {
		bi++
	}
	rows := t.rows()
	if bi < t.offset {
		t.offset = bi
	}
	if bi >= t.offset+rows {
		t.offset = bi - rows + 1
	}
	t.offset = max(0, min(t.offset, len(body)-rows))
	start := t.offset
	end := min(len(body), start+rows)
	lines = append(lines, body[start:end]...)
	if start > 0 || end < len(body) {
		lines = append(lines, s.Dim.Render("  "+tx.More(start+1, end, len(body))))
	}
	lines = append(lines, "")
	if t.input {
		t.text.Prompt = tx.WriteInLabel + " › "
		l := t.text.View(s, 0)
		if cs := v.Method.Categories; len(cs) > 0 {
			l += "   " + s.Dim.Render(tx.CategoryHead+tx.Colon) + s.Query.Render(cs[t.cat%len(cs)].Name) + s.Dim.Render("  (tab)")
		}
		lines = append(lines, l)
	} else {
		for _, l := range common.Wrap(tx.TallyHint, t.w-2) {
			lines = append(lines, s.Dim.Render("  "+l))
		}
	}
	return common.Block(lines, t.w, t.h)
}
