package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"podium/files"
	"podium/paper"
)

// TestEndToEndFloor runs a deliberation item as the host does, in tmux,
// on a clock the test moves (PODIUM_CLOCK_FILE: no timing depends on the
// wall clock): a congress from the demo roster and an agenda giving the
// deliberation item a one-minute speech; 118 checked in, the meeting
// declared valid, the agenda walked to the deliberation; three delegates
// put on the list by their pinyin initials; two speeches given, each over
// its minute, the overtime seen counting up; the item ended with the third
// not reached. Then the minutes list the two speeches with their times
// and the third as not reached, and the register lists all three.
func TestEndToEndFloor(t *testing.T) {
	run := newE2E(t, "floor")
	ids, names, queries := uniqueByInitials(3)
	if len(ids) != 3 {
		t.Fatalf("the demo roster has no three delegates with unique initials: %v", names)
	}
	dir := t.TempDir()
	clock := filepath.Join(dir, "clock")
	start := time.Date(2026, 11, 30, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	setClock := func(d time.Duration) {
		t.Helper()
		// Written whole and renamed, so that podium never reads half a time.
		tmp := clock + ".tmp"
		if err := os.WriteFile(tmp, []byte(start.Add(d).Format(time.RFC3339)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, clock); err != nil {
			t.Fatal(err)
		}
	}
	setClock(0)
	run.env = append(run.env, "PODIUM_CLOCK_FILE="+clock)
	agenda := strings.Replace(string(files.AgendaTemplate()), "in_groups = true\n", "in_groups = true\nspeech_seconds = 60\n", 1)
	// The template's election item links its method and candidates (an
	// election item without them is refused): the demo's, beside it.
	demo := files.Demo().Election
	for name, data := range map[string][]byte{"roster.csv": files.DemoRosterCSV(), "agenda.toml": []byte(agenda),
		"method.toml": paper.MethodTOML(demo.Method), "candidates.csv": paper.CandidatesCSV(demo.Method, demo.Candidates)} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	podium := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(run.bin, args...)
		cmd.Env = append(os.Environ(), run.env...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("podium %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	podium("new", "--roster", filepath.Join(dir, "roster.csv"), "--agenda", filepath.Join(dir, "agenda.toml"))

	term := run.start("host", "")
	term.waitFor("实到 0 / 应到 122")
	term.checkIn(118)
	twice := func(k string) { term.send(k, k) }
	twice("C-o")
	term.waitFor("已宣布有效")
	for _, want := range []string{"第 1 项「预备会议」", "第 2 项「开幕式」", "第 3 项「奏唱国歌」", "第 4 项「听取学生会工作报告」", "第 5 项「分组审议工作报告」"} {
		twice("C-n")
		term.waitFor(want)
	}
	term.waitFor("发言登记 0 人")
	for i, q := range queries {
		term.send("a")
		term.waitFor("登记发言 — 输入姓名或拼音首字母")
		term.typeText(q)
		term.waitFor(names[i])
		term.send("Enter")
		term.waitFor("已登记第 " + strconv.Itoa(i+1) + " 号 " + names[i] + "（发言），排第 " + strconv.Itoa(i+1) + " 位")
	}

	// The first speech: a minute allowed, 1:15 spoken.
	setClock(10 * time.Second)
	term.send("Enter")
	term.waitFor("请 " + names[0] + " 发言，限时 1:00")
	setClock(10*time.Second + 50*time.Second)
	term.waitFor("剩余 0:10")
	setClock(10*time.Second + 75*time.Second)
	seen := term.waitFor("超时 +0:15")
	t.Logf("the host's screen during the first speech, over its time:\n%s", seen)
	term.send("e")
	term.waitFor(names[0] + " 发言结束，用时 1:15，超时 0:15")

	// The second: 1:05.
	setClock(90 * time.Second)
	term.send("Enter")
	term.waitFor("请 " + names[1] + " 发言，限时 1:00")
	setClock(90*time.Second + 65*time.Second)
	term.waitFor("超时 +0:05")
	term.send("e")
	term.waitFor(names[1] + " 发言结束，用时 1:05，超时 0:05")
	term.waitFor("已发言 2 人次 · 共 2:20")

	// The item ends with the third not reached.
	setClock(3 * time.Minute)
	twice("C-e")
	term.waitFor("议程第 5 项「分组审议工作报告」结束，用时 3:00")
	term.send("C-c")
	waitGone(t, term)

	out := filepath.Join(dir, "records")
	podium("export", "--format", "md", "--out", out)
	md, err := os.ReadFile(filepath.Join(out, "records.md"))
	if err != nil {
		t.Fatal(err)
	}
	minutes := string(md)
	item := minutes[strings.Index(minutes, "### 5. 分组审议工作报告"):]
	item = item[:strings.Index(item, "### 6.")]
	t.Logf("the minutes of the item:\n%s", item)
	for _, want := range []string{
		"| 1 | " + names[0] + " |", "| 09:00 | 1:15 | 1:00 | 0:15 |",
		"| 2 | " + names[1] + " |", "| 09:01 | 1:05 | 1:00 | 0:05 |",
		"发言 2 人次，共 2:20，超时 2 人次；登记未发言 1 人；每人限时 1:00",
		"登记未发言：" + names[2] + "。",
	} {
		if !strings.Contains(item, want) {
			t.Errorf("the minutes lack %q", want)
		}
	}
	register := minutes[strings.Index(minutes, "# 发言登记表"):]
	for _, name := range names {
		if !strings.Contains(register, name) {
			t.Errorf("the register lacks %s", name)
		}
	}
}

// waitGone waits until podium has left the terminal's pane.
func waitGone(t *testing.T, term *tmuxTerm) {
	t.Helper()
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); {
		if exec.Command("tmux", "-L", term.socket, "has-session", "-t", term.name).Run() != nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}
