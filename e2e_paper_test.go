package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"podium/files"
)

// TestEndToEndScan: a barcode scanner types D0012 and Enter into the
// check-in box faster than anyone types (one tmux command: every key at
// once); that delegate is checked in, named with the unit in the status
// line; scanned again, calmly already present; lower case too.
func TestEndToEndScan(t *testing.T) {
	run := newE2E(t, "scan")
	var name, unit string
	for _, p := range files.Demo().Roster {
		if p.ID == "D0012" {
			name, unit = p.Name, p.Unit
		}
	}
	term := run.start("desk", "demo")
	term.waitFor("实到 0 / 应到 122")
	scan := func(id string) {
		term.tmux("send-keys", "-t", term.name, "-l", id, ";", "send-keys", "-t", term.name, "Enter")
	}
	scan("D0012")
	term.waitFor("实到 1 / 应到 122")
	s := term.waitFor(fmt.Sprintf("%s（%s）", name, unit))
	if !strings.Contains(s, "签到") {
		t.Errorf("the status line does not say %s checked in:\n%s", name, s)
	}
	scan("d0012")
	term.waitFor("已是「已到")
	scan("D0013")
	term.waitFor("实到 2 / 应到 122")
	term.send("C-c")
}

// TestEndToEndDemoPrints: the demo prints everything — its ballots, its
// credentials and desk lists, its zero report, and a rehearsal with its
// test deck, which checks PASS.
func TestEndToEndDemoPrints(t *testing.T) {
	if testing.Short() {
		t.Skip("builds podium")
	}
	dir := t.TempDir()
	bin := buildPodium(t, t.TempDir())
	db := filepath.Join(dir, "demo.db")
	podium := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, append([]string{"--db", db, "--lang", "zh"}, args...)...)
		cmd.Env = append(os.Environ(), "LANG=zh_CN.UTF-8")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("podium %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	podium("new", "--demo")
	out := filepath.Join(dir, "paper")
	for _, args := range [][]string{{"print", "ballots"}, {"print", "credentials"}, {"print", "zero"}} {
		podium(append(args, "--out", out, "--no-pdf")...)
	}
	for _, f := range []string{"ballot-round-1.html", "credentials.html", "desk-lists.html", "zero-report-round-1.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
	reh := filepath.Join(dir, "rehearsal")
	podium("rehearse", "--out", reh, "--no-pdf")
	if s := podium("rehearse", "check", "--ballots", filepath.Join(reh, "deck.csv"), "--out", reh, "--no-pdf"); !strings.Contains(s, "PASS") {
		t.Errorf("the demo's deck does not pass:\n%s", s)
	}
}
