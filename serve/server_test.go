package serve

import (
	"podium/files"

	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"podium/session"
	"podium/tui"
)

// newKey returns a fresh ed25519 signer and its authorized_keys line.
func newKey(t testing.TB) (gossh.Signer, string) {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s, strings.TrimSpace(string(gossh.MarshalAuthorizedKey(s.PublicKey())))
}

// patience is how long a test waits for what must come (a terminal's
// screen, a connection, an event) before it fails: generous, because a
// loaded 2-core machine is slow, and no test waits that long when all is
// well — each wait ends the moment what it waits for is there.
const patience = 60 * time.Second

type fixture struct {
	srv     *Server
	addr    string
	hostKey gossh.PublicKey
	sess    *session.Session
	name    string // the congress's name
	changed chan struct{}
	stop    func() // closes the server once (also at the test's end)
}

// start serves a demo congress on 127.0.0.1:0 to the users (name, role,
// key line) given.
func start(t testing.TB, users ...[3]string) *fixture {
	t.Helper()
	return startWith(t, Limits{}, nil, users...)
}

// startWith is start with limits, and logf hearing the server's log too.
func startWith(t testing.TB, lim Limits, logf func(string, ...any), users ...[3]string) *fixture {
	t.Helper()
	setup := files.Demo()
	sess, err := session.Create(&session.MemoryLog{}, session.Open{Meta: session.Meta{At: time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC), Actor: "host"}, Setup: setup})
	if err != nil {
		t.Fatal(err)
	}
	return serveOn(t, sess, lim, logf, users...)
}

// serveOn serves the congress of sess on 127.0.0.1:0 to the users (name,
// role, key line) given.
func serveOn(t testing.TB, sess *session.Session, lim Limits, logf func(string, ...any), users ...[3]string) *fixture {
	t.Helper()
	var b strings.Builder
	for _, u := range users {
		b.WriteString("[[user]]\nname = \"" + u[0] + "\"\nrole = \"" + u[1] + "\"\nkey = \"" + u[2] + "\"\n\n")
	}
	acc, err := ParseAccess("access.toml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	hk, created, err := LoadHostKey(filepath.Join(t.TempDir(), "podium.db.hostkey"))
	if err != nil || !created {
		t.Fatal(created, err)
	}
	var name string
	sess.Read(func(st *session.State) { name = st.Setup.Meeting.Name })
	f := &fixture{hostKey: hk.PublicKey(), sess: sess, name: name, changed: make(chan struct{}, 100)}
	srv, err := New(Config{
		Session: sess, Access: acc, HostKey: hk, Lang: "zh", Limits: lim,
		Logf: func(format string, a ...any) {
			t.Logf(format, a...)
			if logf != nil {
				logf(format, a...)
			}
		},
		ProgramOptions: []tea.ProgramOption{tea.WithFilter(func(_ tea.Model, msg tea.Msg) tea.Msg {
			if _, ok := msg.(tui.ChangedMsg); ok {
				select {
				case f.changed <- struct{}{}:
				default:
				}
			}
			return msg
		})},
	})
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(l) }()
	var once sync.Once
	f.stop = func() {
		once.Do(func() {
			if err := srv.Close(); err != nil {
				t.Error(err)
			}
			select {
			case err := <-served:
				if err != nil {
					t.Error(err)
				}
			case <-time.After(patience):
				t.Error("Serve did not return after Close")
			}
		})
	}
	t.Cleanup(f.stop)
	f.srv, f.addr = srv, l.Addr().String()
	return f
}

func (f *fixture) dial(key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
		User:            "podium",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.FixedHostKey(f.hostKey),
		Timeout:         patience,
	})
}

// login connects with key, opens a terminal and waits for the congress's
// screen; the connection is closed at the test's end.
func (f *fixture) login(t *testing.T, key gossh.Signer) (*gossh.Client, *terminal) {
	t.Helper()
	c, err := f.dial(key)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	term := openTerminal(t, c)
	term.waitFor(t, f.name)
	return c, term
}

// terminal is a client session with a pty whose output is collected.
type terminal struct {
	mu  sync.Mutex
	out bytes.Buffer
	s   *gossh.Session
	in  io.Writer
}

func openTerminal(t *testing.T, c *gossh.Client) *terminal {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	r, err := s.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	in, err := s.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	term := &terminal{s: s, in: in}
	go func() {
		buf := make([]byte, 4096)
		for {
			n, err := r.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	return term
}

// waitFor waits (at most patience) until the screen's text contains want.
func (term *terminal) waitFor(t *testing.T, want string) {
	t.Helper()
	if !term.shows(want, 0) {
		term.mu.Lock()
		defer term.mu.Unlock()
		t.Fatalf("the screen never showed %q; it showed %d bytes: %.400q", want, term.out.Len(), ansi.Strip(term.out.String()))
	}
}

// written is how many bytes the terminal has received so far: what it
// shows after a key is what comes after this mark.
func (term *terminal) written() int {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.Len()
}

// shows waits (at most patience) until the text the terminal received
// after the first from bytes contains want; false if it never did. Unlike
// waitFor it may be called from any goroutine.
func (term *terminal) shows(want string, from int) bool {
	deadline := time.Now().Add(patience)
	for time.Now().Before(deadline) {
		term.mu.Lock()
		text := ansi.Strip(string(term.out.Bytes()[from:]))
		term.mu.Unlock()
		if strings.Contains(text, want) {
			return true
		}
		time.Sleep(20 * time.Millisecond)
	}
	return false
}

// screen is the text the terminal has shown, for a failure's message.
func (term *terminal) screen() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return ansi.Strip(term.out.String())
}

func waitUntil(t *testing.T, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(patience)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestUnknownKeyRefusedAtHandshake(t *testing.T) {
	_, deskLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine})
	stranger, _ := newKey(t)
	c, err := f.dial(stranger)
	if err == nil {
		c.Close()
		t.Fatal("a key not in the access file was let in")
	}
	if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("want an authentication failure, got %v", err)
	}
	if n := len(f.srv.Clients()); n != 0 {
		t.Fatalf("%d clients after a refusal", n)
	}
}

