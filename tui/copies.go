package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"

	"podium/session"
	"podium/tui/common"
)

// Copies is how this podium's copies of the log stand, for the header and
// its banner: the mirror file, the primary it follows as a standby, and a
// takeover of this congress by another podium. Options.Copies gives it; it
// is read at every redraw (at least every second).
type Copies struct {
	// Mirror is the mirror file ("" when there is none); MirrorErr why it
	// cannot be written (nil while it is in step).
	Mirror    string
	MirrorErr error
	// Follows is the primary's address when this podium is a standby,
	// "" otherwise. Behind is how many events it lacks of the primary's,
	// Lag for how long it has lacked some; Silent how long the primary has
	// said nothing (0 while connected); Skew this clock minus the
	// primary's; Stopped why following stopped for good.
	Follows string
	Seq     uint64 // the last event received
	Behind  uint64
	Lag     time.Duration
	Silent  time.Duration
	Skew    time.Duration
	Stopped error
	// Fenced is set when another podium took this congress over.
	Fenced *session.FencedError
}

// copies reads Options.Copies (the zero Copies when not set).
func (m *Model) copies() Copies {
	if m.copiesOf == nil {
		return Copies{}
	}
	return m.copiesOf()
}

// copiesBadge is the header's badge of the copies, "" when there are none.
func (m *Model) copiesBadge(cp Copies) string {
	t, s := m.c.Texts.R, m.c.Styles
	var out []string
	if cp.Follows != "" {
		switch {
		case cp.Stopped != nil:
			out = append(out, s.BadgeBad.Render(t.StandbyLost("—")))
		case cp.Silent >= 3*time.Second:
			out = append(out, s.BadgeBad.Render(t.StandbyLost(secs(cp.Silent))))
		case cp.Behind == 0:
			out = append(out, s.BadgeOK.Render(t.Standby(0, "")))
		default:
			out = append(out, s.BadgeBad.Render(t.Standby(cp.Behind, secs(cp.Lag))))
		}
	}
	if cp.Mirror != "" {
		if cp.MirrorErr != nil {
			out = append(out, s.BadgeBad.Render(t.MirrorBad))
		} else {
			out = append(out, s.Dim.Render(t.MirrorOK))
		}
	}
	return strings.Join(out, "  ")
}

// secs is a duration in seconds with one decimal.
func secs(d time.Duration) string { return fmt.Sprintf("%.1f", d.Seconds()) }

// copiesBanner is the banner of the copies: a takeover of this congress,
// a standby that stopped, a mirror that fails, a standby's own line.
func (m *Model) copiesBanner(cp Copies, w int) []string {
	t := m.c.Texts.R
	var text string
	switch {
	case cp.Fenced != nil:
		f := cp.Fenced
		text = t.Fenced(f.By, f.At.In(m.c.Now().Location()).Format("15:04:05"), f.Seq, f.Epoch)
	case cp.Stopped != nil:
		text = t.Stopped(cp.Stopped.Error())
	case cp.MirrorErr != nil:
		text = t.MirrorFailed(cp.Mirror, strings.TrimPrefix(cp.MirrorErr.Error(), "data: "))
	case cp.Follows != "" && (cp.Skew > 2*time.Second || cp.Skew < -2*time.Second):
		text = t.Skew(secs(cp.Skew.Abs()))
	case cp.Follows != "":
		text = t.Following(cp.Follows, takeOverKey(t).Help().Key)
		return []string{m.c.Styles.Dim.Render(common.Fit(" "+text, w))}
	default:
		return nil
	}
	var lines []string
	for _, l := range common.Wrap(" ! "+text, w) {
		lines = append(lines, m.c.Styles.Banner.Render(common.Fit(l, w)))
	}
	return lines[:min(len(lines), maxBannerLines)]
}

// takeOverKey is the standby's key that takes over.
func takeOverKey(t *common.CopyTexts) key.Binding {
	return key.NewBinding(key.WithKeys("T"), key.WithHelp("T", t.TakeOverHelp))
}

// takeOverKeys is the standby's frame key, when it may take over.
func (m *Model) takeOverKeys() []common.Binding {
	if m.takeOver == nil {
		return nil
	}
	return []common.Binding{common.Key(takeOverKey(m.c.Texts.R), m.takeOverAsk)}
}

// takeOverAsk asks twice before taking over.
func (m *Model) takeOverAsk() {
	t, k := m.c.Texts.R, takeOverKey(m.c.Texts.R)
	cp := m.copies()
	m.Confirm(k, t.ConfirmTakeOver(k.Help().Key, cp.Follows, cp.Seq), func() {
		m.Confirm(k, t.ConfirmAgain(k.Help().Key), m.takeOverNow)
	})
}

// takeOverNow takes over; the program then ends, and the caller goes on
// as the congress's writer.
func (m *Model) takeOverNow() {
	t := m.c.Texts.R
	if err := m.takeOver(); err != nil {
		if text, _ := m.c.Texts.Refusal(err, func(id string) string { return id }); text != m.c.Texts.Failed(err) {
			m.c.Say(common.Failed(t.TakeOverFailed(text)))
		} else {
			m.c.Say(common.Failed(t.TakeOverFailed(err.Error())))
		}
		return
	}
	m.quitting = true
}
