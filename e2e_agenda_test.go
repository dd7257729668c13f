package main

import (
	"syscall"
	"testing"
)

// TestEndToEndAgenda runs the demo from the preparatory meeting through the
// work report in tmux, registers and answers one question, files a motion
// (refused with one co-signer, filed with two), accepts it and votes it;
// then podium is SIGKILLed and started again, and all of it is there.
func TestEndToEndAgenda(t *testing.T) {
	run := newE2E(t, "ag")
	term := run.start("first", "demo")
	term.waitFor("实到 0 / 应到 122")
	term.checkIn(118)
	term.send("C-o", "C-o")
	term.waitFor("已宣布有效")
	twice := func(k string) { term.send(k, k) }
	twice("C-n")
	term.waitFor("议程第 1 项「预备会议」开始")
	term.send("F2")
	term.waitFor("各位代表：本次大会应到正式代表122名，实到118名")
	for _, want := range []string{"第 2 项「开幕式」", "第 3 项「奏唱国歌」", "第 4 项「听取学生会工作报告」"} {
		twice("C-n")
		term.waitFor(want)
	}
	term.waitFor("下面请白凯文代表学生会作工作报告")
	term.send("F7")
	term.typeText("工作报告已宣读")
	term.send("Enter")
	term.waitFor("工作报告已宣读")

	// Questioning: one question, answered.
	twice("C-n")
	twice("C-n")
	term.waitFor("第 6 项 · 代表质询")
	term.send("a")
	term.waitFor("质询人 ›")
	term.typeText("nebykrm") // 努尔比亚·克热木
	term.waitFor("努尔比亚·克热木")
	term.send("Enter")
	term.typeText("学生会主席团")
	term.send("Enter")
	term.typeText("社团经费如何公开？")
	term.send("Enter")
	term.waitFor("已登记第 1 件质询（努尔比亚·克热木）")
	term.send("r")
	term.waitFor("答复第 1 件质询")
	term.typeText("每学期公示一次。")
	term.send("Enter")
	term.waitFor("第 1 件质询已答复")

	// Motions: one co-signer is refused by the core, two are enough.
	twice("C-n")
	term.waitFor("第 7 项 · 代表提案")
	term.send("a")
	term.waitFor("提案人 ›")
	term.send("Enter") // the first delegate listed
	term.waitFor("附议人 ›")
	term.typeText("yzy") // 杨子怡
	term.waitFor("杨子怡")
	term.send("Enter")
	term.send("Tab") // co-signers done
	term.typeText("增设自习室")
	term.send("Enter", "Enter", "Enter")
	term.waitFor("提案需要至少 2 名附议人，现有 1 名")
	term.typeText("ylyao") // 余乐瑶
	term.waitFor("余乐瑶")
	term.send("Enter", "Tab", "Enter", "Enter", "Enter")
	term.waitFor("已登记第 1 件提案「增设自习室」（附议 2 人）")
	twice("y")
	term.waitFor("第 1 件提案已立案")
	term.send("v")
	term.waitFor("输入赞成、反对、弃权票数")
	term.typeText("100")
	term.send("Tab")
	term.typeText("10")
	term.send("Tab")
	term.typeText("8")
	term.send("Enter", "Enter")
	term.waitFor("第 1 次表决已记录：需 61 票，赞成 100 票，通过")

	if err := syscall.Kill(term.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	again := run.start("second", "")
	again.waitFor("当前 7 代表提案")
	again.waitFor("需 61 票，赞成 100 票，通过")
	again.send("F4")
	again.waitFor("质询 1 件 · 待答复 0 · 已答复 1")
	again.send("F6")
	screen := again.waitFor("✓  4 听取学生会工作报告")
	t.Logf("after restart:\n%s", screen)
}
