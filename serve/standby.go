package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"charm.land/ssh"
	"charm.land/wish/v2"
	gossh "golang.org/x/crypto/ssh"

	"podium/session"
)

// A second laptop follows the congress as a standby over this same SSH
// server: its key has the role standby in the access file, and it runs
// one exec command, `podium log --from N … --follow`, whose output is the
// log as `podium log` prints it, event by event as they are committed
// (the lines and their checks are package app's: Config.Standby). A
// standby that took over tells the podium it took over from with `podium
// fence`, its takeover event as a podium log line on stdin. A standby key
// gets no screens and nothing else; no other key runs a command.

// StandbyService serves the standby role's two commands.
type StandbyService interface {
	// Log writes the log for a standby's request (the exec command's
	// words) to w until ctx ends or w fails.
	Log(ctx context.Context, args []string, w io.Writer) error
	// Fence reads a takeover notice from r and writes the answer to w.
	Fence(ctx context.Context, r io.Reader, w io.Writer) error
}

// commands is the middleware of exec commands: a standby key's log or
// fence, nothing else for anyone; sessions without a command go on to
// the screens.
func (s *Server) commands(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		u, ok := s.cfg.Access.Lookup(sess.PublicKey())
		args := sess.Command()
		switch {
		case !ok:
			wish.Fatalln(sess, "podium: your key is not in the access file")
		case u.Role == session.RoleStandby:
			s.standby(sess, u, args)
		case len(args) > 0:
			s.logf("refused %s from %s: the command %q (no commands are run over SSH)", u.Actor(), sess.RemoteAddr(), shorten(strings.Join(args, " ")))
			wish.Fatalln(sess, "podium: no commands are run here; connect with ssh -t for your screens")
		default:
			next(sess)
		}
	}
}

// standby runs a standby key's command.
func (s *Server) standby(sess ssh.Session, u User, args []string) {
	if len(args) > 0 && args[0] == "podium" {
		args = args[1:]
	}
	verb := ""
	if len(args) > 0 {
		verb = args[0]
	}
	switch {
	case len(args) == 0:
		s.logf("refused %s from %s: a standby key has no screens", u.Actor(), sess.RemoteAddr())
		wish.Fatalln(sess, "podium: a standby key has no screens; it follows the congress with podium standby")
		return
	case s.cfg.Standby == nil:
		wish.Fatalln(sess, "podium: this podium serves no standby")
		return
	case verb != "log" && verb != "fence":
		s.logf("refused %s from %s: the command %q (a standby may only follow the log)", u.Actor(), sess.RemoteAddr(), shorten(strings.Join(args, " ")))
		wish.Fatalln(sess, "podium: a standby may only follow the log (podium log … --follow)")
		return
	}
	s.logf("%s from %s: podium %s", u.Actor(), sess.RemoteAddr(), shorten(strings.Join(args, " ")))
	var err error
	if verb == "log" {
		err = s.cfg.Standby.Log(sess.Context(), args, sess)
	} else {
		err = s.cfg.Standby.Fence(sess.Context(), sess, sess)
	}
	if err != nil {
		s.logf("%s: podium %s: %v", u.Actor(), verb, err)
		wish.Fatalln(sess, "podium: "+err.Error())
		return
	}
	s.logf("%s: podium %s ended", u.Actor(), verb)
}

// shorten cuts a command for the log.
func shorten(s string) string {
	if r := []rune(s); len(r) > 120 {
		return string(r[:120]) + "…"
	}
	return s
}

// Primary is an SSH connection from a standby to the podium it follows.
type Primary struct {
	client *gossh.Client
	// HostKey is the primary's host key, as it presented it.
	HostKey gossh.PublicKey
}

// HostKeyError: the podium at the address presented another host key
// than the one trusted.
type HostKeyError struct {
	Addr      string
	Got, Want string // fingerprints
}

// Error names both keys.
func (e *HostKeyError) Error() string {
	return fmt.Sprintf("the podium at %s presents host key %s, not %s as before: is it another machine? If the primary really changed its key, forget the old one (podium standby --trust-new-host-key)", e.Addr, e.Got, e.Want)
}

// DialPrimary connects to the podium serve at addr with the standby's
// key. trusted is the primary's host key as last seen (nil: trust the
// first key presented, Primary.HostKey, which the caller keeps).
func DialPrimary(ctx context.Context, addr string, key gossh.Signer, trusted gossh.PublicKey) (*Primary, error) {
	p := &Primary{}
	cfg := &gossh.ClientConfig{
		User: "standby",
		Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error {
			if trusted != nil && string(k.Marshal()) != string(trusted.Marshal()) {
				return &HostKeyError{Addr: addr, Got: Fingerprint(k), Want: Fingerprint(trusted)}
			}
			p.HostKey = k
			return nil
		},
		Timeout: 10 * time.Second,
	}
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	c, chans, reqs, err := gossh.NewClientConn(conn, addr, cfg)
	if err != nil {
		conn.Close()
		var hk *HostKeyError
		if errors.As(err, &hk) {
			return nil, hk
		}
		return nil, err
	}
	p.client = gossh.NewClient(c, chans, reqs)
	go p.keepAlive()
	return p, nil
}

// keepAlive asks the primary every 5 s whether it is there, and closes
// the connection when it does not answer within 10 s (a primary that
// died without closing it).
func (p *Primary) keepAlive() {
	t := time.NewTicker(5 * time.Second)
	defer t.Stop()
	for range t.C {
		ok := make(chan error, 1)
		go func() { _, _, err := p.client.SendRequest("keepalive@openssh.com", true, nil); ok <- err }()
		select {
		case err := <-ok:
			if err != nil {
				return
			}
		case <-time.After(10 * time.Second):
			p.client.Close()
			return
		}
	}
}

// Close closes the connection.
func (p *Primary) Close() error { return p.client.Close() }

// Run runs the exec command args on the primary: its output, and a
// function that ends it (closing the connection's session).
func (p *Primary) Run(args []string, stdin io.Reader) (io.ReadCloser, error) {
	s, err := p.client.NewSession()
	if err != nil {
		return nil, err
	}
	s.Stdin = stdin
	out, err := s.StdoutPipe()
	if err != nil {
		s.Close()
		return nil, err
	}
	errOut, err := s.StderrPipe()
	if err != nil {
		s.Close()
		return nil, err
	}
	if err := s.Start(strings.Join(args, " ")); err != nil {
		s.Close()
		return nil, err
	}
	return &remote{s: s, out: out, errOut: errOut}, nil
}

// remote is the output of a command run on the primary; a read that ends
// with the command failing gives what it said on stderr.
type remote struct {
	s      *gossh.Session
	out    io.Reader
	errOut io.Reader
}

func (r *remote) Read(b []byte) (int, error) {
	n, err := r.out.Read(b)
	if errors.Is(err, io.EOF) {
		msg, _ := io.ReadAll(io.LimitReader(r.errOut, 4096))
		if werr := r.s.Wait(); werr != nil && len(msg) > 0 {
			return n, errors.New(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(string(msg)), "podium: ")))
		}
	}
	return n, err
}

func (r *remote) Close() error { return r.s.Close() }
