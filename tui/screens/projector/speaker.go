package projector

import (
	"fmt"
	"time"

	"podium/model"
	"podium/session"
	"podium/tui/common"
)

// The floor on the projector (docs/DELIBERATION.md): while a speech is
// under way, or during a deliberation item with requests waiting, the
// hall sees who speaks (name and unit), the countdown in large type —
// green, amber in the last 30 seconds, red and counting up once over —
// and the next three on the list.

// floor reports whether item i shows the floor: a speech under way, or a
// deliberation item with requests waiting.
func (p *Screen) floor(i int, it model.Item) bool {
	l := p.c.List(i)
	return l.Speaking != 0 || it.Kind == model.ItemDeliberation && len(l.Waiting) > 0
}

// speaker is the speech under way with its countdown, then the next three.
func (p *Screen) speaker(i int, it model.Item, w, h int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	// A small screen leaves out the item and the blank lines, so that the
	// countdown keeps its large type.
	compact := h < 22
	gap := func() []string {
		if compact {
			return nil
		}
		return []string{""}
	}
	var out []string
	if !compact {
		out = append(out, common.Center(s.Dim.Render(t.P.ItemNo(i+1)+" · "+t.ItemTitle(it)), w), "")
	}
	next := p.next(i, w)
	if sp, ok := c.Speaking(); ok {
		p.timer = true
		name, unit, kind := c.Speaker(sp)
		who := s.Title.Render(name)
		if unit != "" {
			who += s.Name.Render("  " + unit)
		}
		kindWord := t.F.Kind(sp.Kind)
		if kind != model.Formal {
			kindWord += " · " + t.Kind(kind)
		}
		out = append(out, common.Center(s.Dim.Render(t.F.ProjSpeaking+" · "+kindWord), w), common.Center(who, w))
		out = append(out, gap()...)
		left, phase := c.Countdown(sp, c.Now())
		st := c.PhaseStyle(phase)
		room := h - len(out) - len(next) - 1 - 2*len(gap())
		out = append(out, figure(left, w-4, room, most(w, h)+1, st)...)
		label := t.F.ProjLeft
		if phase == session.PhaseOver {
			label = t.F.ProjOver
		}
		out = append(out, gap()...)
		out = append(out, common.Center(st.Render(label)+s.Dim.Render("   "+t.F.Limit(common.Elapsed(secs(sp.Limit)))), w))
	}
	if len(next) > 0 {
		out = append(out, gap()...)
		out = append(out, next...)
	}
	return out
}

// next is the next three on the list: a title and a line each.
func (p *Screen) next(i, w int) []string {
	c, t, s := p.c, p.c.Texts, p.c.Styles
	waiting := c.List(i).Waiting
	if len(waiting) == 0 {
		return nil
	}
	var rows []string
	for j, no := range waiting[:min(3, len(waiting))] {
		sp, _ := c.Speech(no)
		name, unit, kind := c.Speaker(sp)
		line := s.Counts.Render(fmt.Sprintf("%d  ", j+1)) + s.Name.Render(name)
		if unit != "" {
			line += s.Dim.Render("  " + unit)
		}
		if kind != model.Formal {
			line += s.Dim.Render(" · " + t.Kind(kind))
		}
		if sp.Kind != session.SpeechOrdinary {
			st := s.Dim
			if sp.Kind == session.SpeechOrder {
				st = s.MsgAsk
			}
			line += st.Render("  " + t.F.Kind(sp.Kind))
		}
		rows = append(rows, common.Cut(line, w-4))
	}
	// The rows left-aligned in a block in the middle.
	bw := 0
	for _, r := range rows {
		bw = max(bw, common.Width(r))
	}
	out := []string{common.Center(s.Dim.Render(t.F.ProjNext), w)}
	for _, r := range rows {
		out = append(out, common.Center(common.Fit(r, bw), w))
	}
	return out
}

// secs is n seconds.
func secs(n int) time.Duration { return time.Duration(n) * time.Second }
