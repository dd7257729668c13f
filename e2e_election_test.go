package main

import (
	"fmt"
	"strings"
	"syscall"
	"testing"
)

// TestEndToEndElection runs the demo's election in tmux as the host does:
// 118 delegates checked in, the method and the scrutineers adopted (a
// candidate refused), the round opened with the quorum sentence, 118
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

// openFirstRound takes the demo's election from the method to the ballots
// collected, as the host does (118 delegates checked in): a candidate is
// refused as scrutineer, by the core, with the reason; 119 ballots are
// refused, 118 issued and collected.
func openFirstRound(term *tmuxTerm) {
	term.send("F2")
	term.waitFor("下一步 › enter 通过选举办法")
	term.send("Enter")
	term.send("Enter")
	term.waitFor("选举办法已通过")

	// A candidate is refused as scrutineer, by the core, with the reason.
	term.send("Enter")
	term.waitFor("选定监票人")
	term.send("Down", "Enter") // 杨子怡, a candidate
	term.waitFor("选定总监票人")
	term.send("Enter") // 姜晓雪
	term.waitFor("输入计票人姓名")
	term.typeText("高雅婷")
	term.send("Enter")
	term.waitFor("杨子怡 不能担任监票人：是本次选举的候选人")
	term.send("Down", "Down", "Enter") // 余乐瑶
	term.waitFor("选定总监票人")
	term.send("Enter") // 姜晓雪
	term.waitFor("输入计票人姓名")
	term.send("Enter") // the counters typed before are kept
	term.waitFor("监票人 余乐瑶、总监票人 姜晓雪 已通过")

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
