package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"podium/session"
	"podium/tui/common"
)

// failingLog is a memory log whose appends fail while fail is set, as a
// full disk makes the real one fail.
type failingLog struct {
	session.MemoryLog
	fail error
}

func (l *failingLog) Append(recs []session.Record) error {
	if l.fail != nil {
		return l.fail
	}
	return l.MemoryLog.Append(recs)
}

// TestWriteFailureBanner: a check-in the log cannot store is refused; the
// header's badge says the log is not writable and a banner shows the whole
// error and what to do; once the log writes again, the next check-in is
// stored and the banner goes, without a restart.
func TestWriteFailureBanner(t *testing.T) {
	for _, c := range []struct {
		lang, badge string
		w, h        int
	}{{"zh", "记录 ✗ 无法写入", 80, 24}, {"en", "log ✗ not writable", 120, 40}} {
		t.Run(c.lang, func(t *testing.T) {
			log := &failingLog{}
			sess, err := session.Create(log, session.Open{Meta: session.Meta{At: t0, Actor: "setup"}, Setup: testSetup()})
			if err != nil {
				t.Fatal(err)
			}
			m := newTestModel(t, sess, c.lang, c.w, c.h)
			log.fail = errors.New("data: append 1 event(s) from 2: write /srv/podium/podium.db: no space left on device")
			typeText(m, "zxl")
			press(m, tea.KeyEnter)
			if got := status(t, sess, "A001"); got != session.NotArrived {
				t.Fatalf("a check-in the log refused is %v", got)
			}
			if m.c.Note.Kind != common.NoteErr {
				t.Errorf("note %+v, want an error", m.c.Note)
			}
			text := screen(m)
			flat := strings.ReplaceAll(strings.ReplaceAll(text, "\n", ""), " ", "")
			if !strings.Contains(text, c.badge) || !strings.Contains(flat, "nospaceleftondevice") {
				t.Errorf("the screen lacks the badge %q or the whole error:\n%s", c.badge, text)
			}
			checkFrame(t, m, c.w, c.h)
			golden(t, "write_failed_"+c.lang+"_"+sizeName(c.w, c.h), text)

			log.fail = nil // space freed: the desk presses Enter again
			if q := att(m).Query(); q != "zxl" {
				t.Fatalf("the search was cleared by a check-in that failed: %q", q)
			}
			press(m, tea.KeyEnter)
			if got := status(t, sess, "A001"); got != session.Present {
				t.Fatalf("after space was freed the check-in is %v", got)
			}
			if text := screen(m); strings.Contains(text, c.badge) || strings.Contains(text, "no space left") {
				t.Errorf("the failure is still shown after a stored check-in:\n%s", text)
			}
		})
	}
}

func sizeName(w, h int) string { return fmt.Sprintf("%dx%d", w, h) }

// TestTooLongRefusal: the core's refusal of a text over its limit is
// explained with both numbers, in both languages.
func TestTooLongRefusal(t *testing.T) {
	err := &session.TextTooLongError{Field: "text", Len: 10234, Max: session.MaxText}
	for lang, want := range map[string]string{"zh": "10234 字，最多 10000 字", "en": "10234 characters, at most 10000"} {
		text, calm := common.NewTexts(lang).Refusal(err, func(string) string { return "" })
		if calm || !strings.Contains(text, want) {
			t.Errorf("%s: %q (calm %v), want …%s…", lang, text, calm, want)
		}
	}
}
