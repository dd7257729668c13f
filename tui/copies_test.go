package tui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"podium/session"
)

// TestMirrorBadge: the header says at once when the mirror file fails,
// with a banner naming the file and what to do; in step it is a quiet
// badge.
func TestMirrorBadge(t *testing.T) {
	for _, c := range []struct {
		lang, ok, bad, banner string
		w, h                  int
	}{{"zh", "镜像 ✓", "镜像 ✗", "插回U盘", 80, 24}, {"en", "mirror ✓", "mirror ✗", "put the stick back", 120, 40}} {
		t.Run(c.lang, func(t *testing.T) {
			sess := newSession(t, testSetup())
			cp := Copies{Mirror: "/media/usb/podium.mirror.db"}
			m := newModel(sess, Options{Lang: c.lang, Actor: "host", Now: func() time.Time { return t0 }, Copies: func() Copies { return cp }})
			m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
			if text := screen(m); !strings.Contains(text, c.ok) || strings.Contains(text, c.banner) {
				t.Errorf("in step:\n%s", text)
			}
			cp.MirrorErr = errors.New("data: append 3 event(s) from 412: write /media/usb/podium.mirror.db: input/output error")
			m.Update(tickMsg(t0))
			text := screen(m)
			flat := strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "")
			if !strings.Contains(text, c.bad) || !strings.Contains(flat, "input/outputerror") || !strings.Contains(flat, strings.ReplaceAll(c.banner, " ", "")) {
				t.Errorf("failing:\n%s", text)
			}
			checkFrame(t, m, c.w, c.h)
			golden(t, "mirror_failed_"+c.lang+"_"+sizeName(c.w, c.h), text)
		})
	}
}

// TestStandbyScreens: a standby sees the host's screens read-only, with
// how far behind it is in the header; every key that would change the
// congress is refused; T, confirmed twice, takes over and ends the
// program. A podium taken over says who took over, in a banner.
func TestStandbyScreens(t *testing.T) {
	for _, c := range []struct {
		lang, inStep, behind, lost, fenced string
		w, h                               int
	}{{"zh", "备机 同步", "备机 落后 12 条 1.5 秒", "主机 4.0 秒无响应", "本机已被接替", 80, 24},
		{"en", "standby in step", "standby 12 behind, 1.5 s", "primary silent 4.0 s", "Taken over", 120, 40}} {
		t.Run(c.lang, func(t *testing.T) {
			sess := newSession(t, testSetup())
			cp := Copies{Follows: "10.0.0.1:23234", Seq: 1}
			took := 0
			m := newModel(sess, Options{Lang: c.lang, Actor: "standby", Role: session.RoleStandby, Now: func() time.Time { return t0 },
				Copies: func() Copies { return cp }, TakeOver: func() error { took++; return nil }})
			m.Update(tea.WindowSizeMsg{Width: c.w, Height: c.h})
			text := screen(m)
			if !strings.Contains(text, c.inStep) || !strings.Contains(text, "10.0.0.1:23234") {
				t.Errorf("in step:\n%s", text)
			}
			checkFrame(t, m, c.w, c.h)
			golden(t, "standby_"+c.lang+"_"+sizeName(c.w, c.h), text)
			typeText(m, "zxl")
			press(m, tea.KeyEnter)
			if got := status(t, sess, "A001"); got != session.NotArrived {
				t.Errorf("a standby checked in: %v", got)
			}
			cp.Behind, cp.Lag = 12, 1500*time.Millisecond
			m.Update(tickMsg(t0))
			if text := screen(m); !strings.Contains(text, c.behind) {
				t.Errorf("behind:\n%s", text)
			}
			cp.Silent = 4 * time.Second
			m.Update(tickMsg(t0))
			if text := screen(m); !strings.Contains(text, c.lost) {
				t.Errorf("primary silent:\n%s", text)
			}

			press(m, tea.KeyEscape)
			typeText(m, "T")
			if took != 0 || m.quitting {
				t.Fatal("took over at the first press")
			}
			typeText(m, "T")
			if took != 0 || m.quitting {
				t.Fatal("took over at the second press")
			}
			typeText(m, "T")
			if took != 1 || !m.quitting {
				t.Fatalf("not taken over at the third press: %d %v", took, m.quitting)
			}

			cp = Copies{Fenced: &session.FencedError{Epoch: 2, By: "host", At: t0, Seq: 1235}}
			m.Update(tickMsg(t0))
			if text := strings.ReplaceAll(screen(m), "\n", ""); !strings.Contains(text, c.fenced) || !strings.Contains(text, "1235") {
				t.Errorf("fenced:\n%s", screen(m))
			}
		})
	}
}
