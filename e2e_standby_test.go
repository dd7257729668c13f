package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// writeKey writes a fresh ed25519 private key (OpenSSH format, 0600) and
// returns its authorized_keys line.
func writeKey(t *testing.T, path string) string {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := gossh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(gossh.MarshalAuthorizedKey(sp)))
}

// freePort returns a TCP port of 127.0.0.1 that nothing listens on now.
func freePort(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// TestEndToEndStandbyTakeover: a primary (podium serve, with a mirror
// file) and a standby (podium standby) on 127.0.0.1; a desk checks in on
// the primary over ssh and the standby's screen shows it; the primary is
// killed (SIGKILL); the host takes over on the standby (T, confirmed
// twice); the desk reconnects to the standby's address and checks in
// there; podium verify passes on the new primary with the chain
// continuous from event 1 and the takeover in it; the old primary's
// file and its mirror are the new one's beginning (verify --against);
// the old primary, started again, is told of the takeover and refuses to
// write.
func TestEndToEndStandbyTakeover(t *testing.T) {
	if _, err := exec.LookPath("ssh"); err != nil {
		t.Skip("no ssh client: the desk cannot connect")
	}
	run := newE2E(t, "standby")
	dir := run.dir
	p, s, m := filepath.Join(dir, "p.db"), filepath.Join(dir, "s.db"), filepath.Join(dir, "usb", "m.db")
	os.Mkdir(filepath.Dir(m), 0o700)
	desk := writeKey(t, filepath.Join(dir, "desk_key"))
	standby := writeKey(t, filepath.Join(dir, "sb_key"))
	access := filepath.Join(dir, "who.toml")
	os.WriteFile(access, []byte(fmt.Sprintf("[[user]]\nname = \"门口一\"\nrole = \"desk\"\nkey = %q\n\n[[user]]\nname = \"备机\"\nrole = \"standby\"\nkey = %q\n", desk, standby)), 0o600)
	if out, err := exec.Command(run.bin, "new", "--demo", "--db", p).CombinedOutput(); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}
	pAddr, sAddr := freePort(t), freePort(t)
	sshTo := func(addr string) string {
		host, port, _ := net.SplitHostPort(addr)
		return fmt.Sprintf("ssh -t -i %s -p %s -o StrictHostKeyChecking=no -o UserKnownHostsFile=%s -o LogLevel=ERROR desk@%s",
			filepath.Join(dir, "desk_key"), port, filepath.Join(dir, "known_hosts"), host)
	}

	primary := run.start("primary", fmt.Sprintf("serve --db %s --access %s --listen %s --headless --mirror %s", p, access, pAddr, m))
	primary.waitFor("listening on " + pAddr)
	sb := run.start("standby", fmt.Sprintf("standby --from %s --identity %s --db %s --access %s --listen %s",
		pAddr, filepath.Join(dir, "sb_key"), s, access, sAddr))
	sb.waitFor("备机 同步")

	d := startTmux(t, run.socket, "desk", run.env, sshTo(pAddr))
	d.waitFor("实到 0 / 应到 122")
	for i, id := range []string{"D0001", "D0002"} {
		d.typeText(id)
		d.send("Enter")
		d.waitFor(fmt.Sprintf("实到 %d / 应到 122", i+1))
	}
	sb.waitFor("实到 2 / 应到 122")

	if err := syscall.Kill(primary.pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	sb.waitFor("无响应")
	sb.send("T")
	sb.waitFor("第 3 号事件为止")
	sb.send("T")
	sb.waitFor("最后确认")
	sb.send("T")
	// The standby's screens become the host's: no standby badge.
	for deadline := time.Now().Add(patience); strings.Contains(sb.waitFor("实到 2 / 应到 122"), "备机"); {
		if time.Now().After(deadline) {
			t.Fatalf("the standby never became the host:\n%s", sb.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}

	d2 := startTmux(t, run.socket, "desk2", run.env, sshTo(sAddr))
	d2.waitFor("实到 2 / 应到 122")
	d2.typeText("D0003")
	d2.send("Enter")
	d2.waitFor("实到 3 / 应到 122")
	sb.waitFor("实到 3 / 应到 122")

	out, err := exec.Command(run.bin, "verify", "--db", s).Output()
	if err != nil || !strings.HasPrefix(string(out), "ok 5 ") {
		t.Fatalf("verify of the new primary: %v %q", err, out)
	}
	log, err := exec.Command(run.bin, "log", "--db", s).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(log)), "\n")
	if len(lines) != 5 || !strings.Contains(lines[3], `"kind":"taken_over"`) || !strings.Contains(lines[3], `"epoch":2,"last_seq":3`) {
		t.Errorf("the new primary's log:\n%s", log)
	}
	for _, other := range []string{p, m} {
		out, err := exec.Command(run.bin, "verify", "--db", s, "--against", other).CombinedOutput()
		if err != nil || !strings.Contains(string(out), "holds the first 3 of the 5 events") {
			t.Errorf("verify --against %s: %v\n%s", other, err, out)
		}
	}

	old := run.start("old", fmt.Sprintf("serve --db %s --access %s --listen %s --headless", p, access, pAddr))
	old.waitFor("podium fence ended")
	d3 := startTmux(t, run.socket, "desk3", run.env, sshTo(pAddr))
	d3.waitFor("本机已被接替")
	d3.typeText("D0004")
	d3.send("Enter")
	d3.waitFor("不再记录任何操作")
	if out, err := exec.Command(run.bin, "verify", "--db", p).Output(); err != nil || !strings.HasPrefix(string(out), "ok 3 ") {
		t.Errorf("the old primary wrote after the takeover: %v %q", err, out)
	}
	t.Logf("the new primary after the takeover:\n%s", sb.screen())
	t.Logf("the old primary's desk:\n%s", d3.screen())
}