func TestKnownKeyGetsTheCongress(t *testing.T) {
	desk, deskLine := newKey(t)
	proj, projLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine}, [3]string{"大厅", "projector", projLine})

	f.login(t, desk)
	c2, _ := f.login(t, proj)
	waitUntil(t, "both terminals are connected", func() bool {
		got := f.srv.Clients()
		slices.Sort(got)
		return slices.Equal(got, []string{"desk:门口一", "projector:大厅"})
	})

	// A committed event reaches every program.
	var id string
	f.sess.Read(func(st *session.State) { id = st.Setup.Roster[0].ID })
	if _, err := f.sess.Execute(session.Mark{Meta: session.Meta{At: time.Date(2026, 11, 25, 9, 1, 0, 0, time.UTC), Actor: "host"}, Person: id, Status: session.Present}); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		select {
		case <-f.changed:
		case <-time.After(patience):
			t.Fatalf("only %d of 2 programs heard of the event", i)
		}
	}

	// A dropped connection is forgotten; the other stays.
	c2.Close()
	waitUntil(t, "the dropped terminal is forgotten", func() bool {
		return slices.Equal(f.srv.Clients(), []string{"desk:门口一"})
	})
}

func TestNoPtyRefused(t *testing.T) {
	desk, deskLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine})
	c, err := f.dial(desk)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := s.CombinedOutput("")
	if err == nil {
		t.Fatalf("a session without a terminal ran: %q", out)
	}
	if !strings.Contains(string(out), "ssh -t") {
		t.Fatalf("want the terminal hint, got %q (%v)", out, err)
	}
}

func TestHostKeyKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "podium.db.hostkey")
	k1, created, err := LoadHostKey(path)
	if err != nil || !created {
		t.Fatal(created, err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Fatalf("host key mode %o, want 600", fi.Mode().Perm())
	}
	k2, created, err := LoadHostKey(path)
	if err != nil || created {
		t.Fatal(created, err)
	}
	if Fingerprint(k1.PublicKey()) != Fingerprint(k2.PublicKey()) || !strings.HasPrefix(Fingerprint(k1.PublicKey()), "SHA256:") {
		t.Fatalf("the host key changed: %s then %s", Fingerprint(k1.PublicKey()), Fingerprint(k2.PublicKey()))
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := LoadHostKey(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Fatalf("a host key open to others was accepted: %v", err)
	}
}

// send types keys (raw terminal input) into the terminal.
func (term *terminal) send(t *testing.T, keys string) {
	t.Helper()
	if _, err := io.WriteString(term.in, keys); err != nil {
		t.Fatal(err)
	}
}

// TestRefusalsPerRole: a desk's ctrl+n (twice, the host's confirmation)
// starts nothing and is answered with the refusal; a secretary's note is
// recorded under the secretary's actor.
func TestRefusalsPerRole(t *testing.T) {
	desk, deskLine := newKey(t)
	sec, secLine := newKey(t)
	f := start(t, [3]string{"门口一", "desk", deskLine}, [3]string{"秘书处", "secretary", secLine})
	if _, err := f.sess.Execute(session.StartItem{Meta: session.Meta{At: time.Date(2026, 11, 25, 9, 1, 0, 0, time.UTC), Actor: "host"}, Index: 0}); err != nil {
		t.Fatal(err)
	}
	item := func() (i int) {
		f.sess.Read(func(st *session.State) { i = st.Item })
		return i
	}

	_, t1 := f.login(t, desk)
	t1.send(t, "\x0e\x0e") // ctrl+n twice
	t1.waitFor(t, "无权进行此操作")
	if got := item(); got != 0 {
		t.Fatalf("after the desk's ctrl+n ctrl+n the current item is %d, want 0", got)
	}

	_, t2 := f.login(t, sec)
	from := t2.written()
	t2.send(t, "\x1b[18~") // f7
	if !t2.shows("第 1 项记录", from) {
		t.Fatalf("f7 asked for no note: %q", t2.screen())
	}
	t2.send(t, "会场已布置\r")
	var notes []session.Note
	waitUntil(t, "the secretary's note is recorded", func() bool {
		f.sess.Read(func(st *session.State) { notes = append(notes[:0], st.Notes...) })
		return len(notes) > 0
	})
	if len(notes) != 1 || notes[0].Text != "会场已布置" || notes[0].By != "secretary:秘书处" {
		t.Fatalf("notes %+v", notes)
	}
	if got := item(); got != 0 {
		t.Fatalf("the current item is %d, want 0", got)
	}
}
