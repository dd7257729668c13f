package main

import (
	"strings"
	"syscall"
	"testing"
)

// TestEndToEndBallotDraftSurvivesKill: a teller keys 4 marks of a ballot
// (○ × · ○) in the demo's election, podium is SIGKILLed before the ballot
// is saved; started again it opens in ballot entry on the same ballot with
// its 4 marks, and the record holds no ballot.
func TestEndToEndBallotDraftSurvivesKill(t *testing.T) {
	run := newE2E(t, "draft")
	term := run.start("first", "demo")
	term.waitFor("实到 0 / 应到 122")
	term.checkIn(118)
	openFirstRound(term)
	term.send("b")
	term.waitFor("第1轮 · 选票录入")
	term.send("o", "x", "Space", "o")
	term.waitFor("›   5 张伟")
	before := marks(term.screen())
	if strings.Join(before, "") != "○×·○" {
		t.Fatalf("keyed %v:\n%s", before, term.screen())
	}

	if err := syscall.Kill(term.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	again := run.start("second", "")
	scr := again.waitFor("第1轮 · 选票录入")
	if got := marks(scr); strings.Join(got, "") != "○×·○" {
		t.Fatalf("after the restart the marks are %v:\n%s", got, scr)
	}
	for _, want := range []string{"第 1 张 / 收回 118 张", "已录 0", "›   5 张伟"} {
		if !strings.Contains(scr, want) {
			t.Errorf("no %q after the restart:\n%s", want, scr)
		}
	}
	t.Logf("after SIGKILL and restart:\n%s", scr)
}

// marks reads the marks of the first four candidates of the ballot on the
// screen: the first ○, × or · after the name on the rows numbered 1 to 4.
func marks(screen string) []string {
	var out []string
	for _, l := range strings.Split(screen, "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(l), "›"))
		if len(f) < 3 {
			continue
		}
		switch f[0] {
		case "1", "2", "3", "4":
			for _, x := range f[2:] {
				if x = strings.Trim(x, "[]"); x == "○" || x == "×" || x == "·" {
					out = append(out, x)
					break
				}
			}
		}
	}
	return out
}
