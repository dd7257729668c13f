package widgets

import (
	"strings"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// ItemHead is the first lines of every meeting screen: the item's number
// and title, and its presenter. Its timer is in the header, on every
// screen.
func ItemHead(c *common.Common, w int) []string {
	t, s := c.Texts, c.Styles
	i, it, _, ok := c.Current()
	if !ok {
		return []string{s.Dim.Render(t.NotStarted)}
	}
	kind := t.M.KindName(it.Kind)
	if strings.Contains(strings.ToLower(t.ItemTitle(it)), strings.ToLower(kind)) {
		kind = ""
	}
	lines := c.WrapStyled(t.M.ItemLine(i+1, t.ItemTitle(it), kind), w, s.Title)
	if it.Presenter != "" {
		lines = append(lines, s.Dim.Render(common.Cut(t.M.Presenter(it.Presenter), w)))
	}
	return lines
}

// SectionRule is a titled rule: "── 主持词 ──────".
func SectionRule(c *common.Common, title string, w int) string {
	s := c.Styles
	head := "── " + title + " "
	return s.SideTitle.Render(head) + s.Rule.Render(strings.Repeat("─", max(0, w-common.Width(head))))
}

// NoteLines is the secretary's notes on item i, newest last, with the key
// that adds one.
func NoteLines(c *common.Common, i int, w int) []string {
	t, s := c.Texts, c.Styles
	notes := c.NotesOf(i)
	lines := []string{SectionRule(c, t.M.NotesTitle(len(notes)), w)}
	if len(notes) == 0 {
		return append(lines, s.Dim.Render(common.Cut(t.M.NoNotes(c.Keys.AddNote.Help().Key), w)))
	}
	for _, n := range notes {
		head := s.Dim.Render(c.Clock(n.At)+" ") + " "
		for j, l := range c.WrapStyled(n.Text, w-7, s.Name) {
			if j > 0 {
				head = "       "
			}
			lines = append(lines, head+l)
		}
	}
	return lines
}

// ScriptBox is the host's script of the current item when it is of kind
// k: all of it when full, else at most a quarter of the screen.
func ScriptBox(c *common.Common, k model.ItemKind, vote *session.Resolution, full bool, w, h int) []string {
	i, it, _, ok := c.Current()
	if !ok || it.Kind != k {
		return nil
	}
	lines := c.WrapStyled(c.Script(i, vote), w, c.Styles.Script)
	if room := max(2, h/4); len(lines) > room && !full {
		lines = append(lines[:room-1], c.Styles.Dim.Render(common.Cut(c.Texts.M.MoreScript(c.Keys.Floor.Script.Help().Key), w)))
	}
	return append([]string{SectionRule(c, c.Texts.M.ScriptTitle, w)}, lines...)
}

// OutcomeLine is a recorded vote with its derivation, in the outcome's
// colour, the derivation first: 需 61 票，赞成 64 票，通过  第 1 次 09:30 赞成 64 反对 3 弃权 2.
// A struck vote is drawn struck through and dim (RULES §3: it stays in the
// record and never counts); OutcomeLines adds when and why.
func OutcomeLine(c *common.Common, r session.Resolution, w int) string {
	t, st := c.Texts.M, c.Styles
	style := st.Rejected
	if r.Adopted {
		style = st.Adopted
	}
	line := t.Derivation(r.Need, r.For, r.Adopted)
	counts := t.VoteCounts(r.No, c.Clock(r.At), r.For, r.Against, r.Abstain)
	if r.Struck != nil {
		struck := st.Dim.Strikethrough(true)
		return common.Cut(struck.Render(line)+"  "+struck.Render(counts), w)
	}
	return common.Cut(style.Render(line)+"  "+st.Dim.Render(counts), w)
}

// OutcomeLines is OutcomeLine and, for a struck vote, the lines saying
// when and why it was struck.
func OutcomeLines(c *common.Common, r session.Resolution, w int) []string {
	out := []string{OutcomeLine(c, r, w)}
	if r.Struck != nil {
		for _, l := range common.Wrap(c.Texts.M.StruckLine(c.Clock(r.Struck.At), r.StruckReason), w-2) {
			out = append(out, "  "+c.Styles.MsgAsk.Render(l))
		}
	}
	return out
}
