package main

import (
	"strings"
	"testing"
)

// TestEndToEndEmptyVote does exactly what the issue did (issue 12): on a
// fresh demo, f6, the resolution item, enter twice to start it, enter
// twice on the untouched vote form. Nothing may be recorded: the meeting
// was never declared valid (RULES §2), and nobody voted (RULES §3). Then,
// declared, the same empty form is refused because nobody voted, at the
// first enter, before any confirmation; a real vote states what it will
// record before it is confirmed.
func TestEndToEndEmptyVote(t *testing.T) {
	run := newE2E(t, "ev")
	term := run.start("first", "demo")
	term.waitFor("实到 0 / 应到 122")
	term.send("F6")
	term.waitFor("大会议程")
	for i := 0; i < 7; i++ {
		term.send("Down")
	}
	term.send("Enter")
	term.waitFor("再按 enter 开始议程第 8 项「关于学生会工作报告的决议」")
	term.send("Enter")
	term.waitFor("› 赞成")
	term.send("Enter")
	term.waitFor("会议尚未宣布有效，不能表决：实到 0 / 应到 122，宣布有效需 62 人")
	term.send("Enter")
	screen := term.waitFor("会议尚未宣布有效，不能表决")
	for _, never := range []string{"表决已记录", "未通过", "再按 enter 记录"} {
		if strings.Contains(screen, never) {
			t.Fatalf("the empty vote went on (%q):\n%s", never, screen)
		}
	}

	// Declared (62 present), the untouched form is still no vote.
	term.send("F1")
	term.checkIn(62)
	term.send("C-o", "C-o")
	term.waitFor("已宣布有效")
	term.send("F2")
	term.waitFor("› 赞成")
	term.send("Enter")
	screen = term.waitFor("赞成、反对、弃权合计 0 票：没有人表决，不能记录（实到 62 人）")
	if strings.Contains(screen, "表决已记录") {
		t.Fatalf("an empty vote was recorded:\n%s", screen)
	}
	// A vote says what it records before the second enter.
	term.typeText("61")
	term.send("Enter")
	term.waitFor("赞成 61、反对 0、弃权 0 → 需 61，通过。再按 enter 记录")
	term.send("Enter")
	term.waitFor("第 1 次表决已记录：需 61 票，赞成 61 票，通过")
	// Struck with its reason, it stays on the screen, struck.
	term.send("x")
	term.waitFor("撤销第 1 次表决的原因")
	term.typeText("计票有误")
	term.send("Enter")
	screen = term.waitFor("第 1 次表决已撤销，保留在记录中，不计入结果")
	if !strings.Contains(screen, "计票有误") {
		t.Errorf("the struck vote's reason is not shown:\n%s", screen)
	}
	t.Logf("after striking:\n%s", screen)
}
