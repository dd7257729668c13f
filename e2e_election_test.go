package main

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
)

// TestEndToEndElection runs the demo's election in tmux as the host does:
// 118 delegates checked in, the meeting declared valid, the method and the
// scrutineers adopted by the congress's votes (a candidate refused the
// moment it is picked), the round opened with the quorum sentence, 118
// ballots issued and collected, the paper tally entered; then podium is
// SIGKILLed before the decision, started again, and the decision and the
// announcement of the 13 elected follow.
func TestEndToEndElection(t *testing.T) {
	run := newE2E(t, "el")
	term := run.start("first", "demo")
	term.waitFor("实到 0 / 应到 122")
	term.checkIn(118)

	openFirstRound(term)

	term.send("t")
	term.waitFor("计票单录入")
	rows := [][3]int{
		{110, 5, 3}, {110, 5, 3}, {110, 5, 3}, // 主席团
		{100, 10, 8}, {100, 10, 8}, {100, 10, 8}, {100, 10, 8}, {100, 10, 8}, {100, 10, 8}, {100, 10, 8}, {20, 90, 8}, // 分院学生会
		{100, 10, 8}, {90, 20, 8}, {70, 40, 8}, {60, 50, 8}, // 社团
	}
	for _, r := range rows {
		for _, n := range r {
			term.typeText(fmt.Sprint(n))
			term.send("Tab")
		}
	}
	for i := 0; i < 3; i++ { // invalid ballots per category
		term.typeText("0")
		term.send("Tab")
	}
	term.send("Enter")
	term.waitFor("计票单已录入，与收回的 118 张选票相符")

	// The laptop dies before the result is announced.
	if err := syscall.Kill(term.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	again := run.start("second", "")
	again.waitFor("实到 118 / 应到 122")
	again.send("F2")
	again.waitFor("下一步 › enter 计票结束，宣布结果")
	again.send("Enter")
	again.send("Enter")
	screen := again.waitFor("计票结束：本轮当选 13 名")
	for _, want := range []string{"✓ 当选", "↑ 当选线 62 票", "贺秀英"} {
		if !strings.Contains(screen, want) {
			t.Errorf("results lack %q:\n%s", want, screen)
		}
	}
	// The 15 candidates and the threshold fit on one screen; s turns to
	// the words to read.
	again.send("s")
	again.waitFor("第1轮 宣读稿")
	for i := 0; i < 20; i++ {
		again.send("Down")
	}
	screen = again.waitFor("选举结束。当选的是（按候选人顺序）：黄美玲、波拉提·托列根、金晨阳")
	t.Logf("the announcement:\n%s", screen)
}

// openFirstRound takes the demo's election from the declaration to the
// ballots collected, as the host does (118 delegates checked in): the
// meeting declared valid, the method and the scrutineer list adopted by the
// congress's votes (附件3 §8 §9), their outcome stated before each is
// recorded; a candidate refused as scrutineer the moment it is picked, by
// the core, with the reason; 119 ballots refused, 118 issued and
// collected.
func openFirstRound(term *tmuxTerm) {
	// The meeting is declared valid first (RULES §2): no vote, no
	// ballot before it.
	term.send("C-o", "C-o")
	term.waitFor("已宣布有效")

	term.send("F2")
	term.waitFor("下一步 › enter 通过选举办法")
	term.send("Enter")
	term.waitFor("表决：通过选举办法")
	term.typeText("112")
	term.send("Tab")
	term.typeText("2")
	term.send("Tab")
	term.typeText("4")
	term.send("Enter")
	term.waitFor("通过选举办法：赞成 112、反对 2、弃权 4 → 需 61，通过。再按 enter 记录")
	term.send("Enter")
	term.waitFor("第 1 次表决：通过选举办法，需 61 票，赞成 112 票，通过")

	// A candidate is refused as scrutineer the moment it is picked, by
	// the core, with the reason; the pick stays on the scrutineer.
	term.send("Enter")
	term.waitFor("选定监票人")
	term.send("Down", "Enter") // 杨子怡, a candidate
	term.waitFor("杨子怡 不能担任监票人：是本次选举的候选人")
	term.waitFor("选定监票人")
	term.send("Down", "Enter") // 余乐瑶
	term.waitFor("选定总监票人")
	term.send("Enter") // 姜晓雪
	term.waitFor("输入计票人姓名")
	term.typeText("高雅婷")
	term.send("Enter")
	term.waitFor("表决：通过监票人名单")
	term.typeText("115")
	term.send("Enter")
	term.waitFor("通过监票人名单：赞成 115、反对 0、弃权 0 → 需 61，通过。再按 enter 记录")
	term.send("Enter")
	term.waitFor("第 2 次表决：通过监票人名单，需 61 票，赞成 115 票，通过")

	term.send("Enter")
	term.send("Enter")
	term.waitFor("本次选举应到代表122名，实到118名，超过应到人数的五分之四，可以进行选举。")

	term.send("Enter")
	term.waitFor("发出选票 ›")
	term.typeText("119") // replaces the suggested 118; more than present
	term.send("Enter")
	term.waitFor("不能发出 119 张：实到正式代表只有 118 名")
	term.send("BSpace", "BSpace", "BSpace")
	term.typeText("118")
	term.send("Enter")
	term.send("Enter")
	term.waitFor("收回选票 ›")
	term.typeText("118")
	term.send("Enter")
	term.waitFor("发出选票118张，收回118张，收回的选票等于发出的选票，选举有效。")

}
