package common

import (
	"image/color"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Palette is the handful of colours every style is built from.
type Palette struct {
	Fg, Dim, Faint, Accent, OK, Bad, Warn, BannerFg, BannerBg color.Color
}

// NewPalette returns the palette for a dark or a light terminal background.
func NewPalette(dark bool) Palette {
	ld := lipgloss.LightDark(dark)
	c := lipgloss.Color
	return Palette{
		Fg:       ld(c("#1F1F1F"), c("#E4E4E4")),
		Dim:      ld(c("#6E6E6E"), c("#9A9A9A")),
		Faint:    ld(c("#A8A8A8"), c("#5C5C5C")),
		Accent:   ld(c("#0B5CAD"), c("#6CB6FF")),
		OK:       ld(c("#137333"), c("#5FD35F")),
		Bad:      ld(c("#B3261E"), c("#FF6B6B")),
		Warn:     ld(c("#8A5A00"), c("#F2C14E")),
		BannerFg: ld(c("#FFFFFF"), c("#FFFFFF")),
		BannerBg: ld(c("#B3261E"), c("#A3201A")),
	}
}

// Styles are the lipgloss styles of every screen, built from one palette.
type Styles struct {
	Title, Clock, Counts, BadgeOK, BadgeBad, Declared, Banner, Rule Style

	SideTitle, ItemCurrent, ItemDone, ItemTodo, ItemNext, Sep Style

	// The meeting screens: the host's script box and the outcome of a vote.
	Script, Adopted, Rejected Style

	Prompt, Query, Cursor, Placeholder, Position, ColHeader Style
	Marker, NameSel, Name, Dim                              Style
	StPresent, StLeave, StLeft, StOut                       Style

	MsgOK, MsgInfo, MsgErr, MsgAsk Style

	Help help.Styles
}

// NewStyles builds the styles for a dark or a light background.
func NewStyles(dark bool) *Styles {
	p := NewPalette(dark)
	s := func() Style { return Style{Style: lipgloss.NewStyle()} }
	fg := func(c color.Color) Style { return s().Foreground(c) }
	return &Styles{
		Title:    s().Bold(true).Foreground(p.Fg),
		Clock:    s().Bold(true).Foreground(p.Accent),
		Counts:   s().Bold(true).Foreground(p.Fg),
		BadgeOK:  s().Bold(true).Foreground(p.OK),
		BadgeBad: fg(p.Bad),
		Declared: fg(p.OK),
		Banner:   s().Bold(true).Foreground(p.BannerFg).Background(p.BannerBg),
		Rule:     fg(p.Faint),

		SideTitle:   s().Bold(true).Foreground(p.Dim),
		ItemCurrent: s().Bold(true).Foreground(p.Accent),
		ItemDone:    fg(p.Faint),
		ItemTodo:    fg(p.Fg),
		ItemNext:    s().Bold(true).Foreground(p.Fg),
		Script:      fg(p.Fg),
		Adopted:     s().Bold(true).Foreground(p.OK),
		Rejected:    s().Bold(true).Foreground(p.Bad),
		Sep:         fg(p.Faint),

		Prompt:      s().Bold(true).Foreground(p.Accent),
		Query:       s().Bold(true).Foreground(p.Fg),
		Cursor:      fg(p.Accent),
		Placeholder: fg(p.Faint),
		Position:    fg(p.Dim),
		ColHeader:   s().Bold(true).Foreground(p.Dim),
		Marker:      s().Bold(true).Foreground(p.Accent),
		NameSel:     s().Bold(true).Foreground(p.Accent),
		Name:        fg(p.Fg),
		Dim:         fg(p.Dim),
		StPresent:   fg(p.OK),
		StLeave:     fg(p.Warn),
		StLeft:      fg(p.Bad),
		StOut:       fg(p.Dim),

		MsgOK:   fg(p.OK),
		MsgInfo: fg(p.Accent),
		MsgErr:  s().Bold(true).Foreground(p.Bad),
		MsgAsk:  s().Bold(true).Foreground(p.Warn),

		Help: help.DefaultStyles(dark),
	}
}

// Style is a lipgloss style drawn fast: a style of colours and attributes
// only (no padding, margins, borders, width or alignment) draws a line
// without newlines or tabs as its escape codes, computed once, around the
// text — what lipgloss draws, without measuring the text each time.
type Style struct {
	lipgloss.Style
	pre, post string
	fast      bool
}

// Foreground returns the style with foreground c.
func (s Style) Foreground(c color.Color) Style { return newStyle(s.Style.Foreground(c)) }

// Background returns the style with background c.
func (s Style) Background(c color.Color) Style { return newStyle(s.Style.Background(c)) }

// Bold returns the style bold or not.
func (s Style) Bold(b bool) Style { return newStyle(s.Style.Bold(b)) }

// Underline returns the style underlined or not.
func (s Style) Underline(b bool) Style { return newStyle(s.Style.Underline(b)) }

// newStyle computes the escape codes of st around a text.
func newStyle(st lipgloss.Style) Style {
	out := Style{Style: st}
	const mark = "\x00"
	drawn := st.Render(mark)
	if i := strings.Index(drawn, mark); i >= 0 && strings.Count(drawn, mark) == 1 &&
		st.GetHorizontalFrameSize() == 0 && st.GetVerticalFrameSize() == 0 && st.GetWidth() == 0 && st.GetHeight() == 0 {
		out.pre, out.post, out.fast = drawn[:i], drawn[i+len(mark):], true
	}
	return out
}

// Render draws strs joined by spaces in the style.
func (s Style) Render(strs ...string) string {
	if s.fast && len(strs) == 1 {
		if t := strs[0]; t != "" && !strings.ContainsAny(t, "\n\t\r") {
			return s.pre + t + s.post
		}
	}
	return s.Style.Render(strs...)
}
