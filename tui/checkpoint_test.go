package tui

import (
	"fmt"
	"strings"
	"testing"
)

// wrongCheckpoint is an error of Options.Verify like app.CheckpointError.
type wrongCheckpoint struct {
	seq  uint64
	left string
}

func (e wrongCheckpoint) Error() string                { return "checkpoint differs (English, never shown)" }
func (e wrongCheckpoint) Checkpoint() (uint64, string) { return e.seq, e.left }

// TestWrongCheckpointRaised: a Verify that finds the checkpoint podium
// started from wrong raises the alarm in the terminal's language, with
// the event and the file to remove when it is left, never the error's
// English; the chain is not shown verified.
func TestWrongCheckpointRaised(t *testing.T) {
	for _, c := range []struct {
		lang string
		err  error
		want []string
	}{
		{"zh", wrongCheckpoint{seq: 26018}, []string{"请停止操作并重启 podium", "第 26018 条记录处的检查点", "已删除"}},
		{"en", fmt.Errorf("verify: %w", wrongCheckpoint{seq: 7}), []string{"Stop and restart podium", "checkpoint at event 7", "removed"}},
		{"zh", wrongCheckpoint{seq: 7, left: "/x/p.db.checkpoint"}, []string{"删除 /x/p.db.checkpoint 后重启 podium"}},
		{"en", wrongCheckpoint{seq: 7, left: "/x/p.db.checkpoint"}, []string{"remove /x/p.db.checkpoint and restart podium"}},
	} {
		for _, size := range [][2]int{{120, 40}, {80, 24}} {
			sess := newSession(t, testSetup())
			m := newTestModel(t, sess, c.lang, size[0], size[1])
			m.Update(chainMsg{err: c.err})
			out := strings.Join(strings.Fields(screen(m)), "")
			for _, w := range c.want {
				if !strings.Contains(out, strings.Join(strings.Fields(w), "")) {
					t.Errorf("%s %dx%d: %q not shown:\n%s", c.lang, size[0], size[1], w, screen(m))
				}
			}
			if strings.Contains(out, "English") || strings.Contains(screen(m), "记录链 ✓") || strings.Contains(screen(m), "log ✓") {
				t.Errorf("%s %dx%d: the error's English or a verified chain shown:\n%s", c.lang, size[0], size[1], screen(m))
			}
			checkFrame(t, m, size[0], size[1])
		}
	}
}
