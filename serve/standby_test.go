package serve

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"podium/session"
)

// stubStandby answers a log request with its words and a fence with what
// it read.
type stubStandby struct {
	mu   sync.Mutex
	logs [][]string
}

func (s *stubStandby) Log(ctx context.Context, args []string, w io.Writer) error {
	s.mu.Lock()
	s.logs = append(s.logs, args)
	s.mu.Unlock()
	if args[len(args)-1] != "--follow" {
		return errors.New("not a log request")
	}
	fmt.Fprintf(w, "{\"head\":0,\"args\":%q}\n", strings.Join(args, " "))
	return nil
}

func (s *stubStandby) Fence(ctx context.Context, r io.Reader, w io.Writer) error {
	line, _ := bufio.NewReader(r).ReadString('\n')
	fmt.Fprintf(w, "fenced by %s", strings.TrimSpace(line))
	return nil
}

// run runs an exec command on a fresh session of c: its stdout and
// stderr, and whether it succeeded.
func run(t *testing.T, c *gossh.Client, cmd, stdin string) (stdout, stderr string, err error) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var out, errOut strings.Builder
	s.Stdout, s.Stderr, s.Stdin = &out, &errOut, strings.NewReader(stdin)
	err = s.Run(cmd)
	return out.String(), errOut.String(), err
}

// TestStandbyRoleLimits: a standby key follows the log and tells of a
// takeover, and can do nothing else: no screens (with or without a
// terminal), no other command, no session command either (the core
// permits a standby none); no other key runs a command, the log
// included; a podium that serves no standby refuses the request.
func TestStandbyRoleLimits(t *testing.T) {
	sbKey, sbLine := newKey(t)
	desk, deskLine := newKey(t)
	f := start(t, [3]string{"备机", "standby", sbLine}, [3]string{"门口一", "desk", deskLine})
	c, err := f.dial(sbKey)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	if _, stderr, err := run(t, c, "podium log --from 1 --follow", ""); err == nil || !strings.Contains(stderr, "serves no standby") {
		t.Errorf("no standby service: %v %q", err, stderr)
	}
	stub := &stubStandby{}
	f.srv.cfg.Standby = stub
	out, _, err := run(t, c, "podium log --from 7 --follow", "")
	if err != nil || !strings.Contains(out, `"args":"log --from 7 --follow"`) {
		t.Errorf("the log: %v %q", err, out)
	}
	if out, _, err := run(t, c, "podium fence", "{\"seq\":32}\n"); err != nil || out != `fenced by {"seq":32}` {
		t.Errorf("fence: %v %q", err, out)
	}
	for _, cmd := range []string{"podium apply marks.jsonl", "rm -rf /", "sh -c id", "podium takeover", "mark D0001"} {
		_, stderr, err := run(t, c, cmd, "")
		if err == nil || !strings.Contains(stderr, "may only follow the log") {
			t.Errorf("%q by a standby: %v %q", cmd, err, stderr)
		}
	}
	if _, stderr, err := run(t, c, "", ""); err == nil || !strings.Contains(stderr, "no screens") {
		t.Errorf("a standby without a command: %v %q", err, stderr)
	}
	if err := openTerminal(t, c).s.Wait(); err == nil {
		t.Error("a standby got a terminal session")
	}

	for _, r := range []session.Command{session.Mark{}, session.Undo{}, session.AddNote{}, session.TakeOver{}, session.DecideRound{}} {
		if session.Permitted(session.RoleStandby, r) {
			t.Errorf("the core permits a standby %T", r)
		}
	}

	dc, err := f.dial(desk)
	if err != nil {
		t.Fatal(err)
	}
	defer dc.Close()
	if _, stderr, err := run(t, dc, "podium log --from 1 --follow", ""); err == nil || !strings.Contains(stderr, "no commands") {
		t.Errorf("a desk asking for the log: %v %q", err, stderr)
	}
	stub.mu.Lock()
	defer stub.mu.Unlock()
	if len(stub.logs) != 1 {
		t.Errorf("the log was served %d times: %q", len(stub.logs), stub.logs)
	}
}
