package main

import (
	"podium/files"

	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mozillazg/go-pinyin"

	"podium/data"
	"podium/model"
	"podium/session"
)

// tmuxTerm drives podium in a private tmux server, as a person would.
type tmuxTerm struct {
	t      *testing.T
	socket string
	name   string
}

// needTmux skips the test when tmux is missing, except in CI, where .ci/run
// installs it and its absence is a failure.
func needTmux(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("tmux is not installed")
	}
}

// buildPodium builds the binary into dir.
func buildPodium(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "podium")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// e2e is one end-to-end run: a freshly built podium, a private data
// directory and a private tmux server, in Chinese.
type e2e struct {
	t      *testing.T
	dir    string // XDG_DATA_HOME: the database is dir/podium/podium.db
	bin    string
	socket string
	env    []string
}

// newE2E builds podium and readies a run; tag names its tmux server.
func newE2E(t *testing.T, tag string) *e2e {
	needTmux(t)
	dir := t.TempDir()
	return &e2e{
		t: t, dir: dir, bin: buildPodium(t, t.TempDir()),
		socket: fmt.Sprintf("podium-e2e-%s-%d", tag, os.Getpid()),
		env:    []string{"XDG_DATA_HOME=" + dir, "LANG=zh_CN.UTF-8", "TERM=xterm-256color"},
	}
}

// start runs podium with args (e.g. "demo", or "" to resume) in a new
// tmux session called name.
func (r *e2e) start(name, args string) *tmuxTerm {
	return startTmux(r.t, r.socket, name, r.env, strings.TrimSpace(r.bin+" "+args))
}

// checkIn marks the first n delegates not arrived present: Tab shows only
// those not arrived, and each Enter checks in the first of them.
func (tt *tmuxTerm) checkIn(n int) {
	tt.send("Tab")
	for i := 0; i < n; i++ {
		tt.send("Enter")
	}
	tt.waitFor(fmt.Sprintf("实到 %d / 应到 122", n))
}

func startTmux(t *testing.T, socket, name string, env []string, cmdline string) *tmuxTerm {
	t.Helper()
	args := []string{"-L", socket, "new-session", "-d", "-s", name, "-x", "120", "-y", "40",
		"exec env " + strings.Join(env, " ") + " " + cmdline}
	// After the last pane is killed the old server may still be exiting:
	// a new session started then fails, so try again a few times.
	for try := 0; ; try++ {
		out, err := exec.Command("tmux", args...).CombinedOutput()
		if err == nil {
			break
		}
		if try == 40 || !strings.Contains(string(out), "server exited") {
			t.Fatalf("tmux new-session: %v\n%s", err, out)
		}
		time.Sleep(50 * time.Millisecond)
	}
	tt := &tmuxTerm{t: t, socket: socket, name: name}
	t.Cleanup(func() { exec.Command("tmux", "-L", socket, "kill-server").Run() })
	return tt
}

func (tt *tmuxTerm) tmux(args ...string) string {
	out, err := exec.Command("tmux", append([]string{"-L", tt.socket}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func (tt *tmuxTerm) screen() string { return tt.tmux("capture-pane", "-p", "-t", tt.name) }

// send types keys; literal text is sent with -l so that letters are letters.
func (tt *tmuxTerm) send(keys ...string) {
	tt.tmux(append([]string{"send-keys", "-t", tt.name}, keys...)...)
}
func (tt *tmuxTerm) typeText(s string) { tt.tmux("send-keys", "-t", tt.name, "-l", s) }

// patience bounds every wait of the end-to-end tests: it only keeps a
// broken build from hanging the suite, generous because a loaded 2-core
// machine is slow; nothing asserts a duration, and a wait ends the moment
// what it waits for is there.
const patience = 60 * time.Second

// waitFor polls the screen until it contains want (at most patience).
func (tt *tmuxTerm) waitFor(want string) string {
	tt.t.Helper()
	var s string
	for deadline := time.Now().Add(patience); time.Now().Before(deadline); {
		s = tt.screen()
		if strings.Contains(s, want) {
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	tt.t.Fatalf("the screen never showed %q; it shows:\n%s", want, s)
	return ""
}

func (tt *tmuxTerm) pid() int {
	var pid int
	fmt.Sscan(strings.TrimSpace(tt.tmux("display-message", "-p", "-t", tt.name, "#{pane_pid}")), &pid)
	return pid
}

// uniqueByInitials returns n formal delegates of the demo whose pinyin
// initials, under every reading of every character, belong to nobody else.
func uniqueByInitials(n int) (ids, names, queries []string) {
	a := pinyin.NewArgs()
	a.Style = pinyin.FirstLetter
	a.Heteronym = true
	roster := files.Demo().Roster
	sets := make([][]string, len(roster)) // per person: the initials it may have
	for i, p := range roster {
		combos := []string{""}
		for _, r := range p.Name {
			readings := pinyin.Pinyin(string(r), a)
			if len(readings) == 0 {
				continue
			}
			var next []string
			for _, c := range combos {
				seen := map[string]bool{}
				for _, l := range readings[0] {
					if !seen[l] {
						seen[l] = true
						next = append(next, c+l)
					}
				}
			}
			combos = next
		}
		sets[i] = combos
	}
	for i, p := range roster {
		if p.Kind != model.Formal || strings.Contains(p.Name, "·") || len(sets[i]) != 1 || len(sets[i][0]) < 2 {
			continue
		}
		q, clash := sets[i][0], false
		for j := range roster {
			for _, s := range sets[j] {
				if j != i && strings.Contains(s, q) {
					clash = true
				}
			}
		}
		if !clash {
			ids, names, queries = append(ids, p.ID), append(names, p.Name), append(queries, q)
			if len(ids) == n {
				return
			}
		}
	}
	return
}

// TestEndToEndCheckInSurvivesKill starts `podium demo` in tmux, checks in
// three delegates by their pinyin initials, SIGKILLs podium, starts it again
// and sees 3 present.
func TestEndToEndCheckInSurvivesKill(t *testing.T) {
	run := newE2E(t, "checkin")
	ids, names, queries := uniqueByInitials(3)
	if len(ids) != 3 {
		t.Fatalf("the demo roster has no three delegates with unique initials: %v", names)
	}
	term := run.start("first", "demo")
	term.waitFor("实到 0 / 应到 122")
	for i, q := range queries {
		term.typeText(q)
		term.waitFor(names[i])
		term.send("Enter")
		term.waitFor(fmt.Sprintf("实到 %d / 应到 122", i+1))
	}
	if err := syscall.Kill(term.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}

	// The log holds exactly the three marks, and its chain is whole.
	db := filepath.Join(run.dir, "podium", "podium.db")
	store, err := data.Open(db, data.Options{Timeout: patience}) // the killed process's lock goes with it
	if err != nil {
		t.Fatal(err)
	}
	s, err := session.Load(store)
	if err != nil {
		t.Fatal(err)
	}
	s.Read(func(st *session.State) {
		for _, id := range ids {
			i, _ := st.Person(id)
			if st.Attendance[i].Status != session.Present {
				t.Errorf("%s (%s) is %s after the kill", id, st.Setup.Roster[i].Name, st.Attendance[i].Status)
			}
		}
		if c := st.Count(); c.Present != 3 {
			t.Errorf("present after the kill = %d, want 3", c.Present)
		}
	})
	if _, _, err := store.Verify(); err != nil {
		t.Fatal(err)
	}
	store.Close()

	again := run.start("second", "")
	screen := again.waitFor("实到 3 / 应到 122")
	t.Logf("after restart:\n%s", screen)
	again.send("C-c")
}
